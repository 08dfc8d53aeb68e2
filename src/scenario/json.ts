// Safe parsing of untrusted JSON text, keeping the position of every value so that later passes can
// report line:column. Runs in Node and in the browser (no node: imports).
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

/**
 * The largest scenario text accepted: 5 MiB of UTF-8. Larger text is refused before parsing, so a
 * huge file cannot tie up the tab or the CLI; real scenarios are a few hundred KiB at most.
 */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;

/**
 * The deepest nesting of arrays and objects accepted. Checked by a linear scan before the (recursive)
 * parser runs, so pathological text such as 100,000 '[' is refused instead of overflowing the stack.
 * Scenarios need about 15 levels; 64 leaves room for deeply nested conditions.
 */
export const MAX_JSON_DEPTH = 64;

/** Keys that could reach an object's prototype if copied naively; refused wherever they appear. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A path into a JSON value: property names and array indices. */
export type JsonPath = (string | number)[];

/** A 1-based line and column (columns count UTF-16 code units, as editors do). */
export interface Position {
  line: number;
  column: number;
}

/** A problem found while reading the JSON text itself. */
export interface JsonIssue {
  /** 'syntax' stops everything; 'key' (forbidden or duplicate key) lets the later passes still run. */
  kind: 'syntax' | 'key';
  message: string;
  path: JsonPath;
  offset: number;
  line: number;
  column: number;
  expected?: string;
  found?: string;
}

/** What `parseJson` gives back: the value when the text is readable, and every issue found. */
export type JsonResult =
  | { ok: true; value: unknown; tree: JsonNode; lines: LineIndex; issues: JsonIssue[] }
  | { ok: false; issues: JsonIssue[]; lines: LineIndex };

const OPTIONS = { disallowComments: true, allowTrailingComma: false } as const;

/** Maps offsets to lines and columns; built once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  /** Indexes the line starts of `text` (\n, \r\n and lone \r end a line). */
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The 1-based line and column of an offset (clamped to the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (this.starts[lo] ?? 0) + 1 };
  }

  /** The number of lines. */
  get count(): number {
    return this.starts.length;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}

/** The UTF-8 length of a string, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The offset where nesting first exceeds `max`, or -1. A linear scan that skips strings, so
 * brackets inside text do not count and the scan itself cannot overflow the stack.
 */
export function findExcessiveNesting(text: string, max: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return -1;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between items (or a closing bracket)",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the array",
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: "unterminated string (missing closing '\"')",
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape in a string',
  InvalidEscapeCharacter: 'invalid escape sequence in a string',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped, e.g. \\n or \\t)',
};

/** Plain English for one jsonc-parser error, with what was found where it helps. */
function describeSyntaxError(text: string, e: ParseError): { message: string; found?: string } {
  const name = printParseErrorCode(e.error);
  if (e.offset >= text.length) {
    const what = SYNTAX_MESSAGES[name] ?? name;
    return { message: `unexpected end of text: ${what}` };
  }
  // A trailing comma shows up as "property name expected" or "value expected" at the closing bracket.
  const here = text[e.offset];
  if ((name === 'PropertyNameExpected' || name === 'ValueExpected') && (here === '}' || here === ']')) {
    const before = text.slice(0, e.offset).trimEnd();
    if (before.endsWith(','))
      return { message: 'trailing comma: JSON allows no comma before a closing bracket' };
  }
  const message = SYNTAX_MESSAGES[name] ?? name;
  const token = text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 40)));
  return { message, found: JSON.stringify(token) };
}

/**
 * Parses untrusted JSON text. Never throws. Refuses empty text, text over `MAX_JSON_BYTES` and nesting
 * over `MAX_JSON_DEPTH` before parsing; reports syntax errors with line:column; refuses the keys
 * `__proto__`, `constructor` and `prototype` and duplicate keys. The value is built without ever
 * touching a prototype, so it is safe to hand to any code.
 */
