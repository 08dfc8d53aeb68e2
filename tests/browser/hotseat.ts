// Hot-seat steps a player takes at the shared device: confirming a pass-the-device screen, holding.
import type { Page } from 'playwright-core';
import { openTab } from './pages.ts';

/** Confirms a pass-the-device screen when one is shown. */
export async function passIfAsked(page: Page): Promise<void> {
  const pass = page.locator('.screen.pass button');
  if ((await pass.count()) > 0) await pass.click();
}

/** Holds (no action) and submits the role's orders. */
export async function hold(page: Page): Promise<void> {
  await openTab(page, 'orders');
  await page.locator('form.orders button[type="submit"]').click();
}

/** Hands the device to a role: waits for its pass-the-device screen, confirms, and waits for its orders. */
export async function handTo(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`h2:text-is("Pass the device to ${name}")`);
  await page.locator('.screen.pass button').click();
  await page.waitForSelector(`h2:has-text("Orders for ${name}:")`);
}

/** From a hot-seat game's briefing through each private brief (passing the device) to the first team's orders. */
export async function toHotSeatOrders(page: Page): Promise<void> {
  await page.locator('button:text-is("Continue to the private briefs")').click();
  for (let i = 0; i < 4; i++) {
    await passIfAsked(page);
    const hide = page.locator('.screen.brief button');
    if ((await hide.count()) === 0) break;
    await hide.click();
  }
  await passIfAsked(page);
  await page.waitForSelector('h2:has-text("Orders for")');
}
