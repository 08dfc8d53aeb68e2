// The networked classroom in Chromium: six browser contexts (the trainer, two belligerents, the mediator, a
// second member of one side's team, the presenter), each its own device, play a game over the room server to its end.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir } from '../server/process.ts';
import { useChromium } from './chromium.ts';

const browser = useChromium();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

async function device(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser().newContext();
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

async function joinAs(base: string, code: string, name: string, role: string) {
  const d = await device(`${base}/?room=${code}`);
  await d.page.getByLabel('Your name').first().fill(name);
  await d.page.locator('button:text-is("Join")').click();
  await d.page.waitForSelector(`h2:has-text("Room ${code}")`);
  await d.page.locator('select.room-role').selectOption(role);
  await d.page.waitForSelector(`.room-you:has-text("${name} (student, ")`);
  return d;
}

/**
 * A student's room shows the single-device game's screen, fed by the room's view: the gauges, the map
 * legend, the Phaser map drawn, and orders described by what they do.
 */
async function sameScreen(page: Page, legendItem: string) {
  const gauges = page.locator('#hud [data-testid="gauges"]');
  await gauges.waitFor();
  expect(await gauges.textContent()).toMatch(/Escalation ladder[\s\S]*rung \d+ of \d+/);
  expect(await gauges.textContent()).toContain('Round 1 of');
  await page.locator('#hud [data-testid="legend"] summary').click();
  await page.locator(`#hud [data-testid="legend"] li:has-text("${legendItem}")`).first().waitFor();
  await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 60_000 });
  const does = page.locator('form.room-orders .action-effects .does');
  expect(await does.count()).toBeGreaterThan(0);
  expect((await does.first().textContent())?.length ?? 0).toBeGreaterThan(10);
}

describe('a networked classroom in Chromium', () => {
  it('six devices, a mediator among them, play a game to its ending, each seeing only its own', async () => {
    // The room server serves the page the browser layer built (dist/), as npm start does.
    const server = await startServerProcess({ dataDir: tempDir(), serveDist: true });
    const base = server.endpoint;

    const trainer = await device(`${base}/?view=room`);
    await trainer.page.locator('select[name="scenario"]').selectOption('tutorial');
    await trainer.page.locator('form.room-create input[name="name"]').fill('Ms Trainer');
    await trainer.page.locator('button:text-is("Create the room")').click();
    const heading = await trainer.page.waitForSelector('h2:text-matches("^Room [A-Z2-9]{6}$")');
    const code = ((await heading.textContent()) ?? '').replace('Room ', '').trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const presenterUrl = (await trainer.page.locator('.room-console code').textContent()) ?? '';
    expect(presenterUrl).toContain('&key=');

    const north = await joinAs(base, code, 'Nia', 'north');
    const south = await joinAs(base, code, 'Sam', 'south');
    const mediator = await joinAs(base, code, 'Cai', 'commission');
    const teammate = await joinAs(base, code, 'Noor', 'north');
    const presenter = await device(presenterUrl);
    await presenter.page.waitForSelector(`h2:has-text("Room ${code}")`);
    await trainer.page.waitForSelector('li[data-person="Noor"]:has-text("connected")');

    // Team chat stays in the team; a public statement reaches the projector.
    await north.page.getByLabel('Team chat').fill('north-team-secret');
    await north.page.locator('button:text-is("Send to the team")').click();
    await teammate.page.waitForSelector('text=north-team-secret');
    await south.page.getByLabel('Message').fill('south-public-word');
    await south.page.locator('button:text-is("Send")').click();
    await presenter.page.waitForSelector('text=south-public-word');

    await trainer.page.locator('button:text-is("Begin the game")').click();
    for (let round = 1; round <= 20; round++) {
      await north.page.waitForSelector(`.room-phase:has-text("Round ${round} — orders")`);
      if (round === 1) await sameScreen(north.page, 'Strike or clash');
      // A teammate's draft shows on the other member's screen before one of them sends.
      if (round === 1) {
        await north.page.locator('form.room-orders input[name="note"]').fill('draft-by-nia');
        await north.page.locator('form.room-orders input[name="note"]').dispatchEvent('change');
        await teammate.page.waitForSelector('.room-draft:has-text("Draft by Nia")');
        // A targeted action is aimed from the room too: the target goes with the draft to the teammate.
        const target = north.page.locator('form.room-orders select[name="target-shell-south-bank"]');
        const aim = await target.locator('option').last().getAttribute('value');
        await target.selectOption(aim ?? '');
        await north.page.locator('#room-act-shell-south-bank').check();
        await expect.poll(() => teammate.page.locator('#room-act-shell-south-bank').isChecked()).toBe(true);
        expect(
          await teammate.page.locator('form.room-orders select[name="target-shell-south-bank"]').inputValue(),
        ).toBe(aim);
      }
      await north.page.locator('button:text-is("Send the team\'s orders")').click();
      await teammate.page.waitForSelector("text=Your team's orders are in.");
      await south.page.locator('button:text-is("Send the team\'s orders")').click();
      await mediator.page.waitForSelector(`.room-phase:has-text("Round ${round} — orders")`);
      await mediator.page.locator('button:text-is("Send the team\'s orders")').click();
      const next = trainer.page.locator('button:text-is("Next round")');
      const ended = trainer.page.locator('.room-phase[data-phase="ended"]');
      await next.or(ended).waitFor();
      if (await ended.isVisible()) break;
      await next.click();
    }
    for (const d of [north, south, mediator, teammate, presenter])
      await d.page.waitForSelector('.room-phase[data-phase="ended"]');

    expect(await presenter.page.locator('body').textContent()).not.toContain('north-team-secret');
    expect(await south.page.locator('body').textContent()).not.toContain('north-team-secret');
    expect(await mediator.page.locator('body').textContent()).not.toContain('north-team-secret');
    expect(await presenter.page.locator('body').textContent()).not.toContain('draft-by-nia');
    for (const d of [trainer, north, south, mediator, teammate, presenter]) expect(d.errors).toEqual([]);
  }, 300_000);
});
