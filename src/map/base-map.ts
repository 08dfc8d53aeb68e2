// The base map in world pixels: countries, greyed neighbours, the highlighted borders, the
// humanitarian halo, or a plain graticule when no region was bundled. The shapes live in a world
// layer of the map's picture (picture.ts), baked whenever the view or the halo changes.
import type * as Phaser from 'phaser';
import type { Point, View } from './camera.ts';
import { mix, palette } from './colour.ts';
import { clipRing, ringArea, ringCentroid } from './geometry.ts';
import type { MapModel } from './model.ts';
import type { Region, RegionBounds } from './region.ts';

interface CountryShape {
  iso: string;
  name: string;
  focus: boolean;
  /** Outer rings in world pixels, flat. */
  rings: number[][];
  /** Outline runs in world pixels (clip-edge segments left out). */
  outline: number[][];
}

/** A country name to draw, at the centre of its largest visible part. */
export interface CountryLabel {
  name: string;
  focus: boolean;
  world: Point;
}

/** Draws and updates the base map of one scenario. */
export class BaseMap {
  private readonly shapes: CountryShape[] = [];
  private readonly borders: number[][] = [];
  private readonly strokes: Phaser.GameObjects.Graphics;
  private readonly halo: Phaser.GameObjects.Graphics;
  private haloLevel = 0;
  private drawnZoom = 0;

  constructor(
    scene: Phaser.Scene,
    private readonly model: MapModel,
    region: Region | undefined,
    private readonly container: Phaser.GameObjects.Container,
    /** Texels per canvas pixel of the picture the layer is baked into. */
    private readonly scale: number,
  ) {
    const sea = scene.add.rectangle(0, 0, model.width, model.height, palette.sea).setOrigin(0, 0);
    this.container.add(sea);
    if (region) this.addCountries(scene, region);
    this.halo = scene.add.graphics();
    this.strokes = scene.add.graphics();
    this.container.add([this.halo, this.strokes]);
  }

  /** Names of the countries drawn (empty without a region). */
  labels(): CountryLabel[] {
    return this.shapes.flatMap((s) => {
      const ring = labelRing(s.rings, this.model.width, this.model.height);
      return ring ? [{ name: s.name, focus: s.focus, world: ringCentroid(ring) }] : [];
    });
  }

  /** Follows the view: moves the layer, and redraws the strokes when the zoom changed. */
  apply(view: View): void {
    const z = view.zoom * this.scale;
    this.container.setPosition(-view.x * z, -view.y * z).setScale(z);
    if (view.zoom !== this.drawnZoom) {
      this.drawnZoom = view.zoom;
      this.drawStrokes(view.zoom);
      this.drawHalo();
    }
  }

  /** Sets the humanitarian overlay: 0 hides it, 1 is the strongest. False when nothing changed. */
  setHalo(level: number): boolean {
    const next = Math.max(0, Math.min(1, level));
    if (next === this.haloLevel) return false;
    this.haloLevel = next;
    this.drawHalo();
    return true;
  }

  private addCountries(scene: Phaser.Scene, region: Region): void {
    const { project } = this.model.projection;
    const toWorld = (flat: number[]) => {
      const out: number[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const p = project(flat[i] ?? 0, flat[i + 1] ?? 0);
        out.push(p.x, p.y);
      }
      return out;
    };
    for (const c of region.countries) {
      const rings = c.polygons.flatMap((poly) => (poly[0] ? [poly[0]] : []));
      const actorColour = this.model.countryColour.get(c.iso);
      // Listed countries without an actor keep their scenario name but are drawn like neighbours.
      const shape: CountryShape = {
        iso: c.iso,
        name: c.name,
        focus: c.focus && actorColour !== undefined,
        rings: rings.map(toWorld),
        outline: rings.flatMap((r) => outlineRuns(r, region.clip)).map(toWorld),
      };
      this.shapes.push(shape);
      const fill = actorColour !== undefined && c.focus ? mix(0xffffff, actorColour, 0.2) : palette.neighbour;
      // Polygon shapes triangulate once; Graphics would triangulate every frame.
      for (const ring of shape.rings) {
        this.container.add(scene.add.polygon(0, 0, ring, fill).setOrigin(0, 0));
      }
    }
    for (const b of region.borders) for (const line of b.lines) this.borders.push(toWorld(line));
  }

