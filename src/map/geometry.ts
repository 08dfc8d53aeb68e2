// Plain geometry on flat coordinate arrays `[x, y, x, y, ...]`: clipping, simplification, area.
// No dependencies, so both the build-time cut and the game may use it.

/** An axis-aligned rectangle: x from west to east, y from south to north. */
export interface Rect {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Clips a closed ring (flat, last point may repeat the first) to a rectangle: Sutherland–Hodgman. */
export function clipRing(ring: number[], r: Rect): number[] {
  // Cheap reject and accept by bounding box: most of the world is far from the bounds.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i] ?? 0;
    const y = ring[i + 1] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (maxX < r.west || minX > r.east || maxY < r.south || minY > r.north) return [];
  if (minX >= r.west && maxX <= r.east && minY >= r.south && maxY <= r.north) return ring.slice();
  let pts = ring;
  for (let edge = 0; edge < 4 && pts.length > 0; edge++) pts = clipToEdge(pts, edge, r);
  return pts;
}

/**
 * One Sutherland–Hodgman pass: the part of a closed ring on the inner side of one edge of `r` (0 west,
 * 1 east, 2 south, 3 north). Written out without closures or spread pushes: labelling the countries
 * clips every ring at each start of the map, and this pass was most of that time.
 */
function clipToEdge(pts: number[], edge: number, r: Rect): number[] {
  const onX = edge < 2;
  const c = edge === 0 ? r.west : edge === 1 ? r.east : edge === 2 ? r.south : r.north;
  // West and south keep what is at or above the line, east and north what is at or below it.
  const above = edge === 0 || edge === 2;
  const out: number[] = [];
  const n = pts.length / 2;
  for (let i = 0; i < n; i++) {
    const ax = pts[i * 2] ?? 0;
    const ay = pts[i * 2 + 1] ?? 0;
    const j = i + 1 === n ? 0 : i + 1;
    const bx = pts[j * 2] ?? 0;
    const by = pts[j * 2 + 1] ?? 0;
    const a = onX ? ax : ay;
    const b = onX ? bx : by;
    const aIn = above ? a >= c : a <= c;
    const bIn = above ? b >= c : b <= c;
    if (aIn) out.push(ax, ay);
    if (aIn === bIn) continue;
    if (onX) out.push(c, ay + ((by - ay) * (c - ax)) / (bx - ax));
    else out.push(ax + ((bx - ax) * (c - ay)) / (by - ay), c);
  }
  return out;
}

/** Clips an open line string (flat) to a rectangle; returns the pieces inside (Liang–Barsky per segment). */
export function clipLine(line: number[], r: Rect): number[][] {
  const pieces: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i + 3 < line.length; i += 2) {
    const seg = clipSegment(line[i] ?? 0, line[i + 1] ?? 0, line[i + 2] ?? 0, line[i + 3] ?? 0, r);
    if (!seg) {
      if (current.length >= 4) pieces.push(current);
      current = [];
      continue;
    }
    const [x0, y0, x1, y1] = seg;
    const lastX = current[current.length - 2];
    const lastY = current[current.length - 1];
    if (current.length === 0 || lastX !== x0 || lastY !== y0) {
      if (current.length >= 4) pieces.push(current);
      current = [x0, y0];
    }
    current.push(x1, y1);
  }
  if (current.length >= 4) pieces.push(current);
  return pieces;
}

function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: Rect,
): [number, number, number, number] | undefined {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const tests: [number, number][] = [
    [-dx, x0 - r.west],
    [dx, r.east - x0],
    [-dy, y0 - r.south],
    [dy, r.north - y0],
  ];
  for (const [p, q] of tests) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return undefined;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return undefined;
      if (t < t1) t1 = t;
    }
  }
  // Keep the original end points exactly when not clipped, so consecutive segments join.
  return [
    t0 === 0 ? x0 : x0 + t0 * dx,
    t0 === 0 ? y0 : y0 + t0 * dy,
    t1 === 1 ? x1 : x0 + t1 * dx,
    t1 === 1 ? y1 : y0 + t1 * dy,
  ];
}

/** Douglas–Peucker simplification of a flat line; end points are always kept. */
export function simplify(line: number[], tolerance: number): number[] {
  const n = line.length / 2;
  if (tolerance <= 0 || n <= 2) return line.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = -1;
    let worstD = tol2;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(line, i, first, last);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(line[i * 2] ?? 0, line[i * 2 + 1] ?? 0);
  return out;
}

function segmentDistance2(line: number[], p: number, a: number, b: number): number {
  const px = line[p * 2] ?? 0;
  const py = line[p * 2 + 1] ?? 0;
  const ax = line[a * 2] ?? 0;
  const ay = line[a * 2 + 1] ?? 0;
  const bx = line[b * 2] ?? 0;
  const by = line[b * 2 + 1] ?? 0;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Signed area of a flat ring (shoelace), in square units. */
export function ringArea(ring: number[]): number {
  let sum = 0;
  const n = ring.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    sum += (ring[i * 2] ?? 0) * (ring[j * 2 + 1] ?? 0) - (ring[j * 2] ?? 0) * (ring[i * 2 + 1] ?? 0);
  }
  return sum / 2;
}

/** The centroid of a flat ring (its first point when the ring has no area). */
export function ringCentroid(r: number[]): { x: number; y: number } {
  let cx = 0;
  let cy = 0;
  const n = r.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const x0 = r[i * 2] ?? 0;
    const y0 = r[i * 2 + 1] ?? 0;
    const x1 = r[j * 2] ?? 0;
    const y1 = r[j * 2 + 1] ?? 0;
    const k = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * k;
    cy += (y0 + y1) * k;
  }
  const a = ringArea(r);
  return a === 0 ? { x: r[0] ?? 0, y: r[1] ?? 0 } : { x: cx / (6 * a), y: cy / (6 * a) };
}

/** True when (x, y) lies inside a flat ring (even–odd rule). */
export function inRing(ring: number[], x: number, y: number): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i * 2] ?? 0;
    const yi = ring[i * 2 + 1] ?? 0;
    const xj = ring[j * 2] ?? 0;
    const yj = ring[j * 2 + 1] ?? 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
