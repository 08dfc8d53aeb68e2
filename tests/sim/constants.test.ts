// Every number of the model is traceable: a scenario's `dynamics` field (documented and validated), or a
// named constant in src/sim whose comment says it is a design choice or cites the modelling notes.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dynamics } from '../../src/scenario/schema.ts';

/**
 * The engine's rule modules, and the tools that measure them; not the text, log, hash or CSV helpers, nor
 * the schemas and checks of what crosses the boundary (their numbers are size caps, not the model's).
 */
const BOUNDARY = ['events.ts', 'state-schema.ts', 'save.ts', 'plan-protocol.ts', 'plan-answer.ts'];
const RULES = readdirSync('src/sim')
  .filter((f) => f.endsWith('.ts'))
  .filter(
    (f) => ![...BOUNDARY, 'text.ts', 'log.ts', 'rng.ts', 'csv.ts', 'types.ts', 'envelope.ts'].includes(f),
  );

/** A source tag: a design choice, a citation of the modelling notes, or plain arithmetic. */
const TAG = /design choice|escalation-model\.md|\(model\)|math:/i;

/** The source with comments, strings and regular expressions blanked out (line numbers kept). */
function codeOf(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/\/\/.*$/gm, blank)
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, blank)
    .replace(
      /([(=,:]\s*)\/(?![/*])(?:\\.|\[[^\]\n]*\]|[^/\n])+\/[gimsuy]*/g,
      (m, pre: string) => pre + blank(m.slice(pre.length)),
    );
}

interface Found {
  file: string;
  line: number;
  literal: string;
  tag: string | null;
}

/** Every numeric literal other than 0 and 1, with the tag that covers it: its constant's comment, or its line's. */
function literals(file: string): Found[] {
  const text = readFileSync(`src/sim/${file}`, 'utf8');
  const lines = text.split('\n');
  const code = codeOf(text).split('\n');
  // The tag of the top-level declaration each line belongs to: the comment just above its first line.
  const blockTag: (string | null)[] = [];
  let current: string | null = null;
  lines.forEach((line, i) => {
    if (
      /^\S/.test(line) &&
      !/^[}\])]/.test(line) &&
      !line.startsWith('//') &&
      !line.startsWith('/*') &&
      !line.startsWith(' *')
    ) {
      let j = i - 1;
      const comment: string[] = [];
      while (j >= 0 && /^\s*(\/\/|\/\*|\*)/.test(lines[j] ?? '')) comment.unshift(lines[j--] ?? '');
      const joined = comment.join(' ');
      current = TAG.test(joined) ? (joined.match(TAG)?.[0] ?? null) : null;
    }
    blockTag[i] = current;
  });
  const out: Found[] = [];
  code.forEach((line, i) => {
    for (const m of line.matchAll(/(?<![\w.$])(\d+(?:\.\d+)?(?:e-?\d+)?)(?![\w])/g)) {
      const literal = m[1] ?? '';
      if (Number(literal) === 0 || Number(literal) === 1) continue;
      const own = (lines[i] ?? '').match(/\/\/.*$/)?.[0] ?? '';
      const tag = TAG.test(own) ? (own.match(TAG)?.[0] ?? null) : (blockTag[i] ?? null);
      out.push({ file, line: i + 1, literal, tag });
    }
  });
  return out;
}

describe('every number of the model is traceable', () => {
  const found = RULES.flatMap(literals);

  it('lists every constant in src/sim with its source tag, and none is untagged', () => {
    const untagged = found.filter((f) => f.tag === null).map((f) => `${f.file}:${f.line}: ${f.literal}`);
    expect(untagged).toEqual([]);
    // The list is real: the rules' constants are in it, each with its tag.
    const at = (file: string, literal: string) => found.find((f) => f.file === file && f.literal === literal);
    expect(at('mediation.ts', '0.95')?.tag).toMatch(/design choice/i);
    expect(at('policies.ts', '0.05')?.tag).toMatch(/design choice/i);
    expect(found.length).toBeGreaterThan(40);
  });

  it('fails on an untagged number (the scan sees through comments, strings and regular expressions)', () => {
    const scan = (text: string) => codeOf(text).match(/(?<![\w.$])\d+(?:\.\d+)?/g) ?? [];
    expect(scan("const a = 'x 42'; // 17\n/* 3 */ const r = /[0-9]{2}/; const b = 0.37;")).toEqual(['0.37']);
  });

  it('every dynamics field has a default and a description, and docs/engine-rules.md names it', () => {
    const rules = readFileSync('docs/engine-rules.md', 'utf8');
    const shape = Dynamics.shape;
    const missing: string[] = [];
    for (const [key, field] of Object.entries(shape)) {
      if (!field.description) missing.push(`${key}: no description`);
      if (Dynamics.parse({})[key as keyof Dynamics] === undefined) missing.push(`${key}: no default`);
      if (!rules.includes(`\`${key}\``)) missing.push(`${key}: not in docs/engine-rules.md`);
    }
    expect(missing).toEqual([]);
  });
});
