// What the JSON Schema says at a place in scenario text: the fields an object may take, the values a field
// may hold, and a field's description. Pure (no DOM, no CodeMirror), so completion and hover can be tested
// in Node; the text may be half typed (jsonc-parser reads it leniently).
import { findNodeAtLocation, getLocation, type Node as JsonNode, parseTree } from 'jsonc-parser';

/** The parts of a draft-07 JSON Schema node this module reads. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  definitions?: Record<string, SchemaNode>;
}

/** One suggestion: what is inserted, its label and the description shown beside it. */
export interface Suggestion {
  label: string;
  /** The text that replaces the word being typed (quotes included). */
  apply: string;
  detail?: string;
  info?: string;
  kind: 'property' | 'value';
}

/** A completion request answered: where the replaced word starts and ends, and the suggestions. */
export interface Completions {
  from: number;
  to: number;
  options: Suggestion[];
}

type Path = (string | number)[];

/** A node with its references and combinators opened: every alternative shape it allows. */
function alternatives(root: SchemaNode, node: SchemaNode, depth = 0): SchemaNode[] {
  if (depth > 20) return [];
  if (node.$ref !== undefined) {
    const name = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
    const target = name === undefined ? undefined : root.definitions?.[name];
    return target ? alternatives(root, target, depth + 1) : [];
  }
  const parts = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  if (parts.length === 0) return [node];
  // A node may describe itself beside its alternatives: keep it first, for its description.
  const own = node.description !== undefined || node.properties !== undefined ? [node] : [];
  return [...own, ...parts.flatMap((p) => alternatives(root, p, depth + 1))];
}

/** Every schema that may hold the value at `path` (several where the format allows several shapes). */
export function schemasAt(root: SchemaNode, path: readonly (string | number)[]): SchemaNode[] {
  let here = alternatives(root, root);
  for (const seg of path) {
    const next: SchemaNode[] = [];
    for (const s of here) {
      if (typeof seg === 'string') {
        const p = s.properties?.[seg];
        if (p) next.push(p);
        else if (typeof s.additionalProperties === 'object') next.push(s.additionalProperties);
      } else if (s.items !== undefined) {
        next.push(...(Array.isArray(s.items) ? (s.items[seg] ? [s.items[seg]] : []) : [s.items]));
      }
    }
    here = next.flatMap((n) => alternatives(root, n));
  }
  return here;
}

/** The first description among the schemas of a place. */
export function descriptionAt(root: SchemaNode, path: readonly (string | number)[]): string | undefined {
  return schemasAt(root, path).find((s) => s.description !== undefined)?.description;
}

const typeName = (s: SchemaNode): string | undefined =>
  Array.isArray(s.type)
    ? s.type.join(' or ')
    : s.type !== undefined
      ? s.type
      : s.anyOf
        ? 'one of several'
        : undefined;

/** The word being typed at `offset`: a quoted string (even unclosed) or a bare word, and its extent. */
function wordAt(text: string, offset: number): { from: number; to: number } {
  let from = offset;
  while (from > 0 && /[\w$-]/.test(text[from - 1] ?? '')) from--;
  if (text[from - 1] === '"') from--;
  let to = offset;
  while (to < text.length && /[\w$-]/.test(text[to] ?? '')) to++;
  if (text[from] === '"' && text[to] === '"') to++;
  return { from, to };
}

/** The node of the object at `path`, for the keys it already has. */
function objectAt(tree: JsonNode | undefined, path: Path): JsonNode | undefined {
  if (!tree) return undefined;
  const node = path.length === 0 ? tree : findNodeAtLocation(tree, path);
  return node?.type === 'object' ? node : undefined;
}

