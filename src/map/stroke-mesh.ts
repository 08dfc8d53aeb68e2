// Lines as triangles, the way Phaser's Graphics strokes them (its StrokePath and DrawLine render nodes),
// made once instead of at every bake. A Graphics object keeps only its drawing commands and turns each
// line into quads again every time it is drawn: for the map's thousands of border and outline segments,
// that was most of a bake's time. A mesh made here is drawn by a Polygon, which only transforms its
// vertices (base-map.ts); it is remade when the zoom changes the lines' widths.
import { palette } from './colour.ts';
import type { MapShapes } from './shapes.ts';

/** Triangles as a Polygon draws them: flat x, y vertices and three vertex indices a triangle. */
export interface Mesh {
  vertices: number[];
  indices: number[];
}

/**
 * Adds to `mesh` the stroke of each open polyline in `lines` (flat x, y) `width` wide, exactly as Phaser
 * strokes a path: a quad a segment, and for lines wider than 2 two more triangles that close the gap
 * between consecutive quads. Like Phaser, it skips points closer than `detail` to the last one kept (in the
 * lines' units; Phaser's threshold is a pixel where the lines are drawn, so pass 1 / the drawing scale).
 */
export function strokeMesh(
  lines: readonly number[][],
  width: number,
  detail: number,
  mesh = emptyMesh(),
): Mesh {
  const { vertices, indices } = mesh;
  const half = width / 2;
  const detailSquared = detail * detail;
  for (const line of lines) {
    const segments = line.length / 2 - 1;
    const connect = width > 2 && segments > 1;
    let first = true;
    for (let i = 0; i < segments; ) {
      const last = i === segments - 1;
      let step = 1;
      const ax = line[2 * i] ?? 0;
      const ay = line[2 * i + 1] ?? 0;
      let bx = line[2 * (i + 1)] ?? 0;
      let by = line[2 * (i + 1) + 1] ?? 0;
      if (detailSquared && !last)
        while (i + step < segments - 1 && (bx - ax) ** 2 + (by - ay) ** 2 <= detailSquared) {
          step++;
          bx = line[2 * (i + step)] ?? 0;
          by = line[2 * (i + step) + 1] ?? 0;
        }
      const len = Math.hypot(bx - ax, by - ay);
      const nx = (half * (by - ay)) / len;
      const ny = (half * (ax - bx)) / len;
      vertices.push(ax + nx, ay + ny, ax - nx, ay - ny, bx - nx, by - ny, bx + nx, by + ny);
      const v = vertices.length / 2;
      indices.push(v - 4, v - 3, v - 2, v - 2, v - 1, v - 4);
      if (connect && !first) indices.push(v - 4, v - 3, v - 6, v - 6, v - 5, v - 4);
      first = false;
      i += step;
    }
  }
  return mesh;
}

/** The `detail` of a stroke drawn at `zoom` into a bake of `scale` texels a pixel: one texel of the bake. */
export function pixelDetail(zoom: number, scale: number): number {
  return 1 / (zoom * scale);
}

/** A mesh with nothing in it yet. */
export function emptyMesh(): Mesh {
  return { vertices: [], indices: [] };
}

/** The base map's lines as meshes, for one zoom and bake scale. */
export interface LineMeshes {
  zoom: number;
  scale: number;
  /** Each country's outline, in the order of the shapes' countries. */
  outlines: Mesh[];
  /** The highlighted borders' glow and dashes (LINE_STYLE). */
  glow: Mesh;
  dashes: Mesh;
}

/**
 * How the base map's lines are drawn: widths (and the borders' dashes) in screen pixels, whatever the
 * zoom; colours and opacity. The Phaser map draws them as meshes (base-map.ts), the poster strokes them.
 */
export const LINE_STYLE = {
  /** Outlines of the countries the scenario governs, and of their neighbours. */
  focusOutline: { width: 1.4, colour: palette.countryEdge, alpha: 1 },
  outline: { width: 0.8, colour: palette.neighbourEdge, alpha: 1 },
  /** The highlighted borders: a pale glow under bright dashes, so that they read on any fill. */
  glow: { width: 7, colour: palette.borderGlow, alpha: 0.9 },
  dashes: { width: 3, colour: palette.border, alpha: 1, on: 9, off: 5 },
} as const;

/**
 * The base map's lines for a view at `zoom`, baked at `scale` texels a pixel. Their widths are screen
 * pixels, so they are made again when the zoom changes; points within a pixel of the bake of the last one
 * kept are left out, as Phaser does.
 */
export function lineMeshes(shapes: MapShapes, zoom: number, scale: number): LineMeshes {
  const detail = pixelDetail(zoom, scale);
  const { focusOutline, outline, glow, dashes: dash } = LINE_STYLE;
  const dashed = shapes.borders.flatMap((line) => dashes(line, dash.on / zoom, dash.off / zoom));
  return {
    zoom,
    scale,
    outlines: shapes.countries.map((c) =>
      strokeMesh(c.outline, (c.focus ? focusOutline : outline).width / zoom, detail),
    ),
    glow: strokeMesh(shapes.borders, glow.width / zoom, detail),
    dashes: strokeMesh(dashed, dash.width / zoom, detail),
  };
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
