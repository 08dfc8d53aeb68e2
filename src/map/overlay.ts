// Everything drawn at screen size over the base map: location icons and labels, country names,
// off-map badges pinned to the edge, the hover tooltip and the no-borders notice. Laid out again
// whenever the view changes, so text stays crisp and icons keep their size at any zoom. Country names,
// icons, badges and the notice live in a screen layer of the map's picture (picture.ts) and are baked
// with it; place names and the tooltip are drawn live, above the animations.
import type * as Phaser from 'phaser';
import { FONT_FAMILY, type NameRaster, TextAtlas } from './atlas.ts';
import type { Anchor, Point, Rect, View } from './camera.ts';
import { css, palette } from './colour.ts';
import { arrowFrame, iconFrame } from './icons.ts';
import { layoutOverlay, type OverlayItems } from './layout.ts';
import type { MapModel } from './model.ts';
import { countryNameAlpha, frame, overlayItems } from './names.ts';
import { type Picture, unique } from './picture.ts';
import { drawPlain } from './plain-quads.ts';
import type { CountryLabel } from './shapes.ts';

const HIT_RADIUS = 14;

/** Depths of what is drawn live, bottom to top: the baked picture, the animations, place names, the tooltip. */
export const Depth = { picture: 0, effects: 35, labels: 40, ui: 60 } as const;

interface BadgeView {
  id: string;
  /** The name in its box. */
  box: Phaser.GameObjects.Image;
  /** The arrow on the side facing the real place. */
  arrow: Phaser.GameObjects.Image;
  screen: Anchor;
}

/** The screen-space layer of the map. */
export class Overlay {
  private readonly icons: Phaser.GameObjects.Image[];
  private readonly atlas: TextAtlas;
  private readonly placeLabels: Phaser.GameObjects.Image[];
  private readonly countryTexts: { label: CountryLabel; text: Phaser.GameObjects.Image }[];
  private readonly badgeViews: BadgeView[];
  private readonly tooltip: Phaser.GameObjects.Image;
  private readonly screen = new Map<string, Point>();
  /** What `layout` places, with the sizes of their frames. */
  private readonly items: OverlayItems;

  constructor(
    scene: Phaser.Scene,
    private readonly model: MapModel,
    countries: readonly CountryLabel[],
    notice: string | undefined,
    picture: Picture,
    /** Every name's text, drawn for this picture's scale (names.ts). */
    names: NameRaster,
  ) {
    const layer = picture.layer(scene, 'screen');
    const ink = css(palette.ink);
    const baked = picture.scale;
    this.items = overlayItems(model, countries, names);
    this.atlas = new TextAtlas(scene, unique(scene, 'brink-names'), names);
    this.countryTexts = countries.map((label, i) => ({
      label,
      text: this.atlas.image(scene, frame.country(i)).setAlpha(countryNameAlpha(label)),
    }));
    this.icons = model.places.map((p) => this.atlas.image(scene, iconFrame(p)));
    this.placeLabels = model.places.map((p) =>
      // Drawn live, above the animations: smoke lingering over a place must not hide its name.
      this.atlas.image(scene, frame.place(p.id)).setOrigin(0, 0).setDepth(Depth.labels),
    );
    this.badgeViews = model.badges.map((b) => ({
      id: b.id,
      box: this.atlas.image(scene, frame.badge(b.id)),
      arrow: this.atlas.image(scene, arrowFrame(b.colour)).setOrigin(0, 0.5),
      screen: { x: 0, y: 0 },
    }));
    // Bottom to top: country names, icons, badges.
    layer.add([
      ...this.countryTexts.map((c) => c.text),
      ...this.icons,
      ...this.badgeViews.flatMap((b) => [b.arrow, b.box]),
    ]);
    this.tooltip = this.atlas
      .image(scene)
      .setOrigin(0, 0)
      .setDepth(Depth.ui + 1)
      .setVisible(false);
    if (notice) {
      // Shown only when a scenario has no bundled borders: one Text of its own is no cost worth sparing.
      layer.add(
        drawPlain(
          scene.add.text(0, 0, notice, {
            fontFamily: FONT_FAMILY,
            resolution: baked,
            fontSize: '13px',
            color: ink,
            backgroundColor: '#fff8e1',
            padding: { x: 8, y: 4 },
            align: 'center',
            wordWrap: { width: Math.max(200, model.width - 40) },
          }),
        )
          .setPosition(model.width / 2, 10)
          .setOrigin(0.5, 0),
      );
    }
  }

  /** Lays everything out for the current view. */
  layout(view: View): void {
    const laid = layoutOverlay(this.items, (p) => view.toScreen(p));
    this.screen.clear();
    this.model.places.forEach((place, i) => {
      const s = laid.icons[i] ?? { x: 0, y: 0 };
      this.screen.set(place.id, s);
      // Not rounded to whole pixels, unlike the names: an icon centres on its place.
      this.icons[i]?.setFrame(iconFrame(place)).setPosition(s.x, s.y);
      const at = laid.placeNames[i];
      const label = this.placeLabels[i];
      if (at) label?.setPosition(at.x, at.y).setVisible(true);
      else label?.setVisible(false);
    });
    this.badgeViews.forEach((b, i) => {
      const spot = laid.badges[i];
      if (!spot) return;
      const { centre, halfW, halfH, arrow } = spot;
      b.screen = { ...centre, halfW, halfH };
      b.box.setPosition(centre.x, centre.y);
      b.arrow.setVisible(arrow !== undefined);
      if (arrow) b.arrow.setPosition(arrow.x, arrow.y).setRotation(arrow.angle);
    });
    this.countryTexts.forEach(({ text }, i) => {
      const c = laid.countries[i];
      if (c) text.setPosition(c.x, c.y);
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

  /** Shows the tooltip for the location under `p`, or hides it. Returns the location id. */
  hover(p: Point | undefined): string | undefined {
    const id = p && this.hit(p);
    const place = id ? this.model.places.find((x) => x.id === id) : undefined;
    if (!p || !place) {
      this.tooltip.setVisible(false);
      return undefined;
    }
    this.tooltip.setFrame(frame.tip(place.id));
    const x = Math.round(Math.min(p.x + 14, this.model.width - this.tooltip.width - 4));
    const y = Math.round(Math.max(4, p.y - 28));
    this.tooltip.setPosition(x, y).setVisible(true);
    return id;
  }

  /** Where the tooltip is drawn, in canvas pixels; undefined while it is hidden. */
  tooltipBox(): Rect | undefined {
    const t = this.tooltip;
    return t.visible ? { x: t.x, y: t.y, width: t.width, height: t.height } : undefined;
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
