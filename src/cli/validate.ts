// `npm run validate -- FILE...`: checks scenario files and prints every problem with line:column,
// JSON path and a code frame; a file of an older format is checked as upgraded, and says so.
// `npm run validate -- --migrate FILE...` also writes each upgraded file in place.
// Exit code 0 only when every file is clean; never a stack trace.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { reason } from '../errors.ts';
import { formatProblems, loadScenario, type Problem } from '../scenario/load.ts';
import { MIGRATIONS, type Migration } from '../scenario/migrations.ts';
import { FORMAT_VERSION } from '../scenario/schema.ts';

/** What checking some files produced: the text to print and the exit code. */
export interface ValidateRun {
  output: string;
  exitCode: number;
}

/** Reads a file, turning any failure (missing, a directory, unreadable) into a problem. */
function read(file: string): { text: string } | { problem: Problem } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : reason(err);
    return {
      problem: {
        file,
        line: 0,
        column: 0,
        path: '',
        pass: 'syntax',
        message: `cannot read the file: ${why}`,
      },
    };
  }
}

const USAGE = [
  'usage: npm run validate -- FILE...',
  '       npm run validate -- --migrate FILE...',
  'checks Brink scenario files; --migrate also writes each file of an older format upgraded',
].join('\n');

/**
 * Checks each file and builds the report: "file: OK" for clean files, a line for each file of an older
 * format ("migrated from format N"), then every problem and a count. With `write`, each upgraded file is
 * written back in the current format. `migrations` are the format's own unless a test brings others.
 */
export function validateFiles(
  files: readonly string[],
  color = false,
  options: { write?: boolean; migrations?: readonly Migration[] } = {},
): ValidateRun {
  if (files.length === 0) return { output: USAGE, exitCode: 2 };
  const ok: string[] = [];
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  for (const file of files) {
    const r = read(file);
    if ('problem' in r) {
      problems.push(r.problem);
      continue;
    }
    texts.set(file, r.text);
    const result = loadScenario(r.text, file, options.migrations ?? MIGRATIONS);
    const up = result.upgrade;
    if (up) ok.push(`${file}: ${up.notice}${options.write ? `; ${written(file, up.value)}` : ''}`);
    else if (options.write)
      ok.push(`${file}: not upgraded (format ${FORMAT_VERSION} is current); nothing written`);
    if (result.ok) ok.push(`${file}: OK`);
    else problems.push(...result.problems);
  }
  const parts = [...ok];
  if (problems.length > 0) parts.push(formatProblems(problems, texts, { color }));
  else parts.push(`no problems in ${files.length} file${files.length === 1 ? '' : 's'}`);
  return { output: parts.join('\n'), exitCode: problems.length > 0 ? 1 : 0 };
}

/** Writes an upgraded file in place, two-space indented; says what became of it. */
function written(file: string, value: unknown): string {
  try {
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
    return 'written';
  } catch (err) {
    return `not written: ${reason(err)}`;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    const args = process.argv.slice(2);
    const write = args[0] === '--migrate';
    const run = validateFiles(write ? args.slice(1) : args, color, { write });
    console.log(run.output);
    process.exitCode = run.exitCode;
  } catch (err) {
    // Only a bug in the validator gets here; say so in one line, without a stack trace.
    console.log(`validate: internal error: ${reason(err)}`);
    process.exitCode = 2;
  }
}
