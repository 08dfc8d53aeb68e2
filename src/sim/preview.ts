// What an inject would do, before it is sent: the engine's own pure step on a copy of the state.
import type { Compiled } from './compile.ts';
import type { CustomInject } from './events.ts';
import { applyInject } from './round.ts';
import type { Change, GameState, NewsItem } from './types.ts';

/** The state after an inject, and the changes and news it would add. */
export interface InjectPreview {
  state: GameState;
  changes: Change[];
  news: NewsItem[];
}

/** Previews an inject (by id from the scenario, or written on the spot); null for an unknown id. */
export function previewInject(
  c: Compiled,
  s: GameState,
  inject: string | CustomInject,
): InjectPreview | null {
  const inj = typeof inject === 'string' ? c.scenario.injects.find((i) => i.id === inject) : inject;
  if (!inj) return null;
  const next = applyInject(c, s, inj);
  return { state: next, changes: next.changes.slice(s.changes.length), news: next.news.slice(s.news.length) };
}
