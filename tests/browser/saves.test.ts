// Saves in the browser: download the game, open it again; a corrupt or mismatched file says why and
// changes nothing (the running game and the autosave stay as they were).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium.ts';

const browser = useChromium();

/** Starts the scenario chosen on the start screen with `seed` and plays round 1; gives back its headlines. */
async function playRoundOne(page: Page, seed: number): Promise<string[]> {
  await page.getByLabel('Seed').fill(String(seed));
  await page.locator('button:text-is("Start")').click();
  await page.locator('button:text-is("Begin round 1")').click();
  await page.locator('form.orders button[type="submit"]').click();
  await page.waitForSelector('h2:has-text("Round 1")');
  return page.locator('.news .headline').allTextContents();
}

/**
 * Opens the bundled scenario, changed by `edit`, from a file and plays its round 1; then, on a new visit
 * (the file gone from the page, only its kept text and the autosave left), resumes it: the same news.
 */
async function playFileThenResume(edit: (scenario: { meta: Record<string, string> }) => void) {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await page.waitForSelector('h2:has-text("Start a game")');
  const scenario = JSON.parse(readFileSync('scenarios/pakistan-afghanistan-2026.json', 'utf8'));
  edit(scenario);
  await page.getByLabel('Or open a scenario file (JSON)').setInputFiles({
    name: 'scenario.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await page.locator('.scenario-list label:has-text("From file")').waitFor();
  const headlines = await playRoundOne(page, 7);
  const disclaimer = await page.locator('#disclaimer').textContent();

  await page.reload();
  await page.waitForSelector('h2:has-text("Start a game")');
  const resume = page.locator(`button[data-resume="${scenario.meta.id}"]`);
  expect(await resume.count()).toBe(1);
  await resume.click();
  await page.waitForSelector('h2:has-text("Round 1")');
  expect(await page.locator('.news .headline').allTextContents()).toEqual(headlines);
  return { context, page, disclaimer };
}

describe('saved games', () => {
  it('exports, rejects bad files with a clear message, and imports', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('h2:has-text("Start a game")');
    const headlines = await playRoundOne(page, 99);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button:text-is("Download the save (.json)")').click(),
    ]);
    const path = await download.path();
    const save = JSON.parse(readFileSync(path, 'utf8'));
    expect(save.format).toBe('brink-save');
    const key = `brink:save:${save.scenarioId}@${save.scenarioVersion}#${save.scenarioHash}`;
    const stored = await page.evaluate((k) => localStorage.getItem(k), key);
    expect(stored).not.toBeNull();

    const input = page.getByLabel('Open a saved game (.json)');
    const alert = page.locator('.savebar [role="alert"]');
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ nope'),
    });
    await expect.poll(() => alert.textContent()).toMatch(/not valid JSON/);
    const other = { ...save, scenarioVersion: '0.0.0-old' };
    await input.setInputFiles({
      name: 'old.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(other)),
    });
    await expect.poll(() => alert.textContent()).toMatch(/was made with version "0\.0\.0-old"/);
    const damaged = { ...save, snapshot: { status: 'active' } };
    await input.setInputFiles({
      name: 'dmg.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(damaged)),
    });
    await expect.poll(() => alert.textContent()).toMatch(/damaged/);
    // Nothing was lost: same screen, same news, same autosave.
    expect(await page.locator('.news .headline').allTextContents()).toEqual(headlines);
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(stored);

    // Play on, then open the downloaded save: back to round 1's report.
    await page.locator('button.next').click();
    await page.waitForSelector('h2:has-text("Orders for")');
    await page
      .getByLabel('Open a saved game (.json)')
      .setInputFiles({ name: 'save.json', mimeType: 'application/json', buffer: readFileSync(path) });
    await page.waitForSelector('h2:has-text("Round 1")');
    expect(await page.locator('.news .headline').allTextContents()).toEqual(headlines);
    await context.close();
  }, 120_000);

  it('resumes after a reload a game of a scenario opened from a file, validating its kept text again', async () => {
    const { context, page } = await playFileThenResume((sc) => {
      sc.meta.id = 'border-war-from-file';
    });
    expect(await page.locator('.resume [role="alert"]').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('keeps a designer’s file that reuses a bundled scenario’s id and version apart from the bundled one', async () => {
    const { context, page, disclaimer } = await playFileThenResume((sc) => {
      sc.meta.disclaimer = `A designer’s copy. ${sc.meta.disclaimer}`;
    });
    // Resumed into the designer's file (validated again from its kept text), not the bundled one.
    expect(disclaimer).toMatch(/^A designer’s copy/);
    expect(await page.locator('#disclaimer').textContent()).toBe(disclaimer);
    await context.close();
  }, 120_000);
});
