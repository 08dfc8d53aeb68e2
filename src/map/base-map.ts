// The base map in world pixels: the sea, countries, greyed neighbours, their outlines, the highlighted
// borders and the humanitarian halo, or a plain graticule when no region could be had. It lives in the
// world layer, which the main camera pans and zooms; the lines are drawn again when the zoom changes,
// since their widths are screen pixels.
import type * as Phaser from 'phaser';
import { palette } from './colour.ts';
import type { MapModel } from './model.ts';
import { type CountryShape, dashes, type MapShapes } from './shapes.ts';
import { unit } from './state.ts';

/** How the base map's lines are drawn: widths (and the borders' dashes) in screen pixels, whatever the zoom. */
const LINE_STYLE = {
  /** Outlines of the countries the scenario governs, and of their neighbours. */
  focusOutline: { width: 1.4, colour: palette.countryEdge, alpha: 1 },
  outline: { width: 0.8, colour: palette.neighbourEdge, alpha: 1 },
  /** The highlighted borders: a pale glow under bright dashes, so that they read on any fill. */
  glow: { width: 7, colour: palette.borderGlow, alpha: 0.9 },
  dashes: { width: 3, colour: palette.border, alpha: 1, on: 9, off: 5 },
} as const;

/** The humanitarian halo's colour. */
const HALO = 0xf08a24;

/** Draws and updates the base map of one scenario. */
export class BaseMap {
  /** The outlines and borders, or the graticule. */
  private readonly lines: Phaser.GameObjects.Graphics;
  /** The humanitarian halo: the affected country's fill, and its edge (drawn at each level and zoom). */
  private readonly haloFill: Phaser.GameObjects.Polygon[];
  private readonly haloEdge: Phaser.GameObjects.Graphics;
  private readonly haloShape: CountryShape | undefined;
  private haloLevel = 0;
  private zoom = 1;

  constructor(
    scene: Phaser.Scene,
    layer: Phaser.GameObjects.Layer,
    private readonly model: MapModel,
    /** The countries and borders in world pixels (shapes.ts); none draws a graticule instead. */
    private readonly shapes: MapShapes,
  ) {
    layer.add(scene.add.rectangle(0, 0, model.width, model.height, palette.sea).setOrigin(0, 0));
    for (const c of shapes.countries) layer.add(fills(scene, c, c.fill));
    this.haloShape = shapes.countries.find((c) => c.iso === model.humanitarianIso);
    this.haloFill = this.haloShape ? fills(scene, this.haloShape, HALO) : [];
    this.haloEdge = scene.add.graphics();
    this.lines = scene.add.graphics();
    layer.add([...this.haloFill, this.haloEdge, this.lines]);
    this.drawLines();
    this.drawHalo();
  }

  /** Draws the lines for a view at `zoom`, if they were drawn for another. */
  setZoom(zoom: number): void {
    if (zoom === this.zoom) return;
    this.zoom = zoom;
    this.drawLines();
    this.drawHalo();
  }

  /** Sets the humanitarian overlay: 0 hides it, 1 is the strongest. False when nothing changed. */
  setHalo(level: number): boolean {
    const next = unit(level);
    if (next === this.haloLevel) return false;
    this.haloLevel = next;
    this.drawHalo();
    return true;
  }

  private drawLines(): void {
    const g = this.lines.clear();
    const z = this.zoom;
    const { countries, borders } = this.shapes;
    if (countries.length === 0) {
      drawGraticule(g, this.model, z);
      return;
    }
    const { focusOutline, outline, glow, dashes: dash } = LINE_STYLE;
    for (const c of countries) stroke(g, c.outline, c.focus ? focusOutline : outline, z);
    stroke(g, borders, glow, z);
    stroke(
      g,
      borders.flatMap((line) => dashes(line, dash.on / z, dash.off / z)),
      dash,
      z,
    );
  }

  private drawHalo(): void {
    const level = this.haloLevel;
    const shape = this.haloShape;
    const shown = shape !== undefined && level > 0;
    for (const fill of this.haloFill) fill.setVisible(shown).setFillStyle(HALO, 0.12 + 0.33 * level);
    this.haloEdge.clear().setVisible(shown);
    if (shown)
      stroke(
        this.haloEdge,
        shape.outline,
        { width: 2 + 10 * level, colour: HALO, alpha: 0.35 + 0.4 * level },
        this.zoom,
      );
  }
}

/** A country's fill: a Polygon for each of its rings. */
function fills(scene: Phaser.Scene, shape: CountryShape, colour: number): Phaser.GameObjects.Polygon[] {
  return shape.rings.map((ring) => scene.add.polygon(0, 0, ring, colour).setOrigin(0, 0));
}

/** Strokes open lines (flat x, y in world pixels) `style.width` screen pixels wide at `zoom`. */
function stroke(
  g: Phaser.GameObjects.Graphics,
  lines: readonly number[][],
  style: { width: number; colour: number; alpha: number },
  zoom: number,
): void {
  g.lineStyle(style.width / zoom, style.colour, style.alpha).beginPath();
  for (const line of lines) {
    g.moveTo(line[0] ?? 0, line[1] ?? 0);
    for (let i = 2; i + 1 < line.length; i += 2) g.lineTo(line[i] ?? 0, line[i + 1] ?? 0);
  }
  g.strokePath();
}

/** Lines of latitude and longitude at a round step, one screen pixel wide. */
function drawGraticule(g: Phaser.GameObjects.Graphics, model: MapModel, zoom: number): void {
  const nw = model.projection.invert(0, 0);
  const se = model.projection.invert(model.width, model.height);
  const span = Math.max(se.lon - nw.lon, nw.lat - se.lat);
  const step = [0.5, 1, 2, 5, 10, 15, 30].find((s) => span / s <= 12) ?? 30;
  g.lineStyle(1 / zoom, palette.graticule, 1);
  for (let lon = Math.ceil(nw.lon / step) * step; lon <= se.lon; lon += step) {
    const x = model.projection.project(lon, 0).x;
    g.lineBetween(x, 0, x, model.height);
  }
  for (let lat = Math.ceil(se.lat / step) * step; lat <= nw.lat; lat += step) {
    const y = model.projection.project(0, lat).y;
    g.lineBetween(0, y, model.width, y);
  }
}
