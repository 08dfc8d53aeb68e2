// Everything drawn at screen size over the base map: location icons and labels, country names,
// off-map badges pinned to the edge, the hover tooltip and the no-borders notice. They live in the
// overlay layer, which a camera of its own shows unzoomed, and are laid out again whenever the view
// changes, so that text stays crisp and icons keep their size at any zoom.
import type * as Phaser from 'phaser';
import type { Anchor, Point, Rect, View } from './camera.ts';
import { css, palette } from './colour.ts';
import { drawIcon } from './icons.ts';
import { layoutOverlay, type OverlayItems } from './layout.ts';
import type { MapModel } from './model.ts';
import type { CountryLabel } from './shapes.ts';

const HIT_RADIUS = 14;

/** The family of every name on the map. */
const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, sans-serif';
const INK = css(palette.ink);

/**
 * Depths in the overlay, bottom to top: the tone's tint over the base map, country names, icons, badges,
 * drafted orders' marks, the animations, place names (smoke lingering over a place must not hide its name), the tooltip.
 */
export const Depth = {
  tone: 0,
  countries: 1,
  icons: 2,
  badges: 3,
  pending: 30,
  effects: 35,
  labels: 40,
  ui: 60,
} as const;

interface BadgeView {
  id: string;
  box: Phaser.GameObjects.Graphics;
  name: Phaser.GameObjects.Text;
  /** The arrow on the side facing the real place. */
  arrow: Phaser.GameObjects.Graphics;
  screen: Anchor;
}

/** The screen-space layer of the map. */
export class Overlay {
  private readonly icons: Phaser.GameObjects.Graphics[];
  /** Each crossing's state as its icon was drawn, by place index. */
  private readonly drawnOpen: (boolean | undefined)[];
  private readonly placeLabels: Phaser.GameObjects.Text[];
  private readonly countryNames: Phaser.GameObjects.Text[];
  private readonly badgeViews: BadgeView[];
  private readonly tooltip: Phaser.GameObjects.Text;
  private readonly screen = new Map<string, Point>();
  /** What `layout` places, with the sizes of their texts. */
  private readonly items: OverlayItems;

  constructor(
    scene: Phaser.Scene,
    layer: Phaser.GameObjects.Layer,
    private readonly model: MapModel,
    countries: readonly CountryLabel[],
    notice: string | undefined,
  ) {
    const text = (s: string, style: Phaser.Types.GameObjects.Text.TextStyle) =>
      scene.add.text(0, 0, s, { fontFamily: FONT_FAMILY, ...style });
    this.countryNames = countries.map((label) =>
      (label.focus
        ? text(label.name.toUpperCase(), { fontSize: '15px', fontStyle: 'bold', color: '#4a4335' })
        : text(label.name, { fontSize: '12px', fontStyle: 'italic', color: '#7d786d' })
      )
        .setOrigin(0.5)
        // A governed country's name a little fainter, over its paler fill.
        .setAlpha(label.focus ? 0.75 : 0.9)
        .setDepth(Depth.countries),
    );
    this.icons = model.places.map((p) => drawIcon(scene.add.graphics(), p).setDepth(Depth.icons));
    this.drawnOpen = model.places.map((p) => p.open);
    this.placeLabels = model.places.map((p) =>
      text(p.name, {
        fontSize: p.kind === 'capital' ? '13px' : '12px',
        fontStyle: p.kind === 'capital' ? 'bold' : '',
        color: INK,
        stroke: '#ffffff',
        strokeThickness: 3,
      }).setDepth(Depth.labels),
    );
    this.badgeViews = model.badges.map((b) => {
      // A badge is its name in a white box edged in its actor's colour.
      const name = text(b.name, { fontSize: '12px', fontStyle: 'bold', color: INK, padding: { x: 8, y: 3 } })
        .setOrigin(0.5)
        .setDepth(Depth.badges + 0.5);
      const { width: w, height: h } = name;
      const box = scene.add
        .graphics()
        .fillStyle(0xffffff, 0.95)
        .fillRoundedRect(-w / 2, -h / 2, w, h, 6)
        .lineStyle(2, b.colour)
        .strokeRoundedRect(1 - w / 2, 1 - h / 2, w - 2, h - 2, 5)
        .setDepth(Depth.badges);
      const arrow = scene.add
        .graphics()
        .fillStyle(b.colour)
        .fillTriangle(0, -5, 7, 0, 0, 5)
        .setDepth(Depth.badges);
      return { id: b.id, box, name, arrow, screen: { x: 0, y: 0 } };
    });
    this.tooltip = text('', {
      fontSize: '13px',
      color: '#ffffff',
      backgroundColor: '#1b1f24',
      padding: { x: 6, y: 3 },
    })
      .setDepth(Depth.ui)
      .setVisible(false);
    layer.add([
      ...this.countryNames,
      ...this.icons,
      ...this.placeLabels,
      ...this.badgeViews.flatMap((b) => [b.box, b.name, b.arrow]),
      this.tooltip,
    ]);
    if (notice)
      layer.add(
        text(notice, {
          fontSize: '13px',
          color: INK,
          backgroundColor: '#fff8e1',
          padding: { x: 8, y: 4 },
          align: 'center',
          wordWrap: { width: Math.max(200, model.width - 40) },
        })
          .setPosition(Math.round(model.width / 2), 10)
          .setOrigin(0.5, 0)
          .setDepth(Depth.ui),
      );
    const size = (t: Phaser.GameObjects.Text) => ({ w: t.width, h: t.height });
    this.items = {
      width: model.width,
      height: model.height,
      places: model.places,
      placeNames: this.placeLabels.map(size),
      badges: model.badges,
      badgeBoxes: this.badgeViews.map((b) => size(b.name)),
      countries,
    };
  }

