// Keeps docs/scenario-format.md honest: the generated reference is current, it documents every
// field of the schema word for word, and the tutorial's JSON excerpts match scenarios/tutorial.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_FILE, REFERENCE_END, REFERENCE_START, referenceMarkdown } from '../../src/cli/docs.ts';
import { Scenario, scenarioJsonSchema } from '../../src/scenario/schema.ts';

const doc = readFileSync(DOC_FILE, 'utf8');
const tutorial: unknown = JSON.parse(readFileSync('scenarios/tutorial.json', 'utf8'));

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The text between the markers, found here by hand rather than with the tool's own helper. */
function generatedBlock(): string {
  const start = doc.indexOf(REFERENCE_START);
  const end = doc.indexOf(REFERENCE_END);
  expect(start, `${DOC_FILE} lacks ${REFERENCE_START}`).toBeGreaterThanOrEqual(0);
  expect(end, `${DOC_FILE} lacks ${REFERENCE_END} after the start marker`).toBeGreaterThan(start);
  return doc.slice(start + REFERENCE_START.length, end).trim();
}

/** Splits a Markdown table row into unescaped cells; undefined for lines that are not rows. */
function cells(line: string): string[] | undefined {
  if (!line.startsWith('| ') || !line.endsWith(' |')) return undefined;
  // Split on pipes not escaped with a backslash, then undo the escaping.
  return line
    .slice(2, -2)
    .split(/ \| /)
    .map((c) => c.replace(/\\\|/g, '|'));
}

/**
 * Every property of the JSON Schema as [path, description], by a walk written independently of
 * src/cli/docs.ts: `.key` for properties, `[]` for array elements, `.<id>` for map values, and
 * paths inside the Condition definition relative to the condition.
 */
function schemaProperties(): [string, string | undefined][] {
  const found: [string, string | undefined][] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, prefix);
      return;
    }
    if (!isObject(node) || '$ref' in node) return;
    if (isObject(node.properties)) {
      for (const [key, sub] of Object.entries(node.properties)) {
        const path = prefix ? `${prefix}.${key}` : key;
        found.push([
          path,
          isObject(sub) && typeof sub.description === 'string' ? sub.description : undefined,
        ]);
        walk(sub, path);
      }
    }
    if (node.items !== undefined && !Array.isArray(node.items)) walk(node.items, `${prefix}[]`);
    if (isObject(node.additionalProperties)) walk(node.additionalProperties, `${prefix}.<id>`);
    walk(node.anyOf, prefix);
    walk(node.allOf, prefix);
  };
  const schema = scenarioJsonSchema();
  walk(schema, '');
  const defs = isObject(schema.definitions) ? schema.definitions : {};
  walk(defs.Condition, '');
  return found;
}

/** A shown value matches the file's when it equals it, leaving out fields and list entries. */
function excerptOf(shown: unknown, actual: unknown, at: string): string[] {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${at}: a list in the excerpt, not in the file`];
    // Entries must appear in the file's order: match each to the earliest later entry it fits.
    let from = 0;
    for (const [i, entry] of shown.entries()) {
      let hit = -1;
      for (let j = from; j < actual.length && hit < 0; j++)
        if (excerptOf(entry, actual[j], '').length === 0) hit = j;
      if (hit < 0)
        return [
          `${at}[${i}]: no matching entry in the file (after entry ${from})`,
          ...nearest(entry, actual, `${at}[${i}]`),
        ];
      from = hit + 1;
    }
    return [];
  }
  if (isObject(shown)) {
    if (!isObject(actual)) return [`${at}: an object in the excerpt, not in the file`];
    return Object.entries(shown).flatMap(([k, v]) =>
      k in actual ? excerptOf(v, actual[k], `${at}.${k}`) : [`${at}.${k}: not in the file`],
    );
  }
  return Object.is(shown, actual)
    ? []
    : [`${at}: ${JSON.stringify(shown)} in the excerpt, ${JSON.stringify(actual)} in the file`];
}

/** For a list entry that matched nothing, the differences from the file's entry with the same id. */
function nearest(entry: unknown, list: unknown[], at: string): string[] {
  if (!isObject(entry) || typeof entry.id !== 'string') return [];
  const same = list.find((x) => isObject(x) && x.id === entry.id);
  return same === undefined ? [`${at}: no entry with id ${entry.id}`] : excerptOf(entry, same, at);
}

/** The excerpts of the tutorial part: the named keys and the parsed JSON block under each marker. */
function excerpts(): { keys: string[]; json: unknown; line: number }[] {
  const lines = doc.split('\n');
  const out: { keys: string[]; json: unknown; line: number }[] = [];
  lines.forEach((line, i) => {
    const m = /^<!-- excerpt: (.+) -->$/.exec(line.trim());
    if (!m?.[1]) return;
    expect(lines[i + 1], `${DOC_FILE}:${i + 1}: an excerpt marker must be followed by \`\`\`json`).toBe(
      '```json',
    );
    const close = lines.indexOf('```', i + 2);
    expect(close, `${DOC_FILE}:${i + 1}: unclosed JSON block`).toBeGreaterThan(i);
    const text = lines.slice(i + 2, close).join('\n');
    let json: unknown;
    expect(
      () => {
        json = JSON.parse(text);
      },
      `${DOC_FILE}:${i + 1}: the excerpt is not valid JSON`,
    ).not.toThrow();
    out.push({ keys: m[1].split(',').map((k) => k.trim()), json, line: i + 1 });
  });
  return out;
}

