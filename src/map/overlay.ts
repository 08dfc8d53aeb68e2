// Everything drawn at screen size over the base map: location icons and labels, country names,
// off-map badges pinned to the edge, the hover tooltip and the no-borders notice. Laid out again
// whenever the view changes, so text stays crisp and icons keep their size at any zoom. Country names,
// icons, badges and the notice live in a screen layer of the map's picture (picture.ts) and are baked
// with it; place names and the tooltip are drawn live, above the animations.
import type * as Phaser from 'phaser';
import type { CountryLabel } from './base-map.ts';
import type { Anchor, Point, Rect, View } from './camera.ts';
import { css, palette } from './colour.ts';
import { drawIcon } from './icons.ts';
import { type Box, boxAround, edge, type LabelItem, pinBadges, placeLabels } from './layout.ts';
import type { MapModel } from './model.ts';
import type { Picture } from './picture.ts';

const FONT = 'system-ui, "Segoe UI", Roboto, sans-serif';
const HIT_RADIUS = 14;
// Labels of the more important kinds are placed first and get the best spot.
const RANK = ['capital', 'crossing', 'military-post', 'airbase', 'city', 'camp', 'province', 'other'];

/** Depths of what is drawn live, bottom to top: the baked picture, the animations, place names, the tooltip. */
export const Depth = { picture: 0, effects: 35, labels: 40, ui: 60 } as const;

interface BadgeView {
  id: string;
  box: Phaser.GameObjects.Graphics;
  text: Phaser.GameObjects.Text;
  screen: Anchor;
}

/** The screen-space layer of the map. */
export class Overlay {
  private readonly icons: Phaser.GameObjects.Graphics;
  private readonly placeLabels: Phaser.GameObjects.Text[];
  private readonly countryTexts: { label: CountryLabel; text: Phaser.GameObjects.Text }[];
  private readonly badgeViews: BadgeView[];
  private readonly tooltip: Phaser.GameObjects.Text;
  private readonly screen = new Map<string, Point>();

  constructor(
    scene: Phaser.Scene,
    private readonly model: MapModel,
    countries: CountryLabel[],
    notice: string | undefined,
    picture: Picture,
  ) {
    const layer = picture.layer(scene, 'screen');
    // Baked glyphs are rasterised at the bake's resolution, so they stay sharp once it is shown at half size.
    // A font is measured once and its metrics reused: Phaser would measure it again for every label.
    const metrics = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();
    const text = (content: string, style: Phaser.Types.GameObjects.Text.TextStyle) => {
      const font = `${style.fontStyle ?? ''} ${style.fontSize ?? ''}`;
      const known = metrics.get(font);
      const t = scene.add.text(0, 0, content, {
        fontFamily: FONT,
        resolution: picture.scale,
        ...style,
        ...(known && { metrics: known }),
      });
      if (!known) metrics.set(font, t.style.getTextMetrics());
      return t;
    };
    this.countryTexts = countries.map((label) => ({
      label,
      text: text(label.focus ? label.name.toUpperCase() : label.name, {
        fontSize: label.focus ? '15px' : '12px',
        fontStyle: label.focus ? 'bold' : 'italic',
        color: label.focus ? '#4a4335' : '#7d786d',
      })
        .setOrigin(0.5)
        .setAlpha(label.focus ? 0.75 : 0.9),
    }));
    this.icons = scene.add.graphics();
    this.placeLabels = model.places.map((p) =>
      // Drawn live, at screen resolution, above the animations: smoke lingering over a place must not
      // hide its name. Twenty small quads cost a software rasteriser little beside one full picture.
      text(p.name, {
        resolution: 1,
        fontSize: p.kind === 'capital' ? '13px' : '12px',
        fontStyle: p.kind === 'capital' ? 'bold' : 'normal',
        color: css(palette.ink),
        stroke: '#ffffff',
        strokeThickness: 3,
      }).setDepth(Depth.labels),
    );
    this.badgeViews = model.badges.map((b) => ({
      id: b.id,
      box: scene.add.graphics(),
      text: text(b.name, { fontSize: '12px', fontStyle: 'bold', color: css(palette.ink) }).setOrigin(0.5),
      screen: { x: 0, y: 0 },
    }));
    // Bottom to top: country names, icons, badge boxes, badge names.
    layer.add([
      ...this.countryTexts.map((c) => c.text),
      this.icons,
      ...this.badgeViews.map((b) => b.box),
      ...this.badgeViews.map((b) => b.text),
    ]);
    this.tooltip = scene.add
      .text(0, 0, '', {
        fontFamily: FONT,
        fontSize: '13px',
        color: '#ffffff',
        backgroundColor: '#1b1f24',
        padding: { x: 6, y: 3 },
      })
      .setDepth(Depth.ui + 1)
      .setVisible(false);
    if (notice) {
      layer.add(
        text(notice, {
          fontSize: '13px',
          color: css(palette.ink),
          backgroundColor: '#fff8e1',
          padding: { x: 8, y: 4 },
          align: 'center',
          wordWrap: { width: Math.max(200, model.width - 40) },
        })
          .setPosition(model.width / 2, 10)
          .setOrigin(0.5, 0),
      );
    }
  }

