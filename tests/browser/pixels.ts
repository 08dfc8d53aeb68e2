import { PNG } from 'pngjs';

/** Counts the pixels of a PNG that differ from its most common colour, and the distinct colours seen. */
export function pixelStats(png: Buffer): { differing: number; total: number; colours: number } {
  const img = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const key = ((img.data[i] ?? 0) << 16) | ((img.data[i + 1] ?? 0) << 8) | (img.data[i + 2] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = img.width * img.height;
  const dominant = Math.max(...counts.values());
  return { differing: total - dominant, total, colours: counts.size };
}

/**
 * Compares two PNGs of the same size: how many pixels differ in any channel by more than `tolerance`,
 * and by how much at most.
 */
export function pixelDifference(a: Buffer, b: Buffer, tolerance = 0): { differing: number; max: number } {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return { differing: x.width * x.height, max: 255 };
  let differing = 0;
  let max = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    let d = 0;
    for (let k = 0; k < 3; k++) d = Math.max(d, Math.abs((x.data[i + k] ?? 0) - (y.data[i + k] ?? 0)));
    if (d > tolerance) differing++;
    max = Math.max(max, d);
  }
  return { differing, max };
}
