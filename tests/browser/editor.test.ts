// The scenario editor in a real Chromium: the validator's placed errors inline as you type, schema
// completion and hover docs, the balance preview, play-test into the game, and a start screen that loads
// none of it.
import { readFileSync } from 'node:fs';
import type { Page, Response } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium.ts';

const browser = useChromium();

async function openEditor(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}?view=editor`);
  await page.waitForSelector('.editor-status:text-is("No problems: the validator accepts this scenario.")');
  return errors;
}

/** Replaces the text of the editor line holding `marker` by typing `typed` in its place. */
async function retypeLine(page: Page, marker: string, typed: string): Promise<void> {
  await page.locator('.cm-line', { hasText: marker }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(typed);
  await page.keyboard.press('Escape'); // close any completion the typing opened
}

describe('the scenario editor', () => {
  it('shows a typo’s placed error inline as it is typed, and in the problem list', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = await openEditor(page);
    await retypeLine(page, '"hoursPerRound"', '"hoursPerRond": 24,');
    // Waited for, not timed: the bench times keystroke to diagnostics.
    const mark = page.locator('.cm-lintRange-error', { hasText: 'hoursPerRond' });
    await mark.waitFor();
    await expect.poll(() => page.locator('.editor-status').textContent()).toBe('1 problem');
    const listed = await page.locator('.editor-problems li').allTextContents();
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^11:5 meta\.hoursPerRond unknown field "hoursPerRond", and the required field "hoursPerRound" is missing/,
        ),
      ]),
    );
    // The message shows inline where the mistake is.
    await mark.hover();
    const tip = page.locator('.cm-tooltip-lint');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('unknown field "hoursPerRond"');
    expect(await tip.textContent()).toContain("did you mean 'hoursPerRound'?");
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the schema’s keys as completions, and its descriptions on hover', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = await openEditor(page);
    // The key is the line's first highlighted span.
    await page.locator('.cm-line', { hasText: '"maxRounds"' }).first().locator('span').first().hover();
    const hover = page.locator('.editor-hover');
    await hover.waitFor();
    expect(await hover.locator('code').textContent()).toBe('meta.maxRounds');
    expect(await hover.locator('p').textContent()).toMatch(/round/i);

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('{"me');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('meta')]),
    );
    // CodeMirror takes Enter as a choice only once the list has been open for its interaction delay
    // (75 ms by default); before that, Enter is a new line.
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cm-content').textContent()).toBe('{"meta": }');
    // In an empty object, the top-level sections are offered, required ones first.
    await page.keyboard.type('{}');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('"');
    await options.first().waitFor();
    const labels = await page.locator('.cm-tooltip-autocomplete li .cm-completionLabel').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['id', 'title', 'maxRounds']));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('previews the balance: endings of computer games and content never in play', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = await openEditor(page);
    const caption = page.locator('.editor-endings caption');
    await caption.waitFor({ timeout: 60_000 });
    expect(await caption.textContent()).toBe('Endings of 200 computer games');
    const counts = (await page.locator('.editor-endings td:nth-child(2)').allTextContents()).map((t) =>
      Number.parseInt(t, 10),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    expect(await page.locator('.editor-balance').textContent()).toContain('Endings never reached');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('play-test starts a game with the edited scenario', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = await openEditor(page);
    await retypeLine(page, '"Tutorial: The Old Bridge"', '"title": "The Edited Bridge",');
    await page.waitForSelector('.editor-status:text-is("No problems: the validator accepts this scenario.")');
    await page.locator('button:text-is("Play-test this")').click();
    await page.waitForSelector('h2:has-text("Start a game")');
    const chosen = page.getByLabel('From file: The Edited Bridge');
    await chosen.waitFor();
    expect(await chosen.isChecked()).toBe(true);
    await page.locator('button:text-is("Start")').click();
    await page.waitForSelector('h2:text-is("Briefing: The Edited Bridge")');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a file or a bundled scenario, and downloads the text as it stands', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = await openEditor(page);
    const text = readFileSync('tests/fixtures/minimal.json', 'utf8').replace(
      '"west", "east"',
      '"west", "est"',
    );
    await page
      .locator('#editor-file')
      .setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.locator('.editor-problems li', { hasText: "unknown actor 'est'" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button:text-is("Download")').click(),
    ]);
    expect(download.suggestedFilename()).toBe('minimal.json');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(text);
    // A bundled scenario replaces it, as written in scenarios/.
    await page.locator('#editor-bundled').selectOption('pakistan-afghanistan-2026');
    await page.locator('button:text-is("Open")').click();
    await page.waitForSelector('.editor-status:text-is("No problems: the validator accepts this scenario.")');
    const first = readFileSync('scenarios/pakistan-afghanistan-2026.json', 'utf8').split('\n').slice(0, 3);
    expect(
      await page.locator('.cm-line').evaluateAll((ls, n) => ls.slice(0, n).map((l) => l.textContent), 3),
    ).toEqual(first);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is loaded only on its view: the start screen fetches none of its code', async () => {
    const scripts = async (url: string, ready: string) => {
      const page = await browser().newPage();
      const seen: Promise<[string, string]>[] = [];
      page.on('response', (r: Response) => {
        if (r.url().endsWith('.js')) seen.push(r.text().then((t) => [r.url(), t]));
      });
      await page.goto(url);
      await page.waitForSelector(ready);
      await page.waitForLoadState('networkidle');
      const out = new Map(await Promise.all(seen));
      await page.close();
      return out;
    };
    const base = inject('baseUrl');
    const editor = await scripts(`${base}?view=editor`, '.cm-editor');
    const start = await scripts(base, 'h2:has-text("Start a game")');
    const editorOnly = [...editor].filter(([url]) => !start.has(url));
    // CodeMirror's view (its class names) is among what the editor alone loads...
    expect(editorOnly.some(([, text]) => text.includes('cm-content'))).toBe(true);
    // ...and in nothing the start screen loads.
    for (const [url, text] of start) {
      expect(text.includes('cm-content'), url).toBe(false);
      expect(text.includes('editor-bar'), url).toBe(false);
    }
  });
});