describe('docs/scenario-format.md', () => {
  it('has a reference that matches the schema (run `npx tsx src/cli/docs.ts` to regenerate it)', () => {
    expect(
      generatedBlock(),
      'The reference in docs/scenario-format.md is stale: run `npx tsx src/cli/docs.ts`',
    ).toBe(referenceMarkdown().trim());
  });

  it('documents every property of the JSON Schema with its exact description', () => {
    const rows = generatedBlock()
      .split('\n')
      .map(cells)
      .filter((c): c is string[] => c !== undefined && c.length === 4);
    const described = new Set(rows.map(([field, , , description]) => `${field}\u0000${description}`));
    const fields = new Set(rows.map(([field]) => field));
    const props = schemaProperties();
    // The walk must have found the whole format, Condition included, or this test proves nothing.
    expect(props.length).toBeGreaterThan(200);
    expect(props.map(([p]) => p)).toEqual(
      expect.arrayContaining(['meta.id', 'actions[].outcomes[].probability', 'taken.withinRounds']),
    );
    const missing = props
      .filter(([path, description]) =>
        description === undefined
          ? !fields.has(`\`${path}\``)
          : !described.has(`\`${path}\`\u0000${description}`),
      )
      .map(([path, description]) => `${path}: ${description ?? '(no description)'}`);
    expect(missing).toEqual([]);
  });

  it('shows only excerpts that match scenarios/tutorial.json', () => {
    const all = excerpts();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const { keys, json, line } of all) {
      expect(isObject(json), `${DOC_FILE}:${line}: an excerpt must be a JSON object`).toBe(true);
      expect(Object.keys(json as Json), `${DOC_FILE}:${line}: keys differ from the marker`).toEqual(keys);
      expect(excerptOf(json, tutorial, ''), `${DOC_FILE}:${line}: the excerpt differs from the file`).toEqual(
        [],
      );
    }
  });

  it('walks through every top-level section of the tutorial', () => {
    const shown = new Set(excerpts().flatMap((e) => e.keys));
    const sections = Object.keys(tutorial as Json).filter((k) => !shown.has(k));
    expect(sections).toEqual([]);
  });

  it('teaches with a tutorial file that has the right structure', () => {
    const parsed = Scenario.safeParse(tutorial);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});

describe('the excerpt check itself', () => {
  it('accepts omissions and rejects changed values or reordered entries', () => {
    const file = {
      a: [
        { id: 'x', n: 1 },
        { id: 'y', n: 2 },
      ],
      b: 'text',
    };
    expect(excerptOf({ a: [{ id: 'y' }] }, file, '')).toEqual([]);
    expect(excerptOf({ a: [{ id: 'x', n: 1 }, { id: 'y' }] }, file, '')).toEqual([]);
    expect(excerptOf({ a: [{ id: 'y', n: 3 }] }, file, '')).not.toEqual([]);
    expect(excerptOf({ a: [{ id: 'y' }, { id: 'x' }] }, file, '')).not.toEqual([]);
    expect(excerptOf({ c: 1 }, file, '')).not.toEqual([]);
    expect(excerptOf({ b: 'other' }, file, '')).not.toEqual([]);
  });

  it('splits table rows on unescaped pipes only', () => {
    expect(cells('| `a` | b \\| c | yes | d |')).toEqual(['`a`', 'b | c', 'yes', 'd']);
  });
});
