import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findExcessiveNesting,
  LineIndex,
  locate,
  MAX_JSON_BYTES,
  MAX_JSON_DEPTH,
  parseJson,
  utf8Length,
} from '../../src/scenario/json.ts';

const minimal = readFileSync('tests/fixtures/minimal.json', 'utf8');

/** The only issue of a failed parse. */
function soleIssue(text: string) {
  const r = parseJson(text);
  expect(r.ok).toBe(false);
  expect(r.issues).toHaveLength(1);
  return r.issues[0];
}

describe('parseJson: accepting', () => {
  it('gives the same value as JSON.parse for a real scenario', () => {
    const r = parseJson(minimal);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    if (r.ok) expect(r.value).toEqual(JSON.parse(minimal));
  });

  it('keeps every kind of JSON value, escapes and non-ASCII text intact', () => {
    const text =
      '{"s": "a\\"b\\n\\u00e9 ☃ 😀", "n": -1.5e3, "t": true, "f": false, "z": null, "a": [[], {}]}';
    const r = parseJson(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
  });

  it('accepts a leading byte-order mark without shifting positions', () => {
    const r = parseJson('\uFEFF{"a": 1}');
    expect(r.ok && r.value).toEqual({ a: 1 });
    if (r.ok) expect(locate(r.tree, r.lines, ['a'])).toEqual({ line: 1, column: 8 });
  });

  it(`accepts exactly ${MAX_JSON_DEPTH} levels of nesting and refuses one more`, () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(soleIssue(nested(MAX_JSON_DEPTH + 1))?.message).toContain('nesting too deep');
  });
});

describe('parseJson: refusing before parsing', () => {
  it('refuses empty and whitespace-only text', () => {
    expect(soleIssue('')).toMatchObject({ message: 'the file is empty', line: 1, column: 1 });
    expect(soleIssue(' \n\t\r\n ')).toMatchObject({ message: 'the file holds only whitespace' });
  });

  it('refuses text over the size limit, counted in UTF-8 bytes', () => {
    expect(MAX_JSON_BYTES).toBe(5 * 1024 * 1024);
    const atLimit = `"${'a'.repeat(MAX_JSON_BYTES - 2)}"`;
    expect(parseJson(atLimit).ok).toBe(true);
    const over = `"${'a'.repeat(MAX_JSON_BYTES - 1)}"`;
    expect(soleIssue(over)).toMatchObject({
      message: expect.stringContaining('too large'),
      line: 1,
      column: 1,
    });
    // Fewer characters than the limit, but two bytes each in UTF-8.
    const wide = `"${'é'.repeat(MAX_JSON_BYTES / 2)}"`;
    expect(wide.length).toBeLessThan(MAX_JSON_BYTES);
    expect(soleIssue(wide)?.message).toContain('too large');
  });

  it('refuses 100,000 opening brackets without overflowing the stack', () => {
    for (const open of ['[', '{"a":']) {
      const issue = soleIssue(open.repeat(100_000));
      expect(issue?.message).toContain('nesting too deep');
      expect(issue?.column).toBe(MAX_JSON_DEPTH * open.length + 1);
    }
  });

  it('does not count brackets inside strings, even after escaped quotes', () => {
    const text = `["\\"${'['.repeat(1000)}", {"k": "${'{'.repeat(1000)}\\\\"}]`;
    expect(findExcessiveNesting(text)).toBe(-1);
    expect(parseJson(text).ok).toBe(true);
  });
});

