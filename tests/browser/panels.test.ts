// The round's screens in a real Chromium: their tabs (keyboard and mouse), and what a player has
// entered but not yet sent, which must survive a re-render of the same screen.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { openStart, openTab, sendFirstInject, tabOf } from './pages.ts';

const browser = useChromium();

/** Starts the default scenario with Pakistan played by a person and goes to its first orders screen. */
async function toOrders(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openStart(context);
  await page.getByLabel('Seed').fill('11');
  await page.locator('button:text-is("Start")').click();
  await page.locator('button:text-is("Begin round 1")').click();
  await page.waitForSelector('h2:has-text("Orders for Pakistan")');
  return { page, errors };
}

/** The ids of the tabs whose panes are shown. */
const shown = (page: Page) =>
  page
    .locator('[role="tabpanel"]:not([hidden])')
    .evaluateAll((els) => els.map((e) => e.id.replace(/^pane-/, '')));

/** Clicks the first place in the map's text list: the panel is built again, with the place's events. */
async function clickAPlace(page: Page): Promise<void> {
  if (!(await page.locator('.map-text[open]').count())) await page.locator('.map-text summary').click();
  await page.locator('.map-text button.link').first().click();
  await page.waitForSelector('#place-heading');
}

describe('tabs on the round’s screens', () => {
  it('open on Orders, move by arrow keys, Home and End, keep their place over a re-render, and reset next round', async () => {
    const { page, errors } = await toOrders();
    expect(await shown(page)).toEqual(['orders']);
    // Only open actions can be ticked; the closed ones are listed apart, each with why.
    expect(await page.locator('form.orders input[disabled]').count()).toBe(0);
    const closed = page.locator('.closed-actions li');
    expect(await page.locator('.closed-actions summary').textContent()).toBe(
      `Not open this round (${await closed.count()})`,
    );
    expect(await closed.count()).toBeGreaterThan(0);
    for (const text of await closed.allTextContents()) {
      expect(text).toMatch(/\): (needs|not allowed while)/);
      expect(text).not.toMatch(/\.\./);
    }
    const closedIds = await closed.evaluateAll((els) => els.map((e) => e.getAttribute('data-closed')));
    for (const id of closedIds) expect(await page.locator(`input[data-action="${id}"]`).count()).toBe(0);
    expect(await tabOf(page, 'orders').getAttribute('aria-selected')).toBe('true');
    // Only the chosen tab is in the Tab order (roving tabindex).
    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);

    await tabOf(page, 'orders').focus();
    await page.keyboard.press('ArrowRight');
    expect(await shown(page)).toEqual(['situation']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('situation');
    expect(await page.locator('#pane-situation .ladder li[aria-current="step"]').isVisible()).toBe(true);
    expect(await page.locator('form.orders').isVisible()).toBe(false);
    await page.keyboard.press('End');
    expect(await shown(page)).toEqual(['negotiation']);
    await page.keyboard.press('ArrowRight'); // wraps round
    expect(await shown(page)).toEqual(['orders']);
    await page.keyboard.press('ArrowLeft');
    expect(await shown(page)).toEqual(['negotiation']);
    await page.keyboard.press('Home');
    expect(await shown(page)).toEqual(['orders']);
    // Tab leaves the tab list for the chosen pane itself, whose first content may be plain text.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pane-situation');
    await openTab(page, 'orders');

    // The panel is rebuilt when a place is clicked; the chosen tab stays chosen.
    await openTab(page, 'situation');
    await clickAPlace(page);
    expect(await shown(page)).toEqual(['situation']);
    // So does the map's text, left open to look at another place.
    expect(await page.locator('.map-text[open]').count()).toBe(1);

    // The resolution opens on its news, with a line of what moved; the next round opens on Orders.
    await openTab(page, 'orders');
    await page.locator('form.orders button[type="submit"]').click();
    await page.waitForSelector('h2:has-text("what happened")');
    expect(await shown(page)).toEqual(['news']);
    expect(await tabOf(page, 'news').textContent()).toMatch(/^News \(\d+\)$/);
    expect(await page.locator('#pane-news .moved').textContent()).toMatch(/Biggest changes: /);
    await openTab(page, 'situation');
    await page.locator('#pane-situation button.why').first().click();
    // The explanation sits above the tabs, and the tab stays where it was.
    await page.waitForSelector('#why-heading');
    expect(await page.locator('#why-heading').isVisible()).toBe(true);
    expect(await shown(page)).toEqual(['situation']);
    await page.locator('button.next').click();
    await page.waitForSelector('h2:has-text("round 2")');
    expect(await shown(page)).toEqual(['orders']);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe('what a player has entered and not yet sent', () => {
  it('survives a click on the map and a trainer’s inject; a sent proposal leaves a fresh draft', async () => {
    const { page, errors } = await toOrders();
    // An action with a target: tick it by choosing its target.
    const select = page.locator('form.orders select[data-target-for]').first();
    const action = (await select.getAttribute('data-target-for')) ?? '';
    const targets = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const target = targets.at(-1) ?? '';
    expect(targets.length).toBeGreaterThan(1);
    await select.selectOption(target);
    expect(await page.locator(`input[data-action="${action}"]`).isChecked()).toBe(true);
    // A half-drafted proposal in the other tab.
    await openTab(page, 'negotiation');
    const draft = page.locator('form.draft-form');
    await draft.locator('input[data-clause="cessation"]').check();
    await draft.locator('select[data-channel]').selectOption('qatar');

    await clickAPlace(page);
    const kept = async () => {
      expect(await page.locator(`input[data-action="${action}"]`).isChecked()).toBe(true);
      expect(await page.locator(`select[data-target-for="${action}"]`).inputValue()).toBe(target);
      expect(await draft.locator('input[data-clause="cessation"]').isChecked()).toBe(true);
      expect(await draft.locator('select[data-channel]').inputValue()).toBe('qatar');
    };
    await kept();

    // The trainer sends an inject from the console while Pakistan is choosing: a new snapshot.
    const con = await sendFirstInject(page);
    await expect.poll(() => con.locator('.fc-delivered li[data-inject-cause]').count()).toBe(1);
    expect(await page.locator('#panel h2').first().textContent()).toMatch(/^Orders for Pakistan: round 1/);
    await kept();

    // Sending the proposal clears the draft; the orders stay ticked.
    await draft.locator('button[type="submit"]').click();
    await page.waitForSelector('.negotiation-text caption:has-text("Version 1")');
    expect(await draft.locator('input[data-clause="cessation"]').isChecked()).toBe(false);
    expect(await draft.locator('select[data-channel]').inputValue()).toBe('');
    expect(await page.locator(`input[data-action="${action}"]`).isChecked()).toBe(true);

    // And the orders sent are the ones kept.
    await openTab(page, 'orders');
    await page.locator('form.orders button[type="submit"]').click();
    await page.waitForSelector('h2:has-text("what happened")');
    // The autosave records Pakistan's action of round 1 as a cause, with its target.
    const acted = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('brink:save:')) ?? '';
      const save = JSON.parse(localStorage.getItem(key) ?? '{}');
      const causes: { round: number; kind: string; actor?: string; ref: string; target?: string }[] =
        save.snapshot?.context?.causes ?? [];
      return causes
        .filter((x) => x.round === 1 && x.kind === 'action' && x.actor === 'pakistan')
        .map((x) => `${x.ref}@${x.target}`);
    });
    expect(acted).toEqual([`${action}@${target}`]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe('seating a class on the start screen', () => {
  it('suggests teams for 25 students from the scenario, and takes the suggestion into the seats', async () => {
    const context = await browser().newContext();
    const { page, errors } = await openStart(context);
    await page.locator('details.seating > summary').click();
    await page.getByLabel('Students in the class').fill('25');
    await page.getByLabel('Students in the class').press('Tab');
    const seated = page.locator('.seating-plan li[data-seated]');
    await expect.poll(() => seated.count()).toBe(8);
    expect(await seated.first().textContent()).toMatch(/^Pakistan: a team of 4\./);
    expect(await page.locator('.seating-plan li[data-computer="china"]').textContent()).toMatch(
      /Left to the computer/,
    );
    await page.locator('button:text-is("Use this seating")').click();
    await expect.poll(() => page.locator('select[data-role="qatar"]').inputValue()).toBe('person');
    expect(await page.locator('select[data-role="china"]').inputValue()).toBe('tit-for-tat');
    // A class size that is not a whole number says what is wrong.
    await page.getByLabel('Students in the class').fill('0');
    await page.getByLabel('Students in the class').press('Tab');
    await expect.poll(() => page.locator('.seating [role="alert"]').textContent()).toMatch(/whole number/);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
