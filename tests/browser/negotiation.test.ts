// A negotiation in a real Chromium, hot-seat: Pakistan proposes through Qatar, the Taliban government
// counters once, Pakistan accepts and the text is signed; then a strike is reported as a violation.
import { describe, expect, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { hold, passIfAsked, toHotSeatOrders } from './hotseat.ts';
import { openStart, openTab, startHotSeat, tabOf } from './pages.ts';

const browser = useChromium();

describe('negotiation', () => {
  it('a mediated proposal is countered once, signed, and then violated', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openStart(context);
    await startHotSeat(page, '7');
    // Round 1, Pakistan: draft a cessation and a reopening of crossings, sent through Qatar.
    await toHotSeatOrders(page);
    await page.waitForSelector('h2:has-text("Orders for Pakistan")');
    await openTab(page, 'negotiation');
    const draft = page.locator('form.draft-form');
    await draft.locator('input[data-clause="cessation"]').check();
    await draft.locator('input[data-clause="joint-monitoring"]').check();
    await draft.locator('select[data-channel]').selectOption('qatar');
    await draft.locator('button[type="submit"]').click();
    await page.waitForSelector('.negotiation-text caption:has-text("Version 1")');
    expect(await page.locator('.channel li').first().textContent()).toMatch(/Qatar relays/);
    // Qatar added a clause of its own.
    expect(await page.locator('.negotiation-text tbody tr').count()).toBe(3);
    await hold(page);
    // The Taliban government answers: shortens the monitoring (a counter-proposal).
    await passIfAsked(page);
    await page.waitForSelector('h2:has-text("Orders for")');
    // The tab says an answer is awaited.
    expect(await tabOf(page, 'negotiation').textContent()).toBe('Negotiation: your answer is awaited');
    await openTab(page, 'negotiation');
    const answer = page.locator('form.answer-form');
    await answer.locator('input[data-answer-for="joint-monitoring"][value="change"]').check();
    await answer
      .locator('fieldset.clause:has(input[data-answer-for="joint-monitoring"]) select')
      .first()
      .selectOption('2');
    await answer.locator('button[type="submit"]').click();
    await page.waitForSelector('.negotiation-text caption:has-text("Version 2")');
    await page.locator('details.history summary').click();
    expect(await page.locator('details.history li[data-version="2"] .diff').textContent()).toMatch(/changed/);
    await hold(page);
    await page.waitForSelector('h2:has-text("what happened")');
    await page.locator('button.next').click();
    // Round 2, Pakistan accepts version 2: signed.
    await passIfAsked(page);
    await page.waitForSelector('h2:has-text("Orders for Pakistan")');
    await openTab(page, 'negotiation');
    await page.locator('form.answer-form button[type="submit"]').click();
    await page.waitForSelector('[data-agreement="in-force"]');
    expect(await page.locator('.negotiation .signed').textContent()).toMatch(/Signed: version 2/);
    // Then Pakistan strikes: a violation.
    await openTab(page, 'orders');
    const strike = page.locator('input[data-action="pak-artillery"]');
    await strike.check();
    await hold(page);
    await passIfAsked(page);
    await page.waitForSelector('h2:has-text("Orders for")');
    await hold(page);
    await page.waitForSelector('h2:has-text("what happened")');
    expect((await page.locator('.news .headline').allTextContents()).join('\n')).toMatch(
      /Violation: Pakistan breaks the agreement/,
    );
    expect(await page.locator('.negotiation .violations li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