export function parseJson(input: string): JsonResult {
  // A leading byte-order mark is harmless: blank it out so offsets stay the same.
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
  const lines = new LineIndex(text);
  const fail = (offset: number, message: string, extra: Partial<JsonIssue> = {}): JsonResult => ({
    ok: false,
    lines,
    issues: [{ kind: 'syntax', message, path: [], offset, ...lines.position(offset), ...extra }],
  });

  if (text.trim() === '')
    return fail(0, text === '' ? 'the file is empty' : 'the file holds only whitespace');
  if (text.length > MAX_JSON_BYTES || utf8Length(text) > MAX_JSON_BYTES) {
    return fail(0, `the file is too large: the limit is ${MAX_JSON_BYTES / 1024 / 1024} MiB`, {
      expected: `at most ${MAX_JSON_BYTES} bytes`,
      found: `${utf8Length(text)} bytes`,
    });
  }
  const deep = findExcessiveNesting(text);
  if (deep >= 0) {
    return fail(deep, `nesting too deep: more than ${MAX_JSON_DEPTH} levels of arrays and objects`, {
      expected: `at most ${MAX_JSON_DEPTH} levels`,
    });
  }

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, OPTIONS);
  if (errors.length > 0 || !tree) {
    const seen = new Set<number>();
    const issues: JsonIssue[] = [];
    for (const e of errors) {
      if (seen.has(e.offset)) continue; // several errors at one spot are one mistake
      seen.add(e.offset);
      issues.push({
        kind: 'syntax',
        path: [],
        offset: e.offset,
        ...lines.position(e.offset),
        ...describeSyntaxError(text, e),
      });
    }
    if (issues.length === 0) return fail(0, 'no JSON value found');
    return { ok: false, lines, issues };
  }

  const issues: JsonIssue[] = [];
  const value = buildValue(tree, [], issues, lines);
  return { ok: true, value, tree, lines, issues };
}

/**
 * Builds the plain value of a node, checking keys on the way. Recursion is bounded by the depth check
 * done before parsing. Properties are defined, never assigned, and forbidden keys are skipped, so no
 * input can reach Object.prototype. `path` is one shared stack, copied only when an issue is recorded.
 */
function buildValue(node: JsonNode, path: JsonPath, issues: JsonIssue[], lines: LineIndex): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const firstAt = new Map<string, number>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        const where = { offset: keyNode.offset, ...lines.position(keyNode.offset) };
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push({
            kind: 'key',
            message: `the key "${key}" is not allowed (it could tamper with object prototypes)`,
            path: [...path, key],
            found: JSON.stringify(key),
            ...where,
          });
          continue;
        }
        const first = firstAt.get(key);
        if (first !== undefined) {
          const p = lines.position(first);
          issues.push({
            kind: 'key',
            message: `duplicate key "${key}": first at ${p.line}:${p.column}, again at ${where.line}:${where.column}`,
            path: [...path, key],
            ...where,
          });
        } else firstAt.set(key, keyNode.offset);
        // The last duplicate wins, as with JSON.parse, so later passes see what other tools see.
        path.push(key);
        const value = buildValue(valueNode, path, issues, lines);
        path.pop();
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((child, i) => {
        path.push(i);
        const value = buildValue(child, path, issues, lines);
        path.pop();
        return value;
      });
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    default:
      return null;
  }
}

/**
 * The node at a JSON path, or the nearest existing ancestor when part of the path is missing.
 * With `key`, a path ending in a property name gives that property's key rather than its value.
 */
export function nodeAtPath(tree: JsonNode, path: readonly (string | number)[], key = false): JsonNode {
  let node = tree;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    let next: JsonNode | undefined;
    if (node.type === 'object' && typeof seg === 'string') {
      // The last property of that name: the one whose value later passes saw.
      let prop: JsonNode | undefined;
      for (const p of node.children ?? []) if (p.children?.[0]?.value === seg) prop = p;
      if (prop && key && i === path.length - 1) return prop.children?.[0] ?? prop;
      next = prop?.children?.[1];
    } else if (node.type === 'array' && typeof seg === 'number') {
      next = node.children?.[seg];
    }
    if (!next) return node;
    node = next;
  }
  return node;
}

/** The line:column of the value at a JSON path (nearest existing ancestor if it is missing). */
export function locate(
  tree: JsonNode,
  lines: LineIndex,
  path: readonly (string | number)[],
  key = false,
): Position {
  return lines.position(nodeAtPath(tree, path, key).offset);
}
