// Writes the field reference of docs/scenario-format.md from the JSON Schema: `npx tsx src/cli/docs.ts`.
// The reference is generated, never hand-written, so it cannot drift from src/scenario/schema.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FORBIDDEN_KEYS, MAX_JSON_BYTES, MAX_JSON_DEPTH } from '../scenario/json.ts';
import { scenarioJsonSchema } from '../scenario/schema.ts';

/** A JSON Schema node, as z.toJSONSchema emits it. */
type Node = Record<string, unknown>;

/** The marker before the generated part of docs/scenario-format.md. */
export const REFERENCE_START = '<!-- reference:start -->';
/** The marker after the generated part. */
export const REFERENCE_END = '<!-- reference:end -->';

/** The file the reference lives in, relative to the project root. */
export const DOC_FILE = 'docs/scenario-format.md';

const CONDITION_REF = '#/definitions/Condition';
const CONDITION_LINK = '[Condition](#condition)';
// The id pattern appears on almost every reference; spelling it out each time would drown the table.
const ID_PATTERN = '^[a-z][a-z0-9-]*$';
// Zod writes these bounds for every integer; they say nothing to a designer.
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);
const nodes = (x: unknown): Node[] => (Array.isArray(x) ? x.filter(isNode) : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);
const code = (x: unknown): string => `\`${typeof x === 'string' ? x : JSON.stringify(x)}\``;

/** True when a node stands for a Condition: a bare `$ref` or Zod's `allOf: [{ $ref }]` wrapper. */
function isConditionRef(n: Node): boolean {
  if (n.$ref === CONDITION_REF) return true;
  const all = nodes(n.allOf);
  return all.length === 1 && all[0]?.$ref === CONDITION_REF;
}

/** The object alternatives of an `anyOf`, or undefined when it is not a union of object shapes. */
function objectShapes(n: Node): Node[] | undefined {
  const alts = nodes(n.anyOf);
  if (alts.length === 0 || !alts.every((a) => a.type === 'object' && isNode(a.properties))) return undefined;
  return alts;
}

function range(n: Node): string {
  const bound = (x: unknown) => (num(x) === SAFE_MAX || num(x) === -SAFE_MAX ? undefined : num(x));
  const lo = bound(n.minimum);
  const hi = bound(n.maximum);
  const exLo = bound(n.exclusiveMinimum);
  const exHi = bound(n.exclusiveMaximum);
  if (lo !== undefined && hi !== undefined) return `${lo} to ${hi}`;
  const lower = lo !== undefined ? `≥ ${lo}` : exLo !== undefined ? `> ${exLo}` : undefined;
  const upper = hi !== undefined ? `≤ ${hi}` : exHi !== undefined ? `< ${exHi}` : undefined;
  return [lower, upper].filter((x) => x !== undefined).join(' and ');
}

function stringType(n: Node): string {
  if (n.pattern === ID_PATTERN && n.maxLength === 64) return 'id';
  const format = str(n.format);
  // A format says it all; Zod's date patterns are long regular expressions nobody should read.
  let head = 'string';
  if (format) head = `string in format \`${format}\``;
  else if (typeof n.pattern === 'string') head = `string matching \`${n.pattern}\``;
  const bits = [head];
  const lo = num(n.minLength);
  const hi = num(n.maxLength);
  if (lo !== undefined && hi !== undefined) bits.push(`${lo} to ${hi} characters`);
  else if (hi !== undefined) bits.push(`at most ${hi} characters`);
  else if (lo !== undefined) bits.push(`at least ${lo} characters`);
  return bits.join(', ');
}

function itemCount(n: Node): string {
  const lo = num(n.minItems);
  const hi = num(n.maxItems);
  if (lo !== undefined && hi !== undefined) return lo === hi ? ` (exactly ${lo})` : ` (${lo} to ${hi})`;
  if (lo !== undefined) return ` (at least ${lo})`;
  if (hi !== undefined) return ` (at most ${hi})`;
  return '';
}

