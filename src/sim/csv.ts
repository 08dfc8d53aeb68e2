// The game's events as CSV (RFC 4180): one row per recorded change, with its cause and headline;
// causes that changed nothing get one row of their own. Pure.
import type { Compiled } from './compile.ts';
import type { GameState } from './types.ts';

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'round',
  'cause',
  'kind',
  'actor',
  'ref',
  'name',
  'target',
  'outcome',
  'subject',
  'from',
  'to',
  'headline',
] as const;

/** Quotes a field when it holds a comma, quote or line break (quotes doubled). */
export function csvField(v: unknown): string {
  const text = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every cause of the game with its changes and news headline, as CSV text (CRLF line ends). */
export function eventsCsv(c: Compiled, s: GameState): string {
  const rows: unknown[][] = [[...CSV_COLUMNS]];
  for (const cause of s.causes) {
    const headline = s.news.find((n) => n.cause === cause.id)?.headline ?? '';
    const name =
      cause.kind === 'action' || cause.kind === 'opening'
        ? (c.actions.get(cause.ref)?.name ?? '')
        : cause.kind === 'inject'
          ? (c.scenario.injects.find((i) => i.id === cause.ref)?.name ?? '')
          : '';
    const head = [
      cause.round,
      cause.id,
      cause.kind,
      cause.actor,
      cause.ref,
      name,
      cause.target,
      cause.outcome,
    ];
    const changes = s.changes.filter((ch) => ch.cause === cause.id);
    if (changes.length === 0) rows.push([...head, '', '', '', headline]);
    for (const ch of changes) rows.push([...head, ch.subject, ch.from, ch.to, headline]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
