// A new player's whole journey with the default scenario, in a real Chromium: start, briefing,
// rounds by keyboard and clicks until the ending; plus reload-and-resume, bad files and HTML in text.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { openStart } from './pages.ts';
import { pixelStats } from './pixels.ts';

const browser = useChromium();

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  return openStart(await browser().newContext({ viewport: { width: 1280, height: 900 } }));
}

/** The heading that has focus (each new screen moves focus to its heading). */
const focusedHeading = (page: Page) =>
  page.evaluate(() => (document.activeElement?.tagName === 'H2' ? document.activeElement.textContent : null));

/** Share of pixels that differ between two canvas shots in a square of radius r around a point. */
function differenceAround(a: Buffer, b: Buffer, pt: { x: number; y: number }, r = 24): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  let diff = 0;
  let total = 0;
  for (let py = Math.max(0, Math.round(pt.y) - r); py < Math.min(x.height, Math.round(pt.y) + r); py++) {
    for (let px = Math.max(0, Math.round(pt.x) - r); px < Math.min(x.width, Math.round(pt.x) + r); px++) {
      const i = (py * x.width + px) * 4;
      const d =
        Math.abs((x.data[i] ?? 0) - (y.data[i] ?? 0)) +
        Math.abs((x.data[i + 1] ?? 0) - (y.data[i + 1] ?? 0)) +
        Math.abs((x.data[i + 2] ?? 0) - (y.data[i + 2] ?? 0));
      total++;
      if (d > 30) diff++;
    }
  }
  return total === 0 ? 0 : diff / total;
}

/** Where the map draws a place, in canvas pixels, or null when it cannot say. */
const pointOf = (page: Page, id: string) =>
  page.evaluate((place) => window.__brinkMap?.screenPoint(place) ?? null, id);

/** Chooses an open action by keyboard (military first, so strikes happen) and submits. */
async function submitAnyOpenAction(page: Page): Promise<void> {
  const military = page.locator('fieldset:has(legend:text-is("Military")) input:not([disabled])');
  const any = page.locator('form.orders input[data-action]:not([disabled])');
  const choice = (await military.count()) > 0 ? military.first() : any.first();
  if ((await choice.count()) > 0) {
    await choice.focus();
    await page.keyboard.press('Space');
    expect(await choice.isChecked()).toBe(true);
  }
  await page.locator('form.orders button[type="submit"]').focus();
  await page.keyboard.press('Enter');
}

