// The structure pass: runs the Zod schema and turns its issues into problems a designer can act on,
// with the JSON path, what was expected and what was found. Union failures name the allowed shapes.
import type * as z from 'zod';
import type { RawProblem } from './problem.ts';
import { Condition, Effect, Scenario } from './schema.ts';
import { suggest } from './suggest.ts';

type Path = (string | number)[];

/** The parts of a Zod schema's internals this module reads (stable across Zod 4 releases). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const isOptional = (s: z.ZodType) => (s as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';

/** Strips wrappers (optional, default, lazy, pipe...) down to the schema that does the checking. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 50; i++) {
    const d = defOf(s);
    const next = d.getter ? d.getter() : (d.innerType ?? (d.type === 'pipe' ? d.in : undefined));
    if (!next) return s;
    s = next;
  }
  return s;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The union option the value most likely meant: the object shape sharing most of its keys. */
function bestOptions(options: readonly z.ZodType[], value: unknown): number[] {
  if (!isRecord(value)) return [];
  const keys = Object.keys(value);
  let best = 0;
  let winners: number[] = [];
  options.forEach((o, i) => {
    const shape = defOf(unwrap(o)).shape;
    if (!shape) return;
    const score = keys.filter((k) => k in shape).length;
    if (score > best) {
      best = score;
      winners = [i];
    } else if (score === best && score > 0) winners.push(i);
  });
  return winners;
}

