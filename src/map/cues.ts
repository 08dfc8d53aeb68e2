import type { MapEffect } from '../scenario/schema.ts';

/**
 * A consequence for the map to animate. Ids are location or badge ids, already resolved by the
 * engine ("actor" and "target" never reach the map); `actor` colours the animation.
 */
export interface MapCue {
  kind: MapEffect['kind'];
  from?: string;
  at: string;
  actor?: string;
}
