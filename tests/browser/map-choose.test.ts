// Choosing on the map (issue 30) in a real Chromium: a place's menu of orders drafts into the same store
// the orders panel shows, the map marks the drafts until they are sent or removed, and the same menus are
// reachable from the map-as-text list by keyboard alone. The map's drawn state is read through its test
// diagnostics (src/map/diagnostics.ts).
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { palette } from '../../src/map/colour.ts';
import type { DrawnMark } from '../../src/map/pending.ts';
import { axe } from './axe.ts';
import { useChromium } from './chromium.ts';
import { distance, settled, shoot } from './map-helpers.ts';
import { openStart, startHotSeat, toFirstOrders } from './pages.ts';

const browser = useChromium();
/** The tutorial with one action a designer added: the River Commission's envoy to either capital. */
const ENVOY_FIXTURE = 'tests/fixtures/map/tutorial-envoy.json';

const newContext = (): Promise<BrowserContext> =>
  browser().newContext({ viewport: { width: 1280, height: 900 } });

/** Waits for the map of the scenario in play, at rest. */
async function mapReady(page: Page, scenarioId: string): Promise<void> {
  await page.waitForFunction((id) => window.__brinkMap?.scenarioId === id, scenarioId, { timeout: 60_000 });
  await page.mouse.move(0, 0);
  await settled(page);
}

/** Clicks a place or badge where the map draws it. */
async function clickOnMap(page: Page, id: string): Promise<void> {
  const canvas = page.locator('#map canvas');
  await canvas.scrollIntoViewIfNeeded();
  const p = await page.evaluate((x) => window.__brinkMap?.screenPoint(x), id);
  const box = await canvas.boundingBox();
  if (!p || !box) throw new Error(`${id} is not on the map`);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

/** The drafted orders' marks the map drew at its last layout. */
const marks = (page: Page): Promise<DrawnMark[]> =>
  page.evaluate(() => window.__brinkMap?.pendingMarks() ?? []);

/** Waits until the map has drawn exactly `expected` as pending marks. */
async function expectMarks(page: Page, expected: DrawnMark[]): Promise<void> {
  await page
    .waitForFunction(
      (want) => JSON.stringify(window.__brinkMap?.pendingMarks()) === JSON.stringify(want),
      expected,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  expect(await marks(page)).toEqual(expected);
}

/** How many pixels within 20 px of place `id` are in the drafts' colour, the map at rest. */
async function draftPixels(page: Page, id: string): Promise<number> {
  await page.mouse.move(0, 0);
  await settled(page);
  const p = await page.evaluate((x) => window.__brinkMap?.screenPoint(x), id);
  if (!p) throw new Error(`${id} is not on the map`);
  const shot = await shoot(page);
  let n = 0;
  for (let dy = -20; dy <= 20; dy++)
    for (let dx = -20; dx <= 20; dx++) if (distance(shot.rgb(p.x + dx, p.y + dy), palette.draft) < 40) n++;
  return n;
}

/** The game's autosave as stored: the machine's persisted snapshot. */
async function savedSnapshot(page: Page): Promise<unknown> {
  const raw = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('brink:save:')) ?? '';
    return localStorage.getItem(key) ?? '';
  });
  return (JSON.parse(raw) as { snapshot: unknown }).snapshot;
}

/** Opens the envoy fixture from a file with the River Commission played by a person, at round 1's orders. */
async function commissionOrders(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openStart(context);
  await page.getByLabel('Or open a scenario file (JSON)').setInputFiles(ENVOY_FIXTURE);
  await page.locator('.scenario-list label:has-text("From file")').waitFor();
  await page.locator('select[data-role="north"]').selectOption('tit-for-tat');
  await page.locator('select[data-role="commission"]').selectOption('person');
  await page.getByLabel('Seed').fill('5');
  await page.locator('button:text-is("Start")').click();
  await page.locator('button:text-is("Begin round 1")').click();
  await page.waitForSelector('h2:has-text("Orders for the River Commission")');
  await mapReady(page, 'tutorial');
  return { page, errors };
}