/** The schema that checks the value at `path` below `root`, resolving unions by the value's keys. */
function schemaAt(
  root: z.ZodType,
  path: readonly (string | number)[],
  value: unknown,
): z.ZodType | undefined {
  let s = unwrap(root);
  let v = value;
  for (const seg of path) {
    let d = defOf(s);
    if (d.type === 'union' && d.options) {
      const pick = d.options[bestOptions(d.options, v)[0] ?? 0];
      if (!pick) return undefined;
      s = unwrap(pick);
      d = defOf(s);
    }
    let next: z.ZodType | undefined;
    if (d.type === 'object' && typeof seg === 'string') next = d.shape?.[seg];
    else if (d.type === 'array') next = d.element;
    else if (d.type === 'tuple' && typeof seg === 'number') next = d.items?.[seg] ?? d.rest ?? undefined;
    else if (d.type === 'record') next = d.valueType;
    if (!next) return undefined;
    s = unwrap(next);
    v = isRecord(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return s;
}

/** Like schemaAt, but a union of object shapes at the end is resolved to the shape the value meant. */
function shapeAt(root: z.ZodType, path: readonly (string | number)[], value: unknown): z.ZodType | undefined {
  const s = schemaAt(root, path, value);
  const d = s ? defOf(s) : undefined;
  if (d?.type !== 'union' || !d.options) return s;
  const pick = d.options[bestOptions(d.options, valueAt(value, path))[0] ?? 0];
  return pick ? unwrap(pick) : s;
}

/** The fixed values a union of enums and literals allows, e.g. "up", "down" of `"up" | "down" | id`. */
function fixedAlternatives(s: z.ZodType | undefined): string[] {
  const d = s ? (defOf(s) as Def & { entries?: Record<string, unknown>; values?: unknown[] }) : undefined;
  if (d?.type !== 'union' || !d.options) return [];
  return d.options.flatMap((o) => {
    const od = defOf(unwrap(o)) as Def & { entries?: Record<string, unknown>; values?: unknown[] };
    if (od.type === 'enum' && od.entries) return Object.values(od.entries).map((x) => JSON.stringify(x));
    if (od.type === 'literal' && od.values) return od.values.map((x) => JSON.stringify(x));
    return [];
  });
}

/** A corrected spelling that matches a regex, e.g. "Old Bridge" -> "old-bridge" for ids. */
function fixToPattern(found: unknown, pattern: string | undefined): string | undefined {
  if (typeof found !== 'string' || !pattern) return undefined;
  const m = /^\/(.*)\/([a-z]*)$/.exec(pattern);
  if (!m) return undefined;
  try {
    const re = new RegExp(m[1] ?? '', m[2]);
    const fixed = found
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
    return fixed !== found && re.test(fixed) ? fixed : undefined;
  } catch {
    return undefined;
  }
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const seg of path) {
    if (!(isRecord(v) || Array.isArray(v))) return undefined;
    v = Object.hasOwn(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return v;
}

/** A short description of a value as found in the file. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string')
    return v.length > 60 ? `${JSON.stringify(v.slice(0, 57))}...` : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `an array of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (isRecord(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 6).join(', ');
    return `an object with key${keys.length === 1 ? '' : 's'} {${shown}${keys.length > 6 ? ', ...' : ''}}`;
  }
  return typeof v;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const FORMAT_NAMES: Record<string, string> = {
  date: 'a date written YYYY-MM-DD',
  datetime: 'an ISO 8601 date and time with a UTC offset, e.g. 2026-02-26T18:00:00+05:00',
  url: 'an http or https URL',
};

/** Names for the unions whose shapes are worth listing. */
const UNION_NAMES = new Map<z.ZodType, string>([
  [unwrap(Condition), 'condition'],
  [unwrap(Effect), 'effect'],
]);

const article = (w: string) => (/^[aeiou]/.test(w) ? 'an' : 'a');

/** "{metric, op, value}" for an object option, optional keys marked with "?". */
function shapeText(option: z.ZodType): string | undefined {
  const shape = defOf(unwrap(option)).shape;
  if (!shape) return undefined;
  const keys = Object.entries(shape).map(([k, s]) => (isOptional(s) ? `${k}?` : k));
  return `{${keys.join(', ')}}`;
}

/** Converts one Zod issue (its path relative to `base`) into problems. */
function convert(
  issue: z.core.$ZodIssue,
  base: Path,
  root: unknown,
  rootSchema: z.ZodType,
  out: RawProblem[],
): void {
  const path: Path = [...base, ...(issue.path as Path)];
  const found = valueAt(root, path);
  const last = path[path.length - 1];
  const parent = valueAt(root, path.slice(0, -1));
  const missing =
    found === undefined && typeof last === 'string' && isRecord(parent) && !Object.hasOwn(parent, last);
  // A required field left out: whatever Zod's complaint, say so plainly (the expectation still helps).
  const push = (message: string, extra: Omit<RawProblem, 'path' | 'message'> = {}) => {
    const { found: _nothing, ...rest } = extra;
    if (missing) out.push({ path, message: `missing required field "${last}"`, ...rest });
    else out.push({ path, message, ...extra });
  };
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (missing) push('', { expected });
      else if (issue.expected === 'int' && typeof found === 'number')
        push('expected a whole number', { expected, found: describeValue(found) });
      else push(`wrong type: expected ${expected}`, { expected, found: describeValue(found) });
      return;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      const cmp = small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
      if (issue.origin === 'string') {
        const n = typeof found === 'string' ? found.length : 0;
        push(small ? 'text too short' : 'text too long', {
          expected: `${small ? 'at least' : 'at most'} ${limit} character${limit === 1 ? '' : 's'}`,
          found: `${n} character${n === 1 ? '' : 's'}`,
        });
      } else if (issue.origin === 'array') {
        const n = Array.isArray(found) ? found.length : 0;
        push(small ? 'too few items' : 'too many items', {
          expected: `${small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`,
          found: `${n} item${n === 1 ? '' : 's'}`,
        });
      } else
        push(`number ${small ? 'too small' : 'too large'}`, {
          expected: `a number ${cmp} ${limit}`,
          found: describeValue(found),
        });
      return;
    }
    case 'invalid_format': {
      const custom = issue.format === 'regex' && !issue.message.startsWith('Invalid');
      let expected = custom
        ? issue.message
        : (FORMAT_NAMES[issue.format] ??
          (issue.pattern ? `text matching ${issue.pattern}` : `a valid ${issue.format}`));
      // Zod reports only the branch a string could have matched; name the fixed alternatives too.
      const fixed = fixedAlternatives(schemaAt(rootSchema, path, root));
      if (fixed.length > 0) expected = `${fixed.join(', ')}, or ${expected}`;
      const suggestion = issue.format === 'regex' ? fixToPattern(found, issue.pattern) : undefined;
      push(`invalid ${issue.format === 'regex' ? 'format' : issue.format}`, {
        expected,
        found: describeValue(found),
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
      return;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      const strings = issue.values.filter((v): v is string => typeof v === 'string');
      const suggestion = typeof found === 'string' ? suggest(found, strings) : undefined;
      push(values.length === 1 ? `expected ${values[0]}` : 'not one of the allowed values', {
        expected: values.length === 1 ? `${values[0]}` : `one of ${values.join(', ')}`,
        found: describeValue(found),
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
      return;
    }
    case 'unrecognized_keys': {
      const shape = defOf(shapeAt(rootSchema, path, root) ?? rootSchema).shape ?? {};
      const present = isRecord(found) ? Object.keys(found) : [];
      const allowed = Object.keys(shape).filter((k) => !present.includes(k));
      for (const key of issue.keys) {
        const suggestion = suggest(key, allowed);
        out.push({
          path: [...path, key],
          atKey: true,
          message: `unknown field "${key}"`,
          expected:
            Object.keys(shape).length > 0
              ? `one of the fields ${Object.keys(shape).join(', ')}`
              : 'no other fields',
          ...(suggestion !== undefined ? { suggestion } : {}),
        });
      }
      return;
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const inner = issue.issues[0];
      const expected = inner && inner.code === 'invalid_format' ? inner.message : 'a valid key';
      out.push({ path, atKey: true, message: `invalid key ${JSON.stringify(key)}`, expected });
      return;
    }
    case 'invalid_union': {
      if (missing) {
        const union = schemaAt(rootSchema, path, root);
        const shapes = (union ? (defOf(union).options ?? []) : []).map(shapeText);
        const name = union ? UNION_NAMES.get(union) : undefined;
        const list = shapes.every((x) => x !== undefined) ? `: one of ${shapes.join(' ')}` : '';
        push('', { expected: `${name ? `${article(name)} ${name}` : 'a value'}${list}` });
      } else convertUnion(issue, path, found, root, rootSchema, out);
      return;
    }
    default:
      push(issue.message, { found: describeValue(found) });
  }
}

/** A union failed: report the errors of the shape the value meant, or list the shapes allowed. */
function convertUnion(
  issue: Extract<z.core.$ZodIssue, { code: 'invalid_union' }>,
  path: Path,
  found: unknown,
  root: unknown,
  rootSchema: z.ZodType,
  out: RawProblem[],
): void {
  const union = schemaAt(rootSchema, path, root);
  const options = union ? (defOf(union).options ?? []) : [];
  const name = union ? UNION_NAMES.get(union) : undefined;
  if (options.length === issue.errors.length) {
    const winners = bestOptions(options, found);
    // Among the shapes sharing most keys, the one with the fewest complaints is the likely intent.
    let pick: number | undefined;
    let fewest = Number.POSITIVE_INFINITY;
    for (const i of winners) {
      const n = issue.errors[i]?.length ?? Number.POSITIVE_INFINITY;
      if (n < fewest) {
        fewest = n;
        pick = i;
      } else if (n === fewest) pick = undefined; // a tie: no clear intent
    }
    if (pick !== undefined) {
      for (const inner of issue.errors[pick] ?? []) convert(inner, path, root, rootSchema, out);
      return;
    }
    const shapes = options.map(shapeText);
    if (shapes.every((s) => s !== undefined)) {
      out.push({
        path,
        message: `not a valid ${name ?? 'value'}: it matches none of the allowed shapes`,
        expected: `one of ${shapes.join(' ')}`,
        found: describeValue(found),
      });
      return;
    }
  }
  // A union of simple values, e.g. "up" | "down" | a rung id: say what each alternative wanted.
  const wanted = issue.errors.map((errs) => {
    const e = errs[0];
    if (!e) return 'something else';
    if (e.code === 'invalid_value') return e.values.map((v) => JSON.stringify(v)).join(' or ');
    if (e.code === 'invalid_format' && !e.message.startsWith('Invalid')) return `an id (${e.message})`;
    if (e.code === 'invalid_type') return TYPE_NAMES[e.expected] ?? e.expected;
    return e.message;
  });
  out.push({
    path,
    message: `invalid ${name ?? 'value'}`,
    expected: [...new Set(wanted)].join(', or '),
    found: describeValue(found),
  });
}

/**
 * Checks a parsed JSON value against the scenario schema. Returns the scenario with defaults filled in,
 * or every problem Zod found, each with its JSON path, what was expected and what was found.
 */
export function checkStructure(
  value: unknown,
): { ok: true; scenario: Scenario } | { ok: false; problems: RawProblem[] } {
  const result = Scenario.safeParse(value);
  if (result.success) return { ok: true, scenario: result.data };
  const out: RawProblem[] = [];
  for (const issue of result.error.issues) convert(issue, [], value, Scenario, out);
  // Unions can report the same thing through several branches.
  const seen = new Set<string>();
  const problems = out.filter((p) => {
    const key = `${JSON.stringify(p.path)}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: false, problems: foldMisspelt(problems) };
}

/**
 * A misspelt required key is one mistake, though Zod sees two (a field missing, an unknown one beside
 * it): the unknown key's problem, which points at the typo and suggests the missing name, says both.
 */
function foldMisspelt(problems: RawProblem[]): RawProblem[] {
  const where = (p: RawProblem, key: unknown) => `${JSON.stringify(p.path.slice(0, -1))}\n${String(key)}`;
  // The missing fields an unknown key beside them was probably meant to be.
  const meant = new Set(
    problems.filter((p) => p.atKey && p.suggestion !== undefined).map((p) => where(p, p.suggestion)),
  );
  const folded = new Set(
    problems
      .filter((p) => p.message === `missing required field "${String(p.path.at(-1))}"`)
      .map((p) => where(p, p.path.at(-1)))
      .filter((k) => meant.has(k)),
  );
  return problems.flatMap((p) => {
    if (!p.atKey && folded.has(where(p, p.path.at(-1)))) return [];
    if (p.atKey && p.suggestion !== undefined && folded.has(where(p, p.suggestion)))
      return [{ ...p, message: `${p.message}, and the required field "${p.suggestion}" is missing` }];
    return [p];
  });
}
