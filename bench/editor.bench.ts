// The scenario editor: time from a keystroke to the validator's updated diagnostics on the seed scenario,
// in the production build in Chromium, beside the validator alone on the same text in Node.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../src/scenario/load.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { buildInto, serve, close as stop } from './bundle.ts';
import type { BenchRow } from './types.ts';

const SEED = 'pakistan-afghanistan-2026';
const KEYSTROKES = 40;

/** The value below which a share `q` of the sorted figures lie. */
const percentile = (xs: readonly number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? Number.NaN;

/** Milliseconds of the validator on the seed text in Node, one per run after a warm-up. */
function validatorAlone(runs: number): number[] {
  const text = readFileSync(`scenarios/${SEED}.json`, 'utf8');
  for (let i = 0; i < 3; i++) loadScenario(text, SEED);
  return Array.from({ length: runs }, () => {
    const t0 = performance.now();
    loadScenario(text, SEED);
    return performance.now() - t0;
  });
}

/** Keystroke-to-diagnostics times in the editor: the page's marks of each edit and of its check applied. */
async function keystrokes(url: string): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx keeps function names with calls to `__name`, which functions sent to the page then need.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`${url}?view=editor&open=${SEED}`);
    await page.waitForSelector('.editor-status:text-is("No problems: the validator accepts this scenario.")');
    // Type into the scenario's title: each keystroke a change the validator must see, the file still valid.
    await page.locator('.cm-line', { hasText: '"title"' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const times: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
      times.push(
        await page.evaluate(async () => {
          const last = performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('editor-edit-'))
            .at(-1);
          const seq = last?.name.slice('editor-edit-'.length) ?? '';
          for (;;) {
            const done = performance.getEntriesByName(`editor-checked-${seq}`)[0];
            if (done && last) return done.startTime - last.startTime;
            await new Promise((r) => setTimeout(r, 5));
          }
        }),
      );
    }
    return times;
  } finally {
    await browser.close();
  }
}

export default async function editorBench(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'brink-bench-editor-'));
  const out = await buildInto(join(tmp, 'dist'));
  const { url, server } = await serve(out);
  try {
    const typed = await keystrokes(url);
    const alone = validatorAlone(typed.length);
    const method = `${KEYSTROKES} keystrokes (a letter typed, then deleted) into the title of ${SEED}.json in ?view=editor of the production build, headless Chromium; each from the page's mark of the edit to its mark of that text's diagnostics applied (the check runs in a Web Worker). Baseline: loadScenario on the same text in Node, as many runs`;
    return [
      {
        name: 'Editor: keystroke to diagnostics, median',
        figure: percentile(typed, 0.5),
        baseline: percentile(alone, 0.5),
        unit: 'ms',
        baselineName: 'the validator alone in Node, median',
        goal: 'placed errors within a second of typing',
        method,
      },
      {
        name: 'Editor: keystroke to diagnostics, p95',
        figure: percentile(typed, 0.95),
        baseline: percentile(alone, 0.95),
        unit: 'ms',
        baselineName: 'the validator alone in Node, p95',
        goal: 'placed errors within a second of typing',
        method,
      },
    ];
  } finally {
    await stop(server);
    rmSync(tmp, { recursive: true, force: true });
  }
}
