import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  completeAt,
  descriptionAt,
  hoverAt,
  type SchemaNode,
  schemasAt,
} from '../../src/editor/schema-help.ts';

const schema = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8')) as SchemaNode;
const tutorial = readFileSync('scenarios/tutorial.json', 'utf8');

/** Text with a cursor marked by "|", and the offset of that mark. */
const at = (marked: string) => ({ text: marked.replace('|', ''), offset: marked.indexOf('|') });

describe('completion from the scenario schema', () => {
  it('offers the fields an action lacks, required ones first, with their descriptions', () => {
    const { text, offset } = at('{"actions": [{"id": "a", "na|"}]}');
    const c = completeAt(schema, text, offset);
    const labels = c?.options.map((o) => o.label) ?? [];
    expect(labels).toContain('name');
    expect(labels).not.toContain('id');
    expect(labels.indexOf('name')).toBeLessThan(labels.indexOf('requires'));
    const name = c?.options.find((o) => o.label === 'name');
    expect(name).toMatchObject({ apply: '"name": ', kind: 'property', detail: 'required, string' });
    expect(name?.info).toContain('action list');
    // The replaced word is the partial key with its opening quote.
    expect(text.slice(c?.from, c?.to)).toBe('"na"');
  });

  it('offers the top-level sections in an empty file', () => {
    const { text, offset } = at('{\n  |\n}');
    const labels = completeAt(schema, text, offset)?.options.map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(['formatVersion', 'meta', 'actors', 'actions', 'endings']));
  });

  it('offers the fields of a condition, through the schema’s reference to its definition', () => {
    const { text, offset } = at('{"endings": [{"when": {"|"}}]}');
    const labels = completeAt(schema, text, offset)?.options.map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(['metric', 'timeUp', 'all', 'any', 'rung']));
  });

  it('offers the allowed values of an enum', () => {
    const { text, offset } = at('{"actions": [{"category": "mi|"}]}');
    const c = completeAt(schema, text, offset);
    expect(c?.options.map((o) => o.label)).toContain('"military"');
    expect(text.slice(c?.from, c?.to)).toBe('"mi"');
  });
});

describe('hover docs', () => {
  it('gives the description of the field under the cursor', () => {
    const offset = tutorial.indexOf('"maxRounds"') + 3;
    const h = hoverAt(schema, tutorial, offset);
    expect(h?.path).toEqual(['meta', 'maxRounds']);
    expect(h?.description).toBe(descriptionAt(schema, ['meta', 'maxRounds']));
    expect(h?.description).toMatch(/round/i);
  });

  it('finds nothing outside the schema', () => {
    expect(schemasAt(schema, ['nothing-here'])).toEqual([]);
  });
});

describe('completion of the file’s own ids', () => {
  it('offers the actors of the file for an action’s actors, and its rungs for a rung test', () => {
    const text = tutorial.replace('"actors": ["north"]', '"actors": ["|"]');
    expect(text).not.toBe(tutorial);
    const { text: t, offset } = at(text);
    const labels = completeAt(schema, t, offset)?.options.map((o) => o.label);
    expect(labels).toEqual(['"north"', '"south"', '"commission"']);
    const rung = at(tutorial.replace('"atLeast": "standoff"', '"atLeast": "|"'));
    expect(completeAt(schema, rung.text, rung.offset)?.options.map((o) => o.label)).toEqual(
      expect.arrayContaining(['"tension"', '"standoff"', '"clashes"']),
    );
  });

  it('offers no ids where the schema wants objects or a fixed choice', () => {
    const { text, offset } = at('{"actors": [{"id": "a"}], "actions": [|]}');
    expect(completeAt(schema, text, offset)).toBeUndefined();
    const choice = at(
      '{"ladder": [{"id": "r"}], "endings": [{"when": {"playedBy": {"actor": "a", "is": "|"}}}]}',
    );
    expect(completeAt(schema, choice.text, choice.offset)?.options.map((o) => o.label)).toEqual([
      '"person"',
      '"computer"',
    ]);
  });

  it('offers the fixed words and the ids where a field takes either (a map cue’s "at")', () => {
    const { text, offset } = at(
      '{"locations": [{"id": "old-bridge"}], "actions": [{"outcomes": [{"map": [{"at": "|"}]}]}]}',
    );
    expect(completeAt(schema, text, offset)?.options.map((o) => o.label)).toEqual(
      expect.arrayContaining(['"target"', '"actor"', '"old-bridge"']),
    );
  });
});