  /** Lays everything out for the current view. */
  layout(view: View): void {
    this.screen.clear();
    const g = this.icons.clear();
    const items: LabelItem[] = this.model.places.map((place, i) => {
      const s = view.toScreen(place.world);
      this.screen.set(place.id, s);
      drawIcon(g, place, s.x, s.y);
      const text = this.placeLabels[i];
      return {
        at: s,
        w: text?.width ?? 0,
        h: text?.height ?? 0,
        rank: RANK.indexOf(place.kind),
        gap: place.kind === 'crossing' ? 12 : 9,
      };
    });
    // Badges first: they are pinned where their places lie, and names make way for them.
    const badges = this.placeBadges(view);
    placeLabels(items, this.model.width, this.model.height, badges).forEach((p, i) => {
      const label = this.placeLabels[i];
      // Whole pixels: drawn at 1:1, a name between pixels would be filtered soft.
      if (p) label?.setPosition(Math.round(p.x), Math.round(p.y)).setVisible(true);
      else label?.setVisible(false);
    });
    for (const { label, text } of this.countryTexts) {
      const s = view.toScreen(label.world);
      text.setPosition(s.x, s.y);
    }
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
    const x = Math.round(Math.min(p.x + 14, this.model.width - this.tooltip.width - 4));
    const y = Math.round(Math.max(4, p.y - 28));
    this.tooltip.setText(place.name).setPosition(x, y).setVisible(true);
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
    return this.placeLabels.filter((t) => t.visible).map((t) => t.text);
  }

  /** Pins and draws the badges for this view; gives back the boxes they cover. */
  private placeBadges(view: View): Box[] {
    const items = this.badgeViews.map((b, i) => ({
      target: view.toScreen(this.model.badges[i]?.world ?? { x: 0, y: 0 }),
      halfW: b.text.width / 2 + 8,
      halfH: 11,
    }));
    const centres = pinBadges(items, this.model.width, this.model.height);
    const boxes: Box[] = [];
    this.badgeViews.forEach((b, i) => {
      const item = items[i];
      const c = centres[i];
      const colour = this.model.badges[i]?.colour ?? palette.ink;
      if (!item || !c) return;
      const { halfW, halfH } = item;
      const box = boxAround(c, halfW, halfH);
      boxes.push(box);
      b.screen = { ...c, halfW, halfH };
      b.text.setPosition(c.x, c.y);
      const g = b.box.clear();
      g.fillStyle(0xffffff, 0.95).fillRoundedRect(box.x, box.y, box.w, box.h, 6);
      g.lineStyle(2, colour, 1).strokeRoundedRect(box.x, box.y, box.w, box.h, 6);
      // A small arrow on the side facing the real place.
      const dx = item.target.x - c.x;
      const dy = item.target.y - c.y;
      const len = Math.hypot(dx, dy);
      if (len < halfW) return;
      const ux = dx / len;
      const uy = dy / len;
      const reach = edge(halfW, halfH, dx, dy);
      const bx = c.x + ux * reach;
      const by = c.y + uy * reach;
      g.fillStyle(colour, 1).fillTriangle(
        bx + ux * 7,
        by + uy * 7,
        bx - uy * 5,
        by + ux * 5,
        bx + uy * 5,
        by - ux * 5,
      );
    });
    return boxes;
  }
}
