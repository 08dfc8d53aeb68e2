// The Web Worker that cuts a region at load time, for a scenario whose borders were not bundled: it
// fetches the Natural Earth atlas once, keeps it, and runs the same cut as the build (region-cut.ts).
import type { Topology } from 'topojson-specification';
import { cutRegion } from './region-cut.ts';
import type { CutReply, CutRequest } from './regions.ts';

let atlas: Promise<Topology> | undefined;

/** The atlas at `url`, fetched and parsed once; a failed fetch is tried again at the next request. */
function topology(url: string): Promise<Topology> {
  atlas ??= fetch(url)
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status} for the world atlas`);
      return res.json() as Promise<Topology>;
    })
    .catch((e: unknown) => {
      atlas = undefined;
      throw e;
    });
  return atlas;
}

self.onmessage = async (e: MessageEvent<CutRequest>) => {
  const { seq, atlasUrl, spec } = e.data;
  let reply: CutReply;
  try {
    reply = { seq, region: cutRegion(await topology(atlasUrl), spec) };
  } catch (err) {
    reply = { seq, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