/** A short, human type of a node: enums, constants, ranges, lengths, item types. */
function typeOf(n: Node): string {
  if (isConditionRef(n)) return CONDITION_LINK;
  if ('const' in n) return `${code(n.const)} (constant)`;
  if (Array.isArray(n.enum)) return `one of ${n.enum.map(code).join(', ')}`;
  const shapes = objectShapes(n);
  if (shapes) return `one of ${shapes.length} shapes (below)`;
  const alts = nodes(n.anyOf);
  if (alts.length > 0) return alts.map(typeOf).join(' or ');
  switch (n.type) {
    case 'string':
      return stringType(n);
    case 'number':
    case 'integer': {
      const r = range(n);
      return r ? `${n.type} ${r}` : n.type;
    }
    case 'boolean':
      return 'boolean';
    case 'array': {
      const tuple = nodes(n.items);
      if (Array.isArray(n.items)) return `[${tuple.map(typeOf).join(', ')}]`;
      const items = isNode(n.items) ? n.items : {};
      return `array${itemCount(n)} of ${typeOf(items)}`;
    }
    case 'object':
      if (isNode(n.additionalProperties)) return `map from id to ${typeOf(n.additionalProperties)}`;
      return 'object';
    default:
      return 'any';
  }
}

function withDefault(n: Node, type: string): string {
  if (!('default' in n)) return type;
  const json = JSON.stringify(n.default);
  // A large default (dynamics) is every field at its own default, listed in the rows below.
  return json.length <= 40 ? `${type}; default ${code(n.default)}` : `${type}; default: each field's default`;
}

/** Escapes a table cell: a pipe would end the cell and a newline the row (GFM: `\\|` even in code). */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

type Required = 'yes' | 'no' | '—';

function row(path: string, type: string, required: Required, description: string): string {
  return `| \`${path}\` | ${cell(type)} | ${required} | ${cell(description)} |`;
}

/** Rows for one node at a path, then for everything inside it, depth first in schema order. */
function rows(n: Node, path: string, required: Required, out: string[]): void {
  out.push(row(path, withDefault(n, typeOf(n)), required, str(n.description) ?? ''));
  inner(n, path, out);
}

/** Rows for what a node contains: fields, array elements, map values, union shapes. */
function inner(n: Node, path: string, out: string[]): void {
  if (isConditionRef(n)) return; // Documented once, in its own section.
  const shapes = objectShapes(n);
  if (shapes) {
    shapes.forEach((shape, i) => {
      const keys = Object.keys(shape.properties as Node).join(', ');
      const label = `**shape ${i + 1} of ${shapes.length}: \`{ ${keys} }\`**`;
      out.push(`| ${label} | object | — | ${cell(str(shape.description) ?? '')} |`);
      fields(shape, path, out);
    });
    return;
  }
  if (n.type === 'object' && isNode(n.properties)) {
    fields(n, path, out);
    return;
  }
  if (n.type === 'object' && isNode(n.additionalProperties)) {
    rows(n.additionalProperties, `${path}.<id>`, '—', out);
    return;
  }
  if (n.type === 'array' && isNode(n.items)) {
    const items = n.items;
    // An element gets its own row only when it has something to say; its fields follow either way.
    if (typeof items.description === 'string' || objectShapes(items)) rows(items, `${path}[]`, '—', out);
    else inner(items, `${path}[]`, out);
  }
}

function fields(n: Node, path: string, out: string[]): void {
  const req = new Set(Array.isArray(n.required) ? n.required : []);
  for (const [key, sub] of Object.entries(n.properties as Node)) {
    if (!isNode(sub)) continue;
    rows(sub, path ? `${path}.${key}` : key, req.has(key) ? 'yes' : 'no', out);
  }
}

const HEADER = ['| field | type | required | description |', '| --- | --- | --- | --- |'];

function table(body: string[]): string {
  return [...HEADER, ...body].join('\n');
}