describe('choosing on the map', () => {
  it('a strike drafted by clicking a city shows in the panel and as a pending mark, and resolves as the panel’s would', async () => {
    const context = await newContext();
    const { page, errors } = await toFirstOrders(context, '23');
    await mapReady(page, 'pakistan-afghanistan-2026');
    expect(await marks(page)).toEqual([]);
    expect(await draftPixels(page, 'kandahar')).toBe(0);

    await clickOnMap(page, 'kandahar');
    const heading = page.locator('#place-menu-heading');
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Orders at Kandahar');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('place-menu-heading');
    // Each choice is described by what it does; a strike on a city is among them.
    const strike = page.locator('button.menu-choice[data-action="pak-air-strike"][data-target="kandahar"]');
    const does = await page.locator(`#${await strike.getAttribute('aria-describedby')}`).textContent();
    expect(does).toMatch(/^Strikes a capital, city or province/);
    // Only actions that can be aimed at Kandahar are offered.
    for (const target of await page
      .locator('button.menu-choice')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-target'))))
      expect(target).toBe('kandahar');
    await strike.click();

    // One draft, in both places: the panel's form and the map.
    expect(await page.locator('#place-menu-heading').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CANVAS');
    expect(await page.locator('input[data-action="pak-air-strike"]').isChecked()).toBe(true);
    expect(await page.locator('select[data-target-for="pak-air-strike"]').inputValue()).toBe('kandahar');
    expect(await page.locator('.draft[data-draft="pak-air-strike"] strong').textContent()).toContain(
      'Kandahar',
    );
    const [mark] = await marks(page);
    expect(mark).toMatchObject({ kind: 'strike', at: 'kandahar' });
    // Drawn dashed and hollow in the drafts' colour, which nothing that has happened uses.
    expect(await draftPixels(page, 'kandahar')).toBeGreaterThan(30);

    // Pointing at the drafted row shows what it could touch, as possibilities, and rings the places.
    await page.locator('.draft[data-draft="pak-air-strike"]').hover();
    expect(await page.locator('.draft .reach').textContent()).toMatch(
      /^Possibilities, not predictions\. It could touch places: Kandahar/,
    );
    await page.waitForFunction(() => window.__brinkMap?.touchedRings().includes('kandahar'));
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => window.__brinkMap?.touchedRings().length === 0);

    await page.locator('form.orders button[type="submit"]').click();
    await page.waitForSelector('h2:has-text("what happened")');
    // The orders are sent: nothing is pending any more.
    await expectMarks(page, []);
    const byMap = await savedSnapshot(page);
    expect(errors).toEqual([]);
    await context.close();

    // The same order from the panel, with the same seed, gives the same round.
    const other = await newContext();
    const panel = await toFirstOrders(other, '23');
    await panel.page.locator('input[data-action="pak-air-strike"]').check();
    await panel.page.locator('select[data-target-for="pak-air-strike"]').selectOption('kandahar');
    await panel.page.locator('form.orders button[type="submit"]').click();
    await panel.page.waitForSelector('h2:has-text("what happened")');
    expect(await savedSnapshot(panel.page)).toEqual(byMap);
    await other.close();
    // Two games played to a round's news: longer than one test's default on a loaded machine.
  }, 180_000);

  it('a mediator drafts an envoy from its badge to a capital; removed from the panel, it leaves the map', async () => {
    const context = await newContext();
    const { page, errors } = await commissionOrders(context);
    await clickOnMap(page, 'commission-seat');
    await page.locator('#place-menu-heading:text-is("Orders at Commission seat")').waitFor();
    // From its own badge, the envoy to either capital.
    const choices = await page
      .locator('button.menu-choice')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-action')}>${e.getAttribute('data-target')}`),
      );
    expect(choices).toEqual(['commission-envoy>arvel', 'commission-envoy>brenna']);
    await page.locator('button.menu-choice[data-target="arvel"]').click();
    await expectMarks(page, [{ kind: 'envoy', at: 'arvel', from: 'commission-seat' }]);
    expect(await page.locator('input[data-action="commission-envoy"]').isChecked()).toBe(true);
    // Pointing at its mark on the map rings what it could touch, as its panel row does.
    const mark = await page.evaluate(() => window.__brinkMap?.screenPoint('arvel'));
    const canvasBox = await page.locator('#map canvas').boundingBox();
    if (!mark || !canvasBox) throw new Error('arvel is not on the map');
    await page.mouse.move(canvasBox.x + mark.x, canvasBox.y + mark.y);
    await page.waitForFunction(() => window.__brinkMap?.touchedRings().join() === 'arvel');
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => window.__brinkMap?.touchedRings().length === 0);

    await page.locator('.draft[data-draft="commission-envoy"] button.remove-draft').click();
    await expectMarks(page, []);
    expect(await page.locator('input[data-action="commission-envoy"]').isChecked()).toBe(false);
    expect(await page.locator('.draft').count()).toBe(0);
    // A long press on a place opens its history instead of its orders.
    const p = await page.evaluate(() => window.__brinkMap?.screenPoint('arvel'));
    const box = await page.locator('#map canvas').boundingBox();
    if (!p || !box) throw new Error('arvel is not on the map');
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.mouse.down();
    await page.waitForTimeout(700);
    await page.mouse.up();
    await page.waitForSelector('#place-heading:text-is("What happened at Arvel")');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the same by keyboard alone from the map-as-text list, with no axe violations on the open menu', async () => {
    const context = await newContext();
    const { page, errors } = await commissionOrders(context);
    const summary = page.locator('.map-text summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    // Tab to the badge's own menu button.
    for (let i = 0; i < 200; i++) {
      if (
        (await page.evaluate(() => document.activeElement?.getAttribute('data-act-on'))) === 'commission-seat'
      )
        break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Orders at Commission seat…');
    await page.keyboard.press('Enter');
    await page.locator('#place-menu-heading').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('place-menu-heading');
    expect(await axe(page, 'place menu (badge)')).toEqual([]);
    // Escape closes the menu and gives focus back.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('#place-menu-heading') === null);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-act-on'))).toBe(
      'commission-seat',
    );

    await page.keyboard.press('Enter');
    await page.locator('#place-menu-heading').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-target'))).toBe('arvel');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-target'))).toBe('brenna');
    await page.keyboard.press('Enter');
    await expectMarks(page, [{ kind: 'envoy', at: 'brenna', from: 'commission-seat' }]);
    // Focus is back where it was, on the list's button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-act-on'))).toBe(
      'commission-seat',
    );
    expect(await page.locator('select[data-target-for="commission-envoy"]').inputValue()).toBe('brenna');

    // A capital's menu too, with its closed orders and history, is axe-clean.
    await page.locator('.map-text button[data-act-on="arvel"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#place-menu-heading:text-is("Orders at Arvel")').waitFor();
    expect(await axe(page, 'place menu (capital)')).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectMarks(page, [{ kind: 'envoy', at: 'arvel', from: 'commission-seat' }]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-act-on'))).toBe('arvel');
    // And taken back from the same menu.
    await page.keyboard.press('Enter');
    await page.locator('#place-menu-heading').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-remove');
    expect(await page.locator('button.menu-remove').textContent()).toContain('Arvel');
    await page.keyboard.press('Enter');
    await expectMarks(page, []);
    expect(await page.locator('input[data-action="commission-envoy"]').isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a tap on a touch screen opens the same menu and drafts the same order', async () => {
    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const { page, errors } = await toFirstOrders(context, '23');
    await mapReady(page, 'pakistan-afghanistan-2026');
    const canvas = page.locator('#map canvas');
    await canvas.scrollIntoViewIfNeeded();
    const p = await page.evaluate(() => window.__brinkMap?.screenPoint('kandahar'));
    const box = await canvas.boundingBox();
    if (!p || !box) throw new Error('kandahar is not on the map');
    await page.touchscreen.tap(box.x + p.x, box.y + p.y);
    await page.locator('#place-menu-heading:text-is("Orders at Kandahar")').waitFor();
    await page.locator('button.menu-choice[data-action="pak-air-strike"]').tap();
    await expectMarks(page, [{ kind: 'strike', at: 'kandahar', from: 'islamabad' }]);
    expect(await page.locator('input[data-action="pak-air-strike"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("in hot-seat play the next seat sees none of the previous seat's pending marks", async () => {
    const context = await newContext();
    const { page, errors } = await openStart(context);
    await startHotSeat(page, '7');
    await page.locator('button:text-is("Continue to the private briefs")').click();
    for (let i = 0; i < 2; i++) {
      await page.waitForSelector('h2:has-text("Pass the device")');
      await page.locator('.pass button').click();
      await page.waitForSelector('h2:has-text("Private brief")');
      await page.locator('.brief button').click();
    }
    await page.waitForSelector('h2:has-text("Pass the device")');
    await page.locator('.pass button').click();
    await page.waitForSelector('h2:has-text("Orders for Pakistan")');
    await mapReady(page, 'pakistan-afghanistan-2026');
    await clickOnMap(page, 'kandahar');
    await page.locator('button.menu-choice[data-action="pak-air-strike"]').click();
    await expectMarks(page, [{ kind: 'strike', at: 'kandahar', from: 'islamabad' }]);
    await page.locator('form.orders button[type="submit"]').click();

    // Behind the pass screen, and on the next seat's orders, none of Pakistan's marks.
    await page.waitForSelector('h2:has-text("Pass the device")');
    await expectMarks(page, []);
    await page.locator('.pass button').click();
    await page.waitForSelector('h2:has-text("Orders for")');
    await settled(page);
    await expectMarks(page, []);
    // The Taliban's own draft is its own mark, alone.
    await clickOnMap(page, 'peshawar');
    await page.locator('button.menu-choice[data-target="peshawar"]').first().click();
    const mine = await marks(page);
    expect(mine.length).toBeGreaterThan(0);
    for (const m of mine) expect(m.at === 'peshawar' || m.from === 'peshawar').toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
