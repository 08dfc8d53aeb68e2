// Turns problems into the text shown by the CLI and on screen: where, what, and the lines around it.
import { codeFrameColumns } from '@babel/code-frame';
import { LineIndex } from './json.ts';
import type { Problem } from './problem.ts';

/** Lines longer than this are cut to a window around the column, so a minified file stays readable. */
const FRAME_WIDTH = 120;

/**
 * The lines around a 1-based line and column with a marker under the column, as @babel/code-frame
 * draws them. Only a few lines are handed to it, so this is cheap even for a 5 MiB file.
 */
export function codeFrame(lines: LineIndex, line: number, column: number, color = false): string {
  if (line < 1 || line > lines.count) return '';
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.count, line + 2);
  const start = Math.max(0, column - 1 - Math.floor(FRAME_WIDTH / 2));
  const excerpt: string[] = [];
  for (let n = first; n <= last; n++) {
    let t = lines.lineText(n).replace(/[\u2028\u2029]/g, ' ');
    if (t.length > FRAME_WIDTH || start > 0) {
      t = `${start > 0 ? '…' : ''}${t.slice(start, start + FRAME_WIDTH)}${t.length > start + FRAME_WIDTH ? '…' : ''}`;
    }
    excerpt.push(t);
  }
  const col = column - start + (start > 0 ? 1 : 0);
  // startLine (numbering the excerpt from its real line) exists in @babel/code-frame 7.23+ but not in its types.
  const options = { startLine: first, highlightCode: color, forceColor: color, linesAbove: 2, linesBelow: 2 };
  return codeFrameColumns(excerpt.join('\n'), { start: { line, column: col } }, options);
}

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** "1 problem", "3 problems". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The text of a list of problems: for each, `file:line:column  path`, the message, what was expected
 * and found, "did you mean ...?" and a code frame; then a count line such as "3 problems in 1 file".
 * `text` (one file's text, or texts by file name) lets frames be redrawn, in colour when asked;
 * otherwise each problem's own `frame` is used.
 */
export function formatProblems(
  problems: readonly Problem[],
  text?: string | ReadonlyMap<string, string>,
  options: { color?: boolean } = {},
): string {
  const color = options.color === true;
  const bold = ansi('1', color);
  const red = ansi('31', color);
  const dim = ansi('2', color);
  const green = ansi('32', color);
  const indexes = new Map<string, LineIndex>();
  const linesOf = (file: string): LineIndex | undefined => {
    const t = typeof text === 'string' ? text : text?.get(file);
    if (t === undefined) return undefined;
    let idx = indexes.get(file);
    if (!idx) {
      idx = new LineIndex(t);
      indexes.set(file, idx);
    }
    return idx;
  };
  const blocks = problems.map((p) => {
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
    const out = [`${bold(where)}  ${p.path === '' ? dim('(top level)') : p.path}`, `  ${red(p.message)}`];
    if (p.expected !== undefined) out.push(`  ${dim('expected:')} ${p.expected}`);
    if (p.found !== undefined) out.push(`  ${dim('found:   ')} ${p.found}`);
    if (p.suggestion !== undefined) out.push(`  ${green(`did you mean '${p.suggestion}'?`)}`);
    const lines = p.line > 0 ? linesOf(p.file) : undefined;
    const frame = lines ? codeFrame(lines, p.line, p.column, color) : p.frame;
    if (frame) out.push(frame.replace(/^/gm, '  '));
    return out.join('\n');
  });
  const files = new Set(problems.map((p) => p.file)).size;
  const summary =
    problems.length === 0 ? 'no problems' : `${count(problems.length, 'problem')} in ${count(files, 'file')}`;
  return [...blocks, summary].join('\n\n');
}