describe('parseJson: syntax errors in plain English with line:column', () => {
  const cases: [string, string, string, number, number][] = [
    ['truncated', '{\n  "a": [1, 2', 'unexpected end of text', 2, 13],
    ['trailing comma', '{\n  "a": 1,\n}', 'trailing comma', 3, 1],
    ['comment', '{\n  // note\n  "a": 1\n}', 'comments are not allowed', 2, 3],
    ['missing colon', '{"a" 1}', "expected ':'", 1, 6],
    ['missing comma', '{"a": 1\n "b": 2}', "expected ','", 2, 2],
    ['single quotes', "{'a': 1}", 'unexpected character', 1, 2],
    ['unterminated string', '{"a": "abc', 'unterminated string', 1, 7],
    ['bad escape', '{"a": "\\q"}', 'invalid escape sequence', 1, 7],
    ['raw tab in a string', '{"a": "x\ty"}', 'control characters must be escaped', 1, 7],
    ['text after the value', '{} {}', 'after the end of the JSON value', 1, 4],
  ];
  it.each(cases)('%s', (_name, text, message, line, column) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({
      kind: 'syntax',
      line,
      column,
      message: expect.stringContaining(message),
    });
  });

  it('counts lines ending in \\r\\n and lone \\r', () => {
    expect(parseJson('{\r\n"a": 1,\r\n"b" 2}').issues[0]).toMatchObject({ line: 3, column: 5 });
    expect(parseJson('{\r"a": 1,\r"b" 2}').issues[0]).toMatchObject({ line: 3, column: 5 });
  });
});

describe('parseJson: keys', () => {
  it('refuses __proto__, constructor and prototype with their path and position, and never pollutes', () => {
    const text =
      '{\n  "x": {"__proto__": {"polluted": 1}},\n  "constructor": {"prototype": {"polluted": 2}}\n}';
    const r = parseJson(text);
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.kind, i.path.join('.'), i.line, i.column])).toEqual([
      ['key', 'x.__proto__', 2, 9],
      ['key', 'constructor', 3, 3],
    ]);
    expect(r.issues[0]?.message).toContain('"__proto__" is not allowed');
    if (r.ok) {
      expect(r.value).toEqual({ x: {} });
      expect(Object.getPrototypeOf((r.value as { x: object }).x)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('reports prototype nested anywhere, with its full path', () => {
    const r = parseJson('{"a": [{"b": {"prototype": 1}}]}');
    expect(r.issues.map((i) => i.path)).toEqual([['a', 0, 'b', 'prototype']]);
  });

  it('reports a duplicate key naming both positions; the last value wins, as with JSON.parse', () => {
    const r = parseJson('{\n  "a": 1,\n  "b": {"c": 1, "c": 2},\n  "a": 3\n}');
    expect(r.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['b.c', 'duplicate key "c": first at 3:9, again at 3:17'],
      ['a', 'duplicate key "a": first at 2:3, again at 4:3'],
    ]);
    expect(r.ok && r.value).toEqual({ a: 3, b: { c: 2 } });
  });
});

describe('locate', () => {
  const text = '{\n  "a": [\n    {"b": 1},\n    {"c": "x"}\n  ]\n}';
  const r = parseJson(text);
  if (!r.ok) throw new Error('fixture must parse');

  it('finds the value at a path', () => {
    expect(locate(r.tree, r.lines, [])).toEqual({ line: 1, column: 1 });
    expect(locate(r.tree, r.lines, ['a', 1, 'c'])).toEqual({ line: 4, column: 11 });
    expect(locate(r.tree, r.lines, ['a', 1, 'c'], true)).toEqual({ line: 4, column: 6 });
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(locate(r.tree, r.lines, ['a', 0, 'missing', 3])).toEqual({ line: 3, column: 5 });
    expect(locate(r.tree, r.lines, ['a', 7])).toEqual({ line: 2, column: 8 });
    expect(locate(r.tree, r.lines, ['nope'])).toEqual({ line: 1, column: 1 });
  });
});

describe('helpers', () => {
  it('utf8Length agrees with Buffer.byteLength', () => {
    for (const s of ['', 'abc', 'é', '☃', '😀', 'a😀b\u0000', '\uD800 lone surrogate']) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });

  it('LineIndex maps offsets to 1-based lines and columns', () => {
    const li = new LineIndex('ab\ncd\r\nef');
    expect(li.position(0)).toEqual({ line: 1, column: 1 });
    expect(li.position(4)).toEqual({ line: 2, column: 2 });
    expect(li.position(7)).toEqual({ line: 3, column: 1 });
    expect(li.position(999)).toEqual({ line: 3, column: 3 });
    expect(li.lineText(2)).toBe('cd');
    expect(li.count).toBe(3);
  });
});