/** Whether a top-level field has anything inside it worth its own section. */
function hasInner(n: Node): boolean {
  const out: string[] = [];
  inner(n, 'x', out);
  return out.length > 0;
}

/**
 * The reference part of docs/scenario-format.md: one table per top-level section and one for
 * Condition, every row taken from the JSON Schema. Pure: the same schema gives the same text.
 */
export function referenceMarkdown(): string {
  const schema = scenarioJsonSchema();
  const props = isNode(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const defs = isNode(schema.definitions) ? schema.definitions : {};
  const condition = isNode(defs.Condition) ? defs.Condition : undefined;

  const parts: string[] = [
    '## Reference',
    '',
    '_Generated from `src/scenario/schema.ts` by `npx tsx src/cli/docs.ts`; do not edit by hand._',
    '',
    'How to read the tables: `a.b` is field `b` of object `a`; `a[]` is an element of list `a`; ' +
      '`a.<id>` is a value of map `a`, keyed by an id. **id** means lowercase letters, digits and ' +
      'hyphens, starting with a letter, at most 64 characters. Where an element can take one of ' +
      'several shapes, a bold row starts each shape and the rows under it are that shape’s fields. ' +
      `A ${CONDITION_LINK} field holds a condition, described once at the end. ` +
      '"required: no" means the field may be left out; a default, when there is one, is then used.',
    '',
    '### Top level',
    '',
    str(schema.description) ?? '',
    '',
  ];
  const top: string[] = [];
  for (const [key, sub] of Object.entries(props)) {
    if (!isNode(sub)) continue;
    top.push(
      row(key, withDefault(sub, typeOf(sub)), required.has(key) ? 'yes' : 'no', str(sub.description) ?? ''),
    );
  }
  parts.push(table(top), '');

  for (const [key, sub] of Object.entries(props)) {
    if (!isNode(sub) || !hasInner(sub)) continue;
    const body: string[] = [];
    inner(sub, key, body);
    parts.push(`### \`${key}\``, '', str(sub.description) ?? '', '', table(body), '');
  }

  if (condition) {
    const body: string[] = [];
    inner(condition, '', body);
    // Inside a condition, paths start at the condition itself: `rung.atLeast`.
    parts.push(
      '### Condition',
      '',
      `${str(condition.description) ?? ''} A condition is an object of exactly one of these shapes; ` +
        'paths are relative to the condition.',
      '',
      table(body),
      '',
    );
  }
  parts.push(...limits());
  return parts.join('\n').trimEnd();
}

/** The loader's limits on the file itself, quoted from src/scenario/json.ts so they cannot drift. */
function limits(): string[] {
  const mib = MAX_JSON_BYTES / 1024 / 1024;
  return [
    '### Limits of the file',
    '',
    'The loader (`src/scenario/json.ts`) refuses a file that breaks these before the schema is checked:',
    '',
    '| limit | value |',
    '| --- | --- |',
    `| size | at most ${MAX_JSON_BYTES} bytes (${mib} MiB) of UTF-8 |`,
    `| nesting | at most ${MAX_JSON_DEPTH} levels of arrays and objects |`,
    `| keys refused anywhere | ${[...FORBIDDEN_KEYS].map((k) => code(k)).join(', ')} |`,
    '',
  ];
}

/** The document with its reference block replaced by `reference`; throws when the markers are missing. */
export function withReference(doc: string, reference: string): string {
  const start = doc.indexOf(REFERENCE_START);
  const end = doc.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error(`${DOC_FILE}: missing ${REFERENCE_START} … ${REFERENCE_END}`);
  return `${doc.slice(0, start + REFERENCE_START.length)}\n${reference}\n${doc.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const doc = readFileSync(DOC_FILE, 'utf8');
  const next = withReference(doc, referenceMarkdown());
  if (next === doc) console.log(`${DOC_FILE}: reference already up to date`);
  else {
    writeFileSync(DOC_FILE, next);
    console.log(`${DOC_FILE}: reference rewritten`);
  }
}
