import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

/** Opens the game in a new page of `context`, collecting page errors, and waits for the start screen. */
export async function openStart(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  await page.waitForSelector('h2:has-text("Start a game")');
  return { page, errors };
}

/** The tab of a pane of the current screen (orders, situation, negotiation, news). */
export const tabOf = (page: Page, id: string) => page.locator(`[role="tab"][data-tab="${id}"]`);

/** Shows a pane of the current screen's tabs. */
export async function openTab(page: Page, id: string): Promise<void> {
  await tabOf(page, id).click();
}

/** Starts the default scenario (its first role played by a person) with a seed, at round 1's orders. */
export async function toFirstOrders(
  context: BrowserContext,
  seed: string,
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openStart(context);
  await page.getByLabel('Seed').fill(seed);
  await page.locator('button:text-is("Start")').click();
  await page.locator('button:text-is("Begin round 1")').click();
  await page.waitForSelector('h2:has-text("Orders for")');
  return { page, errors };
}

/** Unfolds the classroom bar's "Trainer tools" (folded on every new page), if it is not open yet. */
export async function openTrainerTools(page: Page): Promise<void> {
  const menu = page.locator('details.trainer-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('> summary').click();
}

/** Starts the default scenario with its first two roles played by people (hot-seat), at the briefing. */
export async function startHotSeat(page: Page, seed: string): Promise<void> {
  const seats = page.locator('select[data-role]');
  await seats.nth(0).selectOption('person');
  await seats.nth(1).selectOption('person');
  await page.getByLabel('Seed').fill(seed);
  await page.locator('button:text-is("Start")').click();
  await page.waitForSelector('h2:has-text("Briefing")');
}

/** The trainer sends the scenario's first inject from the console inside the game window. */
export async function sendFirstInject(page: Page): Promise<void> {
  await openTrainerTools(page);
  await page.locator('button:text-is("Facilitator console")').click();
  const injects = page.getByLabel('Inject', { exact: true });
  const first = await injects
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v !== ''));
  await injects.selectOption(first ?? '');
  await page.locator('button.fc-send-inject').click();
}
