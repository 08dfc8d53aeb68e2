// Keyboard focus in a real Chromium: the panel is patched in place, so the control a keyboard user is on
// keeps the focus when a snapshot arrives (a trainer's pause or inject from the console window) and after
// "Send proposal"; before, each snapshot rebuilt the panel and dropped the focus to <body>.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { openTab, toFirstOrders } from './pages.ts';

const browser = useChromium();

/** A description of the focused element: its tag and the attribute that names it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'body';
    return `${a.tagName.toLowerCase()}${a.dataset.action ? `[data-action=${a.dataset.action}]` : ''}${a.id ? `#${a.id}` : ''}:${(a.textContent ?? '').trim().slice(0, 40)}`;
  });

async function openConsole(context: BrowserContext): Promise<Page> {
  const con = await context.newPage();
  await con.goto(`${inject('baseUrl')}?view=console`);
  await expect
    .poll(() => con.locator('.fc-status').textContent())
    .toMatch(/^Round 1 of \d+: orders being given/);
  return con;
}

describe('keyboard focus across re-renders', () => {
  it('stays on the control in use when the trainer pauses, resumes and sends an inject, and after "Send proposal"', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await toFirstOrders(context, '4242');
    const con = await openConsole(context);

    // A keyboard user on an action's checkbox (or radio), one without a target to choose.
    const action = page.locator('form.orders .choice.action:not(:has(select)) input[data-action]').first();
    await action.focus();
    const before = await focused(page);
    expect(before).toMatch(/^input\[data-action=/);
    expect(await action.evaluate((x) => x === document.activeElement)).toBe(true);

    // The trainer pauses: a new snapshot (Submit is disabled); the focus stays.
    await con.locator('button.fc-pause').click();
    await expect.poll(() => page.locator('.round-status').getAttribute('data-paused')).toBe('true');
    expect(await focused(page)).toBe(before);
    await con.locator('button.fc-pause').click();
    await expect.poll(() => page.locator('.round-status').getAttribute('data-paused')).toBe('false');
    expect(await focused(page)).toBe(before);

    // An inject arrives from the console window: the panel changes, the focus does not.
    await con.locator('button.fc-send-inject').click();
    await expect.poll(() => con.locator('.fc-delivered li[data-inject-cause]').count()).toBe(1);
    await expect
      .poll(() => page.locator('#pane-situation').evaluate((x) => x.textContent?.length ?? 0))
      .toBeGreaterThan(0);
    expect(await focused(page)).toBe(before);
    // The keyboard user goes on from there: Space ticks the same action.
    await page.keyboard.press('Space');
    expect(await action.isChecked()).toBe(true);

    // A proposal sent with the keyboard: the focus stays on "Send proposal", not on <body>.
    await openTab(page, 'negotiation');
    const draft = page.locator('form.draft-form');
    await draft.locator('input[data-clause]').first().check();
    await draft.locator('button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.negotiation-text caption:has-text("Version 1")');
    expect(await focused(page)).toBe('button:Send proposal');

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