/** The values a field may take, written as JSON: enum members, constants, true and false. */
function valuesOf(schemas: readonly SchemaNode[]): { value: unknown; info?: string }[] {
  const out: { value: unknown; info?: string }[] = [];
  for (const s of schemas) {
    const info = s.description !== undefined ? { info: s.description } : {};
    for (const v of s.enum ?? []) out.push({ value: v, ...info });
    if (s.const !== undefined) out.push({ value: s.const, ...info });
    if (s.type === 'boolean') out.push({ value: true, ...info }, { value: false, ...info });
  }
  const seen = new Set<string>();
  return out.filter((x) => {
    const k = JSON.stringify(x.value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The lists whose ids a field names, by the field's key (for list items, the list's key). */
const REFERENCES: Record<string, string> = {
  actor: 'actors',
  actors: 'actors',
  side: 'actors',
  against: 'actors',
  engaged: 'actors',
  mediator: 'actors',
  mediators: 'actors',
  by: 'actors',
  about: 'actors',
  metric: 'metrics',
  hostility: 'metrics',
  than: 'metrics',
  flag: 'flags',
  action: 'actions',
  actions: 'actions',
  reactions: 'reactions',
  rung: 'ladder',
  atLeast: 'ladder',
  atMost: 'ladder',
  is: 'ladder',
  crossing: 'locations',
  location: 'locations',
  home: 'locations',
  at: 'locations',
  from: 'locations',
};

/**
 * The ids of the file a text field refers to, read from the file itself: actor ids for an actor, rung
 * ids for a rung test, and so on. Only where the schema takes free text (an id), so a list of objects
 * named like a reference (the top-level "actions") or a fixed choice (playedBy's "is") offers none.
 */
function idsFor(
  schemas: readonly SchemaNode[],
  path: Path,
  tree: JsonNode | undefined,
): { value: unknown; info?: string }[] {
  const freeText = schemas.some((s) => s.type === 'string' && s.enum === undefined && s.const === undefined);
  if (!tree || !freeText) return [];
  const key = [...path].reverse().find((seg): seg is string => typeof seg === 'string');
  const list = key === undefined ? undefined : REFERENCES[key];
  if (list === undefined) return [];
  const items = findNodeAtLocation(tree, [list])?.children ?? [];
  const ids = items
    .map((item) => findNodeAtLocation(item, ['id'])?.value)
    .filter((v) => typeof v === 'string');
  return [...new Set(ids)].map((value) => ({ value }));
}

/**
 * What may be typed at `offset`: the fields of the object the cursor is in that it does not have yet
 * (required ones first), or the fixed values of the field whose value is being typed.
 */
export function completeAt(root: SchemaNode, text: string, offset: number): Completions | undefined {
  const loc = getLocation(text, offset);
  const word = wordAt(text, offset);
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (loc.isAtPropertyKey) {
    const objectPath = loc.path.slice(0, -1);
    const typed = String(loc.path[loc.path.length - 1] ?? '');
    const present = new Set(
      (objectAt(tree, objectPath)?.children ?? [])
        .map((p) => p.children?.[0]?.value as string | undefined)
        .filter((k): k is string => k !== undefined && k !== typed),
    );
    const options: Suggestion[] = [];
    const seen = new Set<string>();
    for (const s of schemasAt(root, objectPath)) {
      const required = new Set(s.required ?? []);
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (present.has(key) || seen.has(key)) continue;
        seen.add(key);
        const detail = [required.has(key) ? 'required' : 'optional', typeName(prop)]
          .filter(Boolean)
          .join(', ');
        const info = descriptionAt(root, [...objectPath, key]);
        options.push({
          label: key,
          apply: `${JSON.stringify(key)}: `,
          detail,
          kind: 'property',
          ...(info !== undefined ? { info } : {}),
        });
      }
    }
    options.sort(
      (a, b) => Number(b.detail?.startsWith('required')) - Number(a.detail?.startsWith('required')),
    );
    return { ...word, options };
  }
  const schemas = schemasAt(root, loc.path);
  const values = [...valuesOf(schemas), ...idsFor(schemas, loc.path, tree)];
  if (values.length === 0) return undefined;
  return {
    ...word,
    options: values.map((v) => ({
      label: JSON.stringify(v.value),
      apply: JSON.stringify(v.value),
      kind: 'value',
      ...(v.info !== undefined ? { info: v.info } : {}),
    })),
  };
}

/** The field under `offset` and its description, for a hover: its JSON path as a designer reads it. */
export function hoverAt(
  root: SchemaNode,
  text: string,
  offset: number,
): { path: Path; description: string } | undefined {
  const loc = getLocation(text, offset);
  const node = loc.previousNode;
  if (!node || offset < node.offset || offset > node.offset + node.length) return undefined;
  const description = descriptionAt(root, loc.path);
  return description === undefined ? undefined : { path: loc.path, description };
}
