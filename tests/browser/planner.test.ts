// The planning computer player in a real Chromium: a seat played by the planner (planned in the page's Web
// Worker) gives its reason in the news and in the trainer's console; the advisor, switched on by the trainer
// for one seat, suggests orders on that seat's screen only; while the planner thinks, the page says so
// and still answers the keyboard and the mouse.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HARD_MS } from '../../src/ui/planning.ts';
import { useChromium } from './chromium.ts';
import { passIfAsked, toHotSeatOrders } from './hotseat.ts';
import { openConsole, openStart, openTab, startHotSeat, submitOrders, tabOf } from './pages.ts';

const browser = useChromium();

/** The planner's reason, from its own numbers (planner.ts reasonOf). */
const PLANNER_REASON = /expected score -?\d+, war risk \d+%/;

/** Seats the Taliban government's role with the planner at `level`, starts with `seed`, at round 1's orders. */
async function startAgainstPlanner(context: BrowserContext, seed: string, level: string): Promise<Page> {
  const { page } = await openStart(context);
  await page.locator('select[data-role="taliban"]').selectOption('planner');
  // The strength appears once the planner is chosen.
  await page.locator('select[data-level-for="taliban"]').selectOption(level);
  await page.getByLabel('Seed').fill(seed);
  await page.locator('button:text-is("Start")').click();
  await page.locator('button:text-is("Begin round 1")').click();
  await page.waitForSelector('h2:has-text("Orders for")');
  return page;
}

/**
 * The page's clock becomes the test's (the planner's time limits run only when the test moves it), and the
 * worker's replies of one kind ('plan': a seat's orders, 'talks': the round's negotiation pre-played) are
 * held at the page's end while the test says so (the worker itself works as usual). The returned function
 * holds them, or lets them through.
 */
async function holdReplies(
  context: BrowserContext,
  kind: 'plan' | 'talks',
): Promise<(page: Page, on: boolean) => Promise<void>> {
  await context.clock.install({ time: new Date('2026-03-01T08:00:00Z') });
  await context.addInitScript((held: string) => {
    const w = window as unknown as { __hold: boolean; __held: (() => void)[] };
    w.__hold = false;
    w.__held = [];
    const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get(this: Worker) {
        return desc?.get?.call(this);
      },
      set(this: Worker, fn: ((e: MessageEvent) => void) | null) {
        const wrapped = (e: MessageEvent) => {
          if (w.__hold && (e.data as { kind?: unknown } | null)?.kind === held)
            w.__held.push(() => fn?.call(this, e));
          else fn?.call(this, e);
        };
        desc?.set?.call(this, fn ? wrapped : null);
      },
    });
  }, kind);
  return (page, on) =>
    page.evaluate((x) => {
      const w = window as unknown as { __hold: boolean; __held: (() => void)[] };
      w.__hold = x;
      if (!x) for (const f of w.__held.splice(0)) f();
    }, on);
}

/** Starts the game with `seed` and, the clock paused and the worker's replies held, opens round 1's orders; the thinking line. */
async function beginHeld(page: Page, seed: string, hold: (page: Page, on: boolean) => Promise<void>) {
  await page.getByLabel('Seed').fill(seed);
  await page.locator('button:text-is("Start")').click();
  await page.clock.pauseAt(new Date('2026-03-01T09:00:00Z'));
  await hold(page, true);
  await page.locator('button:text-is("Begin round 1")').click();
  await page.waitForSelector('h2:has-text("Orders for Pakistan")');
  return page.getByTestId('thinking');
}

/** The PLANNED events in the page's stored game log. */
async function plannedInLog(
  page: Page,
): Promise<{ actor: string; talks?: { actor: string; kind: string }[] }[]> {
  return page.evaluate(() => {
    const out: { actor: string; talks?: { actor: string; kind: string }[] }[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (!key.startsWith('brink:log:')) continue;
      const log = JSON.parse(localStorage.getItem(key) ?? '{}') as { events?: { event: { type: string } }[] };
      for (const e of log.events ?? [])
        if (e.event.type === 'PLANNED') out.push(e.event as unknown as (typeof out)[number]);
    }
    return out;
  });
}

