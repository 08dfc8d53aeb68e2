// Lets the meaning pass run on a scenario whose structure failed: the list items with structural problems
// are set aside and the rest is checked, so a missing field in one action does not hide a misspelt id in
// another. The problems found are then put back at the items' places in the file.
import type { JsonPath } from './json.ts';
import type { RawProblem } from './problem.ts';

/** The lists whose items stand alone: one broken item can be set aside and the others still checked. */
const LISTS: readonly (readonly string[])[] = [
  ['actors'],
  ['locations'],
  ['metrics'],
  ['flags'],
  ['ladder'],
  ['actions'],
  ['reactions'],
  ['injects'],
  ['endings'],
  ['clauses'],
  ['map', 'badges'],
  ['map', 'countries'],
  ['map', 'borders'],
];

/** What was set aside: the ids of the items taken out, and by list the original index of each kept item. */
export interface SetAside {
  /** Ids (and country codes) of the items taken out; references to them are not reported as unknown. */
  ids: ReadonlySet<string>;
  /** The lists that lost items, as "actions" or "map.badges": checks of a whole list skip them. */
  lists: ReadonlySet<string>;
  /** For each list that lost items, the original index of each kept item, in order. */
  kept: ReadonlyMap<string, readonly number[]>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The list a path runs through and the index of its item there, if the path is inside a list item. */
function itemOf(path: JsonPath): { list: readonly string[]; index: number } | undefined {
  for (const list of LISTS) {
    const index = path[list.length];
    if (typeof index === 'number' && list.every((seg, i) => path[i] === seg)) return { list, index };
  }
  return undefined;
}

/**
 * The value with every list item that has a structural problem taken out, or undefined when a problem
 * lies outside any such item (then nothing can be checked for meaning).
 */
export function setAside(
  value: unknown,
  problems: readonly RawProblem[],
): { value: unknown; aside: SetAside } | undefined {
  const broken = new Map<string, { list: readonly string[]; indexes: Set<number> }>();
  for (const p of problems) {
    const item = itemOf(p.path);
    if (!item) return undefined;
    const key = item.list.join('.');
    const entry = broken.get(key) ?? { list: item.list, indexes: new Set<number>() };
    entry.indexes.add(item.index);
    broken.set(key, entry);
  }
  if (!isRecord(value)) return undefined;
  const copy: Record<string, unknown> = { ...value };
  if (isRecord(copy.map)) copy.map = { ...copy.map };
  const ids = new Set<string>();
  const kept = new Map<string, number[]>();
  for (const [key, { list, indexes }] of broken) {
    const parent = list.length === 1 ? copy : (copy[list[0] as string] as Record<string, unknown>);
    const name = list[list.length - 1] as string;
    const items = parent[name];
    if (!Array.isArray(items)) return undefined;
    const keep: number[] = [];
    items.forEach((item, i) => {
      if (!indexes.has(i)) keep.push(i);
      else if (isRecord(item))
        for (const k of ['id', 'iso']) if (typeof item[k] === 'string') ids.add(item[k] as string);
    });
    parent[name] = keep.map((i) => items[i]);
    kept.set(key, keep);
  }
  return { value: copy, aside: { ids, lists: new Set(broken.keys()), kept } };
}

/** A problem found in the value with items set aside, with its path pointing into the original file. */
export function restorePath(p: RawProblem, aside: SetAside): RawProblem {
  const item = itemOf(p.path);
  if (!item) return p;
  const original = aside.kept.get(item.list.join('.'))?.[item.index];
  if (original === undefined) return p;
  const path = [...p.path];
  path[item.list.length] = original;
  return { ...p, path };
}
