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
