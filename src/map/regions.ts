// Finds the region cut at build time for a scenario. No Phaser here: the UI may call it early.
import regionUrls from 'virtual:brink-regions';
import type { Region } from './region.ts';

/** Fetches the bundled region of a scenario; undefined when none was cut or it cannot be read. */
export async function loadRegion(scenarioId: string): Promise<Region | undefined> {
  const url = regionUrls[scenarioId];
  if (!url) return undefined;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as Region;
  } catch (e) {
    console.warn(`map: could not load the borders of "${scenarioId}" from ${url}:`, e);
    return undefined;
  }
}
