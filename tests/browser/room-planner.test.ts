// The planner in a networked room, in Chromium: the trainer's create form seats a planner at a strength
// (the start screen's list of seat choices), the room's console changes that strength and switches a
// student's advisor on over the network, and the student's room screen shows the server's suggestion with
// the local game's advisor, whose option goes into the team's draft.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir } from '../server/process.ts';
import { useChromium } from './chromium.ts';

const browser = useChromium();
const pages: Page[] = [];
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

async function device(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser().newContext();
  const page = await context.newPage();
  pages.push(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

describe('the planner in a room, in Chromium', () => {
  it('seats a planner from the create form, changes its strength and the advisor from the console, and shows the student the advice', async () => {
    const server = await startServerProcess({ dataDir: tempDir(), serveDist: true });
    const base = server.endpoint;
    const trainer = await device(`${base}/?view=room`);
    const t = trainer.page;
    await t.locator('select[name="scenario"]').selectOption('tutorial');
    await t.locator('#room-create-seat-south').selectOption('dove');
    await t.locator('#room-create-seat-commission').selectOption('planner');
    await t.locator('#room-create-seat-commission-level').selectOption('quick');
    await t.locator('form.room-create input[name="name"]').fill('Ms Trainer');
    await t.locator('button:text-is("Create the room")').click();
    const heading = await t.waitForSelector('h2:text-matches("^Room [A-Z2-9]{6}$")');
    const code = ((await heading.textContent()) ?? '').replace('Room ', '').trim();

    // The console shows the seats as created, and changes them over the network.
    await expect.poll(() => t.locator('#room-seat-commission').inputValue()).toBe('planner');
    await expect.poll(() => t.locator('#room-seat-commission-level').inputValue()).toBe('quick');
    expect(await t.locator('#room-seat-south').inputValue()).toBe('dove');
    await t.locator('#room-seat-commission-level').selectOption('standard');
    await expect.poll(() => t.locator('#room-seat-commission-level').inputValue()).toBe('standard');
    await t.locator('#room-advisor-north').check();

    const north = await device(`${base}/?room=${code}`);
    const n = north.page;
    await n.getByLabel('Your name').first().fill('Nia');
    await n.locator('button:text-is("Join")').click();
    await n.waitForSelector(`h2:has-text("Room ${code}")`);
    await n.locator('select.room-role').selectOption('north');
    await n.waitForSelector('.room-you:has-text("Nia (student, ")');
    await expect.poll(() => t.locator('#room-advisor-north').isChecked()).toBe(true);

    await t.locator('button:text-is("Begin the game")').click();
    await n.waitForSelector('.room-phase:has-text("Round 1 — orders")');
    const reason = n.locator('.advisor .advisor-reason');
    await reason.waitFor({ timeout: 60_000 });
    expect(await reason.textContent()).toMatch(/expected score \d+, war risk \d+%/);
    // The trainer's screen has no advisor: it is the seat's own.
    expect(await t.locator('.advisor').count()).toBe(0);
    // An option goes into the team's draft, which the orders form shows.
    await n.locator('.advisor-use').first().click();
    await n.waitForSelector('.room-draft:has-text("Draft by Nia")');
    await n.locator('button:text-is("Send the team\'s orders")').click();
    await t.waitForSelector('.room-phase:has-text("Round 1 — results")', { timeout: 60_000 });
    for (const d of [trainer, north]) expect(d.errors).toEqual([]);
  }, 180_000);
});