  /** Lays everything out for the current view, and draws again the icons of crossings opened or closed. */
  layout(view: View): void {
    const laid = layoutOverlay(this.items, (p) => view.toScreen(p));
    this.screen.clear();
    this.model.places.forEach((place, i) => {
      const s = laid.icons[i] ?? { x: 0, y: 0 };
      this.screen.set(place.id, s);
      const icon = this.icons[i];
      if (icon && this.drawnOpen[i] !== place.open) {
        drawIcon(icon, place);
        this.drawnOpen[i] = place.open;
      }
      // Not rounded to whole pixels, unlike the names: an icon centres on its place.
      icon?.setPosition(s.x, s.y);
      const at = laid.placeNames[i];
      this.placeLabels[i]?.setVisible(at !== undefined).setPosition(at?.x ?? 0, at?.y ?? 0);
    });
    this.badgeViews.forEach((b, i) => {
      const spot = laid.badges[i];
      if (!spot) return;
      const { centre, halfW, halfH, arrow } = spot;
      b.screen = { ...centre, halfW, halfH };
      b.box.setPosition(centre.x, centre.y);
      b.name.setPosition(Math.round(centre.x), Math.round(centre.y));
      b.arrow.setVisible(arrow !== undefined);
      if (arrow) b.arrow.setPosition(arrow.x, arrow.y).setRotation(arrow.angle);
    });
    this.countryNames.forEach((name, i) => {
      const c = laid.countries[i];
      if (c) name.setPosition(Math.round(c.x), Math.round(c.y));
    });
  }

  /** The screen point of a location or badge, if it exists. */
  pointOf(id: string): Anchor | undefined {
    return this.screen.get(id) ?? this.badgeViews.find((b) => b.id === id)?.screen;
  }

  /** The location nearest to `p` within reach of a finger, if any. */
  hit(p: Point): string | undefined {
    let best: string | undefined;
    let bestD = HIT_RADIUS;
    for (const [id, s] of this.screen) {
      const d = Math.hypot(s.x - p.x, s.y - p.y);
      if (d <= bestD) {
        bestD = d;
        best = id;
      }
    }
    return best;
  }

  /** The location nearest to `p` within reach of a finger, else the badge whose box holds `p`. */
  hitSpot(p: Point): { kind: 'place' | 'badge'; id: string } | undefined {
    const id = this.hit(p);
    if (id) return { kind: 'place', id };
    const badge = this.badgeViews.find(
      ({ screen: s }) => Math.abs(p.x - s.x) <= (s.halfW ?? 0) && Math.abs(p.y - s.y) <= (s.halfH ?? 0),
    );
    return badge && { kind: 'badge', id: badge.id };
  }

  /**
   * Shows the tooltip for the place or badge under `p` (its name, or what `tip` says of it), or hides it.
   * Returns its id.
   */
  hover(p: Point | undefined, tip: (id: string) => string | undefined = () => undefined): string | undefined {
    const id = p && this.hitSpot(p)?.id;
    const name =
      id && (this.model.places.find((x) => x.id === id) ?? this.model.badges.find((x) => x.id === id))?.name;
    if (!p || !id || !name) {
      this.tooltip.setVisible(false);
      return undefined;
    }
    this.tooltip.setText(tip(id) ?? name);
    const x = Math.round(Math.max(4, Math.min(p.x + 14, this.model.width - this.tooltip.width - 4)));
    const y = Math.round(Math.max(4, p.y - 28));
    this.tooltip.setPosition(x, y).setVisible(true);
    return id;
  }

  /** Where the label of place `id` is drawn, in canvas pixels; undefined when it is left out. */
  labelBox(id: string): Rect | undefined {
    const label = this.placeLabels[this.model.places.findIndex((p) => p.id === id)];
    if (!label?.visible) return undefined;
    return { x: label.x, y: label.y, width: label.width, height: label.height };
  }

  /** The texts of the location labels drawn (a label with no free spot at this zoom is left out). */
  labelTexts(): string[] {
    return this.model.places.filter((_, i) => this.placeLabels[i]?.visible).map((p) => p.name);
  }
}
