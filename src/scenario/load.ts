// Loads a scenario from untrusted text: JSON syntax, then structure (the Zod schema), then meaning.
// Every problem of a pass is collected; a later pass runs wherever the earlier ones allow it (list items
// with structural problems are set aside and the rest is checked for meaning), and each problem is told once.
// Used by the CLI and the browser alike, so nothing here imports from node:.

import { reason } from '../errors.ts';
import { codeFrame, formatProblems } from './format.ts';
import { type JsonPath, type LineIndex, locate, parseJson } from './json.ts';
import { MIGRATIONS, type Migration, migrate, migratedNotice, placedBack } from './migrations.ts';
import { type Pass, type Problem, pathToString, type RawProblem } from './problem.ts';
import { restorePath, setAside } from './salvage.ts';
import type { Scenario } from './schema.ts';
import { checkSemantics } from './semantics.ts';
import { checkStructure } from './structure.ts';

export { formatProblems } from './format.ts';
export { MAX_JSON_BYTES, MAX_JSON_DEPTH } from './json.ts';
export type { Pass, Problem } from './problem.ts';

/** A file in an older format, upgraded on load: the version it was written in and what changed. */
export interface Upgrade {
  from: number;
  /** One line for designers: "migrated from format N to M (what changed)". */
  notice: string;
  /** The file's JSON in the current format, as `validate --migrate` writes it. */
  value: unknown;
}

/** A scenario ready for the engine, or every problem that stops it loading; either may come from an upgraded file. */
export type LoadResult =
  | { ok: true; scenario: Scenario; upgrade?: Upgrade }
  | { ok: false; problems: Problem[]; upgrade?: Upgrade };

/**
 * Parses and validates a scenario file's text, upgrading a file of an older format first (`migrations`,
 * the format's own by default). `file` is only used to label problems. Never throws: anything unexpected
 * becomes a problem of the pass that was running. Problems in an upgraded file are placed where their path
 * leads in the file as written, or at the nearest part of it that exists.
 */
export function loadScenario(
  text: string,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): LoadResult {
  let pass: Pass = 'syntax';
  try {
    if (typeof text !== 'string') {
      return fail([{ file, line: 0, column: 0, path: '', pass, message: 'the input is not text' }]);
    }
    const json = parseJson(text);
    const lines = json.lines;
    let steps: readonly Migration[] = [];
    const place = (p: RawProblem, at: Pass, tree?: Parameters<typeof locate>[0]): Problem => {
      const path = placedBack(steps, p.path);
      const pos = tree ? locate(tree, lines, path, p.atKey === true) : { line: 1, column: 1 };
      return toProblem(file, lines, at, { ...p, path }, pos);
    };
    if (!json.ok) {
      return fail(
        json.issues.map((i) => toProblem(file, lines, 'syntax', i, { line: i.line, column: i.column })),
      );
    }
    const problems: Problem[] = json.issues.map((i) =>
      toProblem(file, lines, 'syntax', i, { line: i.line, column: i.column }),
    );
    pass = 'structure';
    const migrated = migrate(json.value, migrations);
    if (!migrated.ok) {
      const { message, expected } = migrated;
      problems.push(place({ path: ['formatVersion'], message, expected }, 'structure', json.tree));
      return fail(problems);
    }
    steps = migrated.steps;
    const upgrade: Upgrade | undefined =
      migrated.from === undefined
        ? undefined
        : {
            from: migrated.from,
            notice: migratedNotice(migrated.from, migrated.notices),
            value: migrated.value,
          };
    const refuse = (problems: Problem[]): LoadResult => ({
      ok: false,
      problems: once(problems),
      ...(upgrade ? { upgrade } : {}),
    });
    const structure = checkStructure(migrated.value);
    if (!structure.ok) {
      problems.push(...structure.problems.map((p) => place(p, 'structure', json.tree)));
      pass = 'meaning';
      const rest = setAside(migrated.value, structure.problems);
      const partial = rest ? checkStructure(rest.value) : undefined;
      if (rest && partial?.ok) {
        const meaning = checkSemantics(partial.scenario, rest.aside);
        problems.push(...meaning.map((p) => place(restorePath(p, rest.aside), 'meaning', json.tree)));
      }
      return refuse(problems);
    }
    pass = 'meaning';
    problems.push(...checkSemantics(structure.scenario).map((p) => place(p, 'meaning', json.tree)));
    if (problems.length > 0) return refuse(problems);
    return { ok: true, scenario: structure.scenario, ...(upgrade ? { upgrade } : {}) };
  } catch (err) {
    const why = reason(err);
    return fail([
      {
        file,
        line: 0,
        column: 0,
        path: '',
        pass,
        message: `internal error in the ${pass} pass: ${why} (please report it with this file)`,
      },
    ]);
  }
}

const fail = (problems: Problem[]): LoadResult => ({ ok: false, problems });

/** The problems without repeats: the same message at the same place is one problem, told once. */
function once(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.line}:${p.column}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Scenario text validated for a reader: the scenario (with the notice of its upgrade, if its format was
 * older), or one readable block per problem.
 */
export type Validation =
  | { ok: true; scenario: Scenario; notice?: string }
  | { ok: false; problems: string[] };

/** A bundled scenario file as validated at build time (bundled-plugin.ts), which the browser reads as it is. */
export type BundledScenario = { file: string } & Validation;

/**
 * Validates scenario text with the full validator (syntax, structure, meaning). Each problem becomes
 * one readable block: where (file:line:column and JSON path), what, and the lines around it.
 */
export function validateScenario(text: string, file: string): Validation {
  const r = loadScenario(text, file);
  if (r.ok) return { ok: true, scenario: r.scenario, ...(r.upgrade ? { notice: r.upgrade.notice } : {}) };
  // formatProblems ends with a count line ("1 problem in 1 file"): drop it, one block per problem.
  return {
    ok: false,
    problems: r.problems.map((p) => formatProblems([p], text).split('\n\n')[0] ?? p.message),
  };
}

function toProblem(
  file: string,
  lines: LineIndex,
  pass: Pass,
  p: { path: JsonPath; message: string; expected?: string; found?: string; suggestion?: string },
  pos: { line: number; column: number },
): Problem {
  const frame = codeFrame(lines, pos.line, pos.column);
  return {
    file,
    line: pos.line,
    column: pos.column,
    path: pathToString(p.path),
    pass,
    message: p.message,
    ...(p.expected !== undefined ? { expected: p.expected } : {}),
    ...(p.found !== undefined ? { found: p.found } : {}),
    ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}),
    ...(frame ? { frame } : {}),
  };
}