  private drawStrokes(zoom: number): void {
    const g = this.strokes.clear();
    if (this.shapes.length === 0) {
      drawGraticule(g, this.model, zoom);
      return;
    }
    for (const s of this.shapes) {
      g.lineStyle((s.focus ? 1.4 : 0.8) / zoom, s.focus ? palette.countryEdge : palette.neighbourEdge, 1);
      for (const run of s.outline) strokeFlat(g, run);
    }
    // The highlighted border: a pale glow under bright dashes, so it reads on any fill.
    g.lineStyle(7 / zoom, palette.borderGlow, 0.9);
    for (const line of this.borders) strokeFlat(g, line);
    g.lineStyle(3 / zoom, palette.border, 1);
    for (const line of this.borders) for (const dash of dashes(line, 9 / zoom, 5 / zoom)) strokeFlat(g, dash);
  }

  private drawHalo(): void {
    const g = this.halo.clear();
    const shape = this.shapes.find((s) => s.iso === this.model.humanitarianIso);
    if (!shape || this.haloLevel <= 0) return;
    const zoom = this.drawnZoom || 1;
    const colour = 0xf08a24;
    g.fillStyle(colour, 0.12 + 0.33 * this.haloLevel);
    // The halo is redrawn only when the level or zoom changes, so Graphics' per-frame cost stays small.
    for (const ring of shape.rings) fillFlat(g, ring);
    g.lineStyle((2 + 10 * this.haloLevel) / zoom, colour, 0.35 + 0.4 * this.haloLevel);
    for (const run of shape.outline) strokeFlat(g, run);
  }
}

/** Splits a ring (lon/lat, flat) into runs that leave out segments lying on the clip rectangle. */
export function outlineRuns(ring: number[], clip: RegionBounds): number[][] {
  const n = ring.length / 2;
  const onEdge = (i: number, j: number) => {
    const ax = ring[i * 2];
    const ay = ring[i * 2 + 1];
    const bx = ring[j * 2];
    const by = ring[j * 2 + 1];
    return (
      (ax === bx && (ax === clip.west || ax === clip.east)) ||
      (ay === by && (ay === clip.south || ay === clip.north))
    );
  };
  const runs: number[][] = [];
  let run: number[] = [];
  for (let k = 0; k <= n; k++) {
    const i = k % n;
    const j = (k + 1) % n;
    if (run.length === 0) run.push(ring[i * 2] ?? 0, ring[i * 2 + 1] ?? 0);
    if (k === n || onEdge(i, j)) {
      if (run.length >= 4) runs.push(run);
      run = [];
      continue;
    }
    run.push(ring[j * 2] ?? 0, ring[j * 2 + 1] ?? 0);
  }
  return runs;
}

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

function strokeFlat(g: Phaser.GameObjects.Graphics, flat: number[]): void {
  if (flat.length < 4) return;
  g.beginPath();
  g.moveTo(flat[0] ?? 0, flat[1] ?? 0);
  for (let i = 2; i + 1 < flat.length; i += 2) g.lineTo(flat[i] ?? 0, flat[i + 1] ?? 0);
  g.strokePath();
}

function fillFlat(g: Phaser.GameObjects.Graphics, flat: number[]): void {
  if (flat.length < 6) return;
  g.beginPath();
  g.moveTo(flat[0] ?? 0, flat[1] ?? 0);
  for (let i = 2; i + 1 < flat.length; i += 2) g.lineTo(flat[i] ?? 0, flat[i + 1] ?? 0);
  g.closePath();
  g.fillPath();
}

/** Cuts a flat polyline into dashes of `on` length separated by `off` gaps. */
export function dashes(line: number[], on: number, off: number): number[][] {
  const out: number[][] = [];
  let drawing = true;
  let left = on;
  let current: number[] = [line[0] ?? 0, line[1] ?? 0];
  for (let i = 0; i + 3 < line.length; i += 2) {
    let ax = line[i] ?? 0;
    let ay = line[i + 1] ?? 0;
    const bx = line[i + 2] ?? 0;
    const by = line[i + 3] ?? 0;
    let len = Math.hypot(bx - ax, by - ay);
    while (len > left) {
      const t = left / len;
      ax += (bx - ax) * t;
      ay += (by - ay) * t;
      len -= left;
      if (drawing) {
        current.push(ax, ay);
        out.push(current);
      } else current = [ax, ay];
      drawing = !drawing;
      left = drawing ? on : off;
    }
    left -= len;
    if (drawing) current.push(bx, by);
  }
  if (drawing && current.length >= 4) out.push(current);
  return out;
}

/** The largest part of a country inside the visible world, where its name goes. */
function labelRing(rings: number[][], width: number, height: number): number[] | undefined {
  let best: number[] | undefined;
  let bestArea = 0;
  for (const ring of rings) {
    const inside = clipRing(ring, { west: 0, south: 0, east: width, north: height });
    const a = inside.length >= 6 ? Math.abs(ringArea(inside)) : 0;
    if (a > bestArea) {
      bestArea = a;
      best = inside;
    }
  }
  return best;
}
