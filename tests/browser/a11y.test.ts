// axe-core on every screen of a hot-seat game (WCAG 2.0/2.1 A and AA, colour contrast included).
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axe, type Violation } from './axe.ts';
import { useChromium } from './chromium.ts';
import { openStart, openTab, openTrainerTools, startHotSeat } from './pages.ts';

const browser = useChromium();

/** Runs axe on each tab of the screen in turn (axe skips hidden panes), then goes back to the first tab. */
async function axeTabs(page: Page, screen: string): Promise<Violation[]> {
  const tabs = await page
    .locator('[role="tab"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')));
  expect(tabs.length).toBeGreaterThan(1);
  const out: Violation[] = [];
  for (const id of tabs) {
    await openTab(page, id ?? '');
    out.push(...(await axe(page, `${screen} (${id} tab)`)));
  }
  await openTab(page, tabs[0] ?? '');
  return out;
}

const h2 = (page: Page) => page.locator('h2').first().textContent();

describe('accessibility', () => {
  it.each([
    { device: 'desktop', width: 1280, height: 900, touch: false },
    { device: 'phone', width: 390, height: 844, touch: true },
  ])(
    'has no WCAG A/AA violations on any screen ($device, $width×$height)',
    async ({ width, height, touch }) => {
      const context = await browser().newContext({
        viewport: { width, height },
        isMobile: touch,
        hasTouch: touch,
      });
      const { page } = await openStart(context);
      const seen: Record<string, Violation[]> = {};
      seen.start = await axe(page, 'start');

      // Two roles played by people: hot-seat, with pass-the-device screens.
      await startHotSeat(page, '7');
      seen.briefing = await axe(page, 'briefing');
      await page.locator('button:text-is("Continue to the private briefs")').click();
      await page.waitForSelector('h2:has-text("Pass the device")');
      seen.pass = await axe(page, 'pass-device');
      for (let i = 0; i < 2; i++) {
        await page.waitForSelector('h2:has-text("Pass the device")');
        await page.locator('.pass button').click();
        await page.waitForSelector('h2:has-text("Private brief")');
        if (i === 0) seen.brief = await axe(page, 'private brief');
        await page.locator('.brief button').click();
      }
      let sawOrders = false;
      let sawResolution = false;
      for (let guard = 0; guard < 200; guard++) {
        await page.waitForSelector(
          'h2:has-text("Pass the device"), h2:has-text("Orders for"), h2:has-text("what happened"), h2:has-text("The end")',
        );
        const title = (await h2(page)) ?? '';
        if (title.startsWith('The end')) break;
        if (title.startsWith('Pass the device')) {
          // Nothing private shows behind the pass screen: no brief, no orders.
          expect(await page.locator('.private, form.orders').count()).toBe(0);
          await page.locator('.pass button').click();
        } else if (title.startsWith('Orders for')) {
          if (!sawOrders) seen.orders = await axeTabs(page, 'orders');
          sawOrders = true;
          await page.locator('form.orders button[type="submit"]').click();
          await page.waitForFunction((t) => document.querySelector('h2')?.textContent !== t, title);
        } else {
          if (!sawResolution) {
            seen.resolution = await axeTabs(page, 'resolution');
            // A round whose actions made no news has its "Why?" buttons on the Situation tab only.
            if ((await page.locator('button.why:visible').count()) === 0)
              await page.getByRole('tab', { name: 'Situation' }).click();
            await page.locator('button.why:visible').first().click();
            await page.waitForSelector('#why-heading');
            expect(await page.evaluate(() => document.activeElement?.id)).toBe('why-heading');
            seen.why = await axe(page, 'why');
            // The map's text equivalent and a place's events, opened by keyboard.
            await page.locator('.map-text summary').click();
            await page.locator('.map-text button.link').first().click();
            await page.waitForSelector('#place-heading');
            seen.place = await axe(page, 'place');
          }
          sawResolution = true;
          await page.locator('button.next').click();
          await page.waitForFunction((t) => document.querySelector('h2')?.textContent !== t, title);
        }
      }
      await page.waitForSelector('h2:has-text("The end")');
      seen.ending = await axe(page, 'ending');
      await page.locator('button:text-is("Debrief")').click();
      await page.waitForSelector('h2:has-text("Debrief")');
      seen.debrief = await axe(page, 'debrief');
      expect(Object.keys(seen).sort()).toEqual(
        [
          'brief',
          'briefing',
          'debrief',
          'ending',
          'orders',
          'pass',
          'place',
          'resolution',
          'start',
          'why',
        ].sort(),
      );
      for (const [screen, v] of Object.entries(seen))
        expect({ screen, violations: v.map((x) => x.id) }).toEqual({ screen, violations: [] });
      await context.close();
    },
    300_000,
  );

  it('has none with the trainer tools locked, nor on the console window asking for the passcode', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await openStart(context);
    await openTrainerTools(page);
    await page.locator('summary:text-is("Lock the trainer tools")').click();
    expect(await axe(page, 'start (lock form open)')).toEqual([]);
    await page.getByLabel('Passcode to lock the trainer tools').fill('owl-42');
    await page.locator('button:text-is("Lock")').click();
    await page.getByLabel('Trainer passcode').fill('wrong');
    await page.locator('button:text-is("Unlock the trainer tools")').click();
    await page.locator('.classroom-bar [role="alert"]:text-is("That is not the passcode.")').waitFor();
    expect(await axe(page, 'start (tools locked, wrong passcode)')).toEqual([]);
    const con = await context.newPage();
    await con.goto(`${page.url().split('?')[0]}?view=console`);
    await con.getByLabel('Trainer passcode').waitFor();
    expect(await axe(con, 'console (passcode)')).toEqual([]);
    await context.close();
  }, 60_000);

  it('has none in the scenario editor, with problems listed and the balance preview shown', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}?view=editor`);
    await page.locator('.editor-endings caption').waitFor({ timeout: 60_000 });
    await page.locator('.cm-line', { hasText: '"hoursPerRound"' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' x');
    await page.locator('.editor-problems li').first().waitFor();
    expect(await axe(page, 'editor')).toEqual([]);
    await context.close();
  }, 120_000);
});