describe('the planning computer player', () => {
  it("shows a planner seat's reason in the news and in the trainer's console", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await startAgainstPlanner(context, '31', 'quick');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A planner that holds makes no news: play rounds until it acts (its choice is the seed's).
    let reasons: string[] = [];
    for (let round = 1; round <= 5 && !reasons.some((r) => PLANNER_REASON.test(r)); round++) {
      if (round > 1) {
        await page.locator('button.next').click();
        await page.waitForSelector('h2:has-text("Orders for")');
      }
      await submitOrders(page);
      await page.waitForSelector('h2:has-text("what happened")');
      reasons = await page.locator('.news .player-reason').allTextContents();
    }
    const planned = reasons.find((r) => PLANNER_REASON.test(r));
    expect(planned).toMatch(/^Computer player's reasoning: .+: expected score/);
    // The console's row for the seat, in the console window beside the game: what it took and the same reason.
    const con = (await openConsole(context)).page;
    const row = con.locator('.fc-orders tr[data-role="taliban"] td');
    await expect
      .poll(() => row.textContent())
      .toMatch(/^Computer player \(planner, quick\) took: .+expected score/);
    expect(await row.textContent()).toContain(planned?.replace("Computer player's reasoning: ", ''));
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the advisor, switched on by the trainer for one seat, suggests orders to that seat only', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openStart(context);
    await startHotSeat(page, '7');
    const con = (await openConsole(context)).page;
    const advisor = con.locator('input[data-advisor="pakistan"]');
    await advisor.check();
    await expect.poll(() => advisor.isChecked()).toBe(true);
    expect(await con.locator('input[data-advisor="taliban"]').isChecked()).toBe(false);
    await toHotSeatOrders(page);
    await page.waitForSelector('h2:has-text("Orders for Pakistan")');
    const box = page.locator('.advisor[data-advisor-for="pakistan"]');
    await box.locator('.advisor-options li').first().waitFor({ timeout: 30_000 });
    const options = await box.locator('.advisor-options li span').first().textContent();
    expect(options).toMatch(PLANNER_REASON);
    expect(await box.locator('.advisor-reason').textContent()).toMatch(PLANNER_REASON);
    // The suggestion goes into the form; nothing is sent until the player sends it.
    await box.locator('button.advisor-use').first().click();
    const ticked = await page.locator('form.orders input[name="order"]:checked').count();
    expect(ticked).toBeGreaterThan(0);
    expect(await page.locator('h2.screen-heading').textContent()).toMatch(/^Orders for Pakistan/);
    await page.locator('form.orders button[type="submit"]').click();
    // The device passes to the Taliban government: its screen has no suggestion, and nothing of Pakistan's.
    await passIfAsked(page);
    await page.waitForSelector('h2:has-text("Orders for")');
    expect(await page.locator('h2.screen-heading').textContent()).not.toMatch(/Pakistan/);
    expect(await page.locator('.advisor').count()).toBe(0);
    expect(await page.locator('#panel').textContent()).not.toMatch(/Advisor|expected score/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('says who is thinking while the planner plans, answers input meanwhile, and falls back when it overruns', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const hold = await holdReplies(context, 'plan');
    const { page, errors } = await openStart(context);
    await page.locator('select[data-role="taliban"]').selectOption('planner');
    const thinking = await beginHeld(page, '5', hold);
    await expect
      .poll(() => thinking.textContent())
      .toMatch(/^Thinking: the computer player for .+ is planning its orders/);
    expect(await thinking.getAttribute('data-seats')).toBe('taliban');
    expect(await thinking.getAttribute('aria-live')).toBe('polite');
    // The page answers: a tab opens, the keyboard moves the focus, a box ticks.
    await openTab(page, 'situation');
    expect(await tabOf(page, 'situation').getAttribute('aria-selected')).toBe('true');
    await openTab(page, 'orders');
    await tabOf(page, 'orders').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
    // Pakistan's orders, the round's last, wait for the planner: the round does not resolve without it.
    await submitOrders(page);
    await page.waitForSelector('text=Waiting for the round to resolve');
    expect(await thinking.textContent()).toMatch(/^Thinking:/);
    expect(await page.locator('h2:has-text("what happened")').count()).toBe(0);
    await hold(page, false);
    await page.waitForSelector('h2:has-text("what happened")');
    await expect.poll(() => thinking.textContent()).toBe('');

    // Round 2: the worker's plan never comes back. Past the hard limit the page plans the seat itself at
    // a small budget, and the round resolves.
    await hold(page, true);
    await page.locator('button.next').click();
    await page.waitForSelector('h2:has-text("Orders for Pakistan")');
    await submitOrders(page);
    await page.waitForSelector('text=Waiting for the round to resolve');
    expect(await thinking.getAttribute('data-seats')).toBe('taliban');
    await page.clock.fastForward(HARD_MS + 1000);
    await page.waitForSelector('h2:has-text("what happened")');
    await expect.poll(() => thinking.textContent()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('plays the planners’ negotiating moves ahead in the worker: thinking meanwhile, then the round resolves with them', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const hold = await holdReplies(context, 'talks');
    const { page, errors } = await openStart(context);
    for (const role of ['taliban', 'qatar']) {
      await page.locator(`select[data-role="${role}"]`).selectOption('planner');
      await page.locator(`select[data-level-for="${role}"]`).selectOption('quick');
    }
    const thinking = await beginHeld(page, '7', hold);
    await expect.poll(() => thinking.getAttribute('data-talks')).toBe('planning');
    expect(await thinking.textContent()).toMatch(
      /^Thinking: the computer players for .+ are planning their orders and negotiating moves…$/,
    );
    // The round's last orders wait for the talks: the round does not resolve without them.
    await submitOrders(page);
    await page.waitForSelector('text=Waiting for the round to resolve');
    expect(await page.locator('h2:has-text("what happened")').count()).toBe(0);
    expect(await thinking.getAttribute('data-talks')).toBe('planning');
    await hold(page, false);
    await page.waitForSelector('h2:has-text("what happened")');
    await expect.poll(() => thinking.textContent()).toBe('');
    // Handed in with the planners' orders: each seat's own negotiating decisions of the round.
    const planned = await plannedInLog(page);
    expect(planned.map((e) => e.actor).sort()).toEqual(['qatar', 'taliban']);
    const talks = planned.flatMap((e) => (e.talks ?? []).map((r) => ({ ...r, seat: e.actor })));
    expect(talks.length).toBeGreaterThan(0);
    for (const r of talks) expect(r.actor).toBe(r.seat);
    expect(talks.some((r) => r.actor === 'taliban')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