describe('a new player’s journey', () => {
  it('plays the default scenario from start to ending, by keyboard, and resumes after a reload', async () => {
    const { page, errors } = await newPage();
    expect(await focusedHeading(page)).toBe('Start a game');
    expect(await page.locator('#disclaimer').textContent()).not.toBe('');
    // The default scenario is preselected; the first role is a person, the others computer players.
    expect(await page.locator('.scenario-list input[type="radio"]').first().isChecked()).toBe(true);
    const seats = page.locator('select[data-role]');
    expect(await seats.count()).toBeGreaterThanOrEqual(2);
    expect(await seats.first().inputValue()).toBe('person');
    for (let i = 1; i < (await seats.count()); i++)
      expect(await seats.nth(i).inputValue()).not.toBe('person');
    await page.getByLabel('Seed').fill('4242');
    await page.locator('button:text-is("Start")').focus();
    await page.keyboard.press('Enter');

    await page.waitForSelector('h2:has-text("Briefing")');
    expect(await focusedHeading(page)).toMatch(/^Briefing/);
    expect(await page.locator('details summary:text-is("How it began")').count()).toBe(1);
    expect(await page.locator('.brief-summary h3').textContent()).toMatch(/^Your goals as /);
    await page.locator('button:text-is("Begin round 1")').focus();
    await page.keyboard.press('Enter');

    // The map draws real borders: many coloured pixels, and the controller says so.
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    const stats = pixelStats(await page.locator('#map canvas').screenshot());
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.differing / stats.total).toBeGreaterThan(0.05);
    expect(await page.evaluate(() => window.__brinkMap?.hasBorders)).toBe(true);

    let strikesSeen = 0;
    let strikesDrawn = 0;
    let resumed = false;
    let lastButton = '';
    for (let guard = 0; guard < 60; guard++) {
      await page.waitForSelector(
        'h2:has-text("Orders for"), h2:has-text("what happened"), h2:has-text("The end")',
      );
      const title = (await page.locator('h2').first().textContent()) ?? '';
      if (title.startsWith('The end')) break;
      if (title.startsWith('Orders for')) {
        expect(await focusedHeading(page)).toBe(title);
        // Remember how the map looks before the round resolves.
        expect(await page.locator('.map-text li button.link').count()).toBeGreaterThan(0);
        const before = await page.locator('#map canvas').screenshot();
        await submitAnyOpenAction(page);
        await page.waitForSelector('h2:has-text("what happened"), h2:has-text("The end")');
        const struck = await page
          .locator('[data-strike-at]')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.strikeAt ?? ''));
        if (struck.length > 0) {
          await page.waitForTimeout(200);
          const after = await page.locator('#map canvas').screenshot();
          for (const id of struck) {
            const pt = await pointOf(page, id);
            if (!pt) continue;
            strikesSeen++;
            if (differenceAround(before, after, pt) > 0.05) strikesDrawn++;
          }
        }
        continue;
      }
      // A resolution: news, meters, ladder; "Why?" explains a change.
      expect(await focusedHeading(page)).toBe(title);
      expect(await page.locator('.news .tag').count()).toBeGreaterThan(0);
      expect(await page.locator('.ladder li[aria-current="step"]').count()).toBe(1);
      // The round's headlines are announced through the live region.
      await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/^Round \d+ resolved/);
      const round = Number(/Round (\d+)/.exec(title)?.[1]);
      if (round === 1) {
        // Clicking a place on the map shows what happened there.
        const id = (await page.locator('[data-place]').first().getAttribute('data-place')) ?? '';
        const pt = await pointOf(page, id);
        const box = await page.locator('#map canvas').boundingBox();
        if (pt && box) {
          await page.mouse.click(box.x + pt.x, box.y + pt.y);
          await page.waitForSelector('#place-heading');
          expect(await page.locator('#place-heading').textContent()).toMatch(/^What happened at /);
        }
      }
      if (round === 2 && !resumed) {
        resumed = true;
        const headlines = await page.locator('.news .headline').allTextContents();
        await page.reload();
        await page.waitForSelector('h2:has-text("Start a game")');
        await page.locator('button[data-resume]').first().click();
        await page.waitForSelector('h2:has-text("what happened")');
        expect(await page.locator('h2').first().textContent()).toBe(title);
        expect(await page.locator('.news .headline').allTextContents()).toEqual(headlines);
      }
      lastButton = (await page.locator('button.next').textContent()) ?? '';
      await page.locator('button.next').focus();
      await page.keyboard.press('Enter');
    }
    expect(resumed).toBe(true);
    // The last round's news came before the ending: its resolution screen led on to it.
    expect(lastButton).toBe('See the ending');
    await page.waitForSelector('h2:has-text("The end")');
    // The ending's text quotes the final figures, filled in: a number, no placeholder left.
    const told = (await page.locator('.screen.ending > p').first().textContent()) ?? '';
    expect(told).toMatch(/\d/);
    expect(told).not.toContain('{');
    expect(await page.locator('.score').count()).toBeGreaterThan(0);
    expect(await page.locator('.score li').count()).toBeGreaterThan(0);
    // Military actions come first, so strikes happen; each one changes the map where it landed.
    expect(strikesSeen).toBeGreaterThan(0);
    expect(strikesDrawn).toBeGreaterThan(0);
    await page.locator('button:text-is("Debrief")').click();
    await page.waitForSelector('h2:has-text("Debrief")');
    expect(await page.locator('.debrief section h3').count()).toBeGreaterThan(2);
    // The debrief's summary (and so the printed report) tells the same ending with the same figures.
    await page.waitForSelector('.ending-description');
    expect(await page.locator('.ending-description').textContent()).toBe(told);
    await page.locator('button:text-is("New game")').click();
    await page.waitForSelector('h2:has-text("Start a game")');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('shows a bad scenario file’s errors and loads nothing of it', async () => {
    const { page } = await newPage();
    const before = await page.locator('.scenario-list input').count();
    await page.getByLabel('Or open a scenario file (JSON)').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "formatVersion": 1, "meta": { "id": "Bad Id" } }'),
    });
    const alert = page.locator('#start-errors [role="alert"]');
    await alert.waitFor();
    expect(await alert.locator('li').count()).toBeGreaterThan(0);
    expect(await page.locator('.scenario-list input').count()).toBe(before);
    expect(await page.locator('.scenario-list label:has-text("From file")').count()).toBe(0);
    await page.close();
  });

  it('says so when the validator cannot be loaded to read a file, and loads nothing of it', async () => {
    const { page } = await newPage();
    // The validator is its own chunk, loaded the first time a file is opened: here the network fails.
    await page.route(/\/assets\/load-[^/]*\.js$/, (route) => route.abort());
    const before = await page.locator('.scenario-list input').count();
    await page.getByLabel('Or open a scenario file (JSON)').setInputFiles({
      name: 'tutorial.json',
      mimeType: 'application/json',
      buffer: readFileSync('scenarios/tutorial.json'),
    });
    const alert = page.locator('#start-errors [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/tutorial\.json: the validator could not be loaded/);
    expect(await page.locator('.scenario-list input').count()).toBe(before);
    await page.close();
  });

  it('holds Start while an opened file is being checked, then starts the file’s scenario', async () => {
    const { page, errors } = await newPage();
    // Hold the validator's chunk back, as a slow network would.
    let release: () => void = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    await page.route(/\/assets\/load-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('Or open a scenario file (JSON)').setInputFiles({
      name: 'tutorial.json',
      mimeType: 'application/json',
      buffer: readFileSync('scenarios/tutorial.json'),
    });
    const start = page.locator('button:text-is("Start")');
    await page.locator('[role="status"]:has-text("Checking tutorial.json")').waitFor();
    expect(await start.isDisabled()).toBe(true);
    // Enter in a field submits the form too: it must not start the scenario selected before the file.
    await page.getByLabel('Seed').press('Enter');
    await page.waitForTimeout(300);
    expect(await page.locator('h2:has-text("Start a game")').count()).toBe(1);
    release();
    await page.locator('.scenario-list label:has-text("From file: Tutorial: The Old Bridge")').waitFor();
    expect(await start.isDisabled()).toBe(false);
    expect(await page.locator('[role="status"]:has-text("Checking")').count()).toBe(0);
    await start.click();
    await page.waitForSelector('h2:has-text("Briefing: Tutorial: The Old Bridge")');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows HTML in scenario text as literal text and never runs it', async () => {
    const { page } = await newPage();
    const payload = '<img src=x onerror="window.__pwned=1">';
    const scenario = JSON.parse(readFileSync('scenarios/tutorial.json', 'utf8'));
    scenario.meta.id = 'tutorial-html';
    scenario.meta.title = payload;
    for (const action of scenario.actions)
      for (const outcome of action.outcomes) if (outcome.news) outcome.news.headline = payload;
    await page.getByLabel('Or open a scenario file (JSON)').setInputFiles({
      name: 'html.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(scenario)),
    });
    const label = page.locator('.scenario-list label:has-text("From file")');
    await label.waitFor();
    expect(await label.textContent()).toBe(`From file: ${payload}`);
    await page.locator('button:text-is("Start")').click();
    await page.waitForSelector('h2:has-text("Briefing")');
    expect(await page.locator('h2').first().textContent()).toBe(`Briefing: ${payload}`);
    expect(await page.locator('.news .headline').first().textContent()).toBe(payload);
    expect(await page.locator('#panel img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});
