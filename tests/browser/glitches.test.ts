// The interface's glitches, each fixed and held by a test in a real Chromium: Submit while paused, a
// finished game offered for "Resume", the screen-reader status of the last game, raw placeholders in
// clause texts, and a round's news filled with independent counts.
import { describe, expect, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { openConsole, openTab, playToEnd, submitOrders, toFirstOrders } from './pages.ts';

const browser = useChromium();
const newContext = () => browser().newContext({ viewport: { width: 1280, height: 900 } });

describe('glitches', () => {
  it('disables Submit while the trainer has paused the game, and enables it again on resume', async () => {
    const context = await newContext();
    const { page, errors } = await toFirstOrders(context, '11');
    const submit = page.locator('form.orders button[type="submit"]');
    expect(await submit.isDisabled()).toBe(false);
    const con = (await openConsole(context)).page;
    await expect.poll(() => con.locator('.fc-status').textContent()).toMatch(/^Round 1 of/);
    await con.locator('button.fc-pause').click();
    await expect.poll(() => submit.isDisabled()).toBe(true);
    expect(await page.locator('form.orders .paused-hint').textContent()).toMatch(/paused/);
    await con.locator('button.fc-pause').click();
    await expect.poll(() => submit.isDisabled()).toBe(false);
    expect(await page.locator('form.orders .paused-hint').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows clause texts with their values, never a raw placeholder', async () => {
    const context = await newContext();
    const { page, errors } = await toFirstOrders(context, '11');
    await openTab(page, 'negotiation');
    const draft = page.locator('form.draft-form');
    const texts = await draft.locator('.clause .hint').allTextContents();
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) expect(t).not.toMatch(/\{[a-z][a-z0-9-]*\}/);
    // The clauses with placeholders in the scenario read with their default values.
    expect(texts.join(' ')).toMatch(/from \S/);
    // Sent, the text on the table reads the same way.
    for (const box of await draft.locator('input[data-clause]').all()) await box.check();
    await draft.locator('button[type="submit"]').click();
    await page.waitForSelector('.negotiation-text caption:has-text("Version 1")');
    expect(await page.locator('#pane-negotiation').textContent()).not.toMatch(/\{[a-z][a-z0-9-]*\}/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('sums up a round’s independent counts in one line instead of an item each', async () => {
    const context = await newContext();
    const { page, errors } = await toFirstOrders(context, '777');
    // Three rounds of strikes: tolls are verified two rounds after the event, the first in round 3.
    for (let round = 1; round <= 3; round++) {
      await submitOrders(page);
      await page.waitForSelector('h2:has-text("what happened")');
      if (round < 3) {
        await page.locator('button.next').click();
        await page.waitForSelector('h2:has-text("Orders for")');
      }
    }
    const news = page.locator('#pane-news');
    expect(await news.locator('.verification-notice').count()).toBe(1);
    expect(await news.locator('.verification-notice').textContent()).toMatch(
      /^Independent counts verified (an earlier report|\d+ earlier reports) this round: .+ \+\d/,
    );
    const headlines = await news.locator('.headline').allTextContents();
    expect(headlines.filter((h) => h.startsWith('Independent count'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('offers no "Resume" for a finished game, and says nothing of it on the new game’s screen', async () => {
    const context = await newContext();
    const { page, errors } = await toFirstOrders(context, '174');
    // A game under way is offered after a reload...
    await page.reload();
    await page.waitForSelector('h2:has-text("Start a game")');
    expect(await page.locator('button[data-resume]').count()).toBe(1);
    await page.locator('button[data-resume]').click();
    await page.waitForSelector('h2:has-text("Orders for")');
    await playToEnd(page);
    // The screen reader hears that the game ended...
    await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/The game has ended/);
    // ...and nothing of it once a new game's start screen is up.
    await page.locator('button:text-is("New game")').click();
    await page.waitForSelector('h2:has-text("Start a game")');
    expect(await page.locator('#announcer').textContent()).toBe('');
    // A finished game, reloaded, is not offered to resume.
    await page.reload();
    await page.waitForSelector('h2:has-text("Start a game")');
    expect(await page.locator('button[data-resume]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
