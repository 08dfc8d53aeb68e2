// Every JSON example in docs/ is a form the validator accepts: each ```json block is laid over
// scenarios/tutorial.json (objects merged, list entries with ids matched by id or added, other lists
// replaced) and the result must pass the full validator, structure and meaning alike.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, loadScenario } from '../../src/scenario/load.ts';
import { Condition, Effect } from '../../src/scenario/schema.ts';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasId = (x: unknown): x is Json & { id: string } => isObject(x) && typeof x.id === 'string';

/** `over` laid on `base`: objects merged key by key, lists of entries with ids merged by id. */
function overlay(base: unknown, over: unknown): unknown {
  if (isObject(base) && isObject(over)) {
    const out: Json = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? overlay(base[k], v) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over) && over.length > 0 && over.every(hasId)) {
    const out = base.map((entry) => {
      const same = hasId(entry) ? over.find((o) => o.id === entry.id) : undefined;
      return same === undefined ? entry : overlay(entry, same);
    });
    for (const o of over) if (!base.some((b) => hasId(b) && b.id === o.id)) out.push(o);
    return out;
  }
  return over;
}

/** Every ```json block of the Markdown files in docs/, with where it starts. */
function examples(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const name of readdirSync('docs').filter((f) => f.endsWith('.md'))) {
    const lines = readFileSync(`docs/${name}`, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() !== '```json') return;
      const close = lines.indexOf('```', i + 1);
      out.push({ where: `docs/${name}:${i + 1}`, text: lines.slice(i + 1, close).join('\n') });
    });
  }
  return out;
}

const tutorial: unknown = JSON.parse(readFileSync('scenarios/tutorial.json', 'utf8'));

describe('the JSON examples in docs/', () => {
  const all = examples();

  it('are found, the guide and the tutorial alike', () => {
    expect(all.length).toBeGreaterThanOrEqual(21);
  });

  it.each(all.map((e) => [e.where, e.text]))('%s validates on the tutorial', (where, text) => {
    const example: unknown = JSON.parse(text);
    expect(isObject(example), `${where}: an example is a JSON object of top-level keys`).toBe(true);
    const merged = JSON.stringify(overlay(tutorial, example), null, 2);
    const r = loadScenario(merged, where);
    expect(r.ok ? '' : formatProblems(r.problems, merged)).toBe('');
  });

  it('include every inline condition and effect of the guide, each accepted in a reaction of the tutorial', () => {
    const doc = readFileSync('docs/scenario-format.md', 'utf8');
    const guide = doc.slice(0, doc.indexOf('<!-- reference:start -->'));
    let checked = 0;
    for (const [, span = ''] of guide.matchAll(/`(\{[^`]*\})`/g)) {
      let form: unknown;
      try {
        form = JSON.parse(span);
      } catch {
        continue; // a shape with "…" in it, not a form to copy
      }
      const condition = Condition.safeParse(form).success;
      expect(
        condition || Effect.safeParse(form).success,
        `${span} is neither a condition nor an effect`,
      ).toBe(true);
      const reaction = {
        id: 'documented-form',
        actor: 'commission',
        once: false,
        when: condition ? form : { ceasefire: 'holding' },
        effects: condition ? [] : [form],
      };
      const text = JSON.stringify(overlay(tutorial, { reactions: [reaction] }), null, 2);
      const r = loadScenario(text, span);
      expect(r.ok ? '' : formatProblems(r.problems, text)).toBe('');
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('the overlay itself merges by id and replaces lists without ids', () => {
    const base = { a: [{ id: 'x', n: 1, m: 2 }], b: [1, 2], c: { d: 1, e: 2 } };
    expect(overlay(base, { a: [{ id: 'x', n: 3 }, { id: 'y' }], b: [3], c: { e: 5 } })).toEqual({
      a: [{ id: 'x', n: 3, m: 2 }, { id: 'y' }],
      b: [3],
      c: { d: 1, e: 5 },
    });
  });
});
