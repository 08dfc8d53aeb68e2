import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

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

/** Picks the `pick`-th open action (military first) and submits the orders. */
export async function submitOrders(page: Page, pick = 0): Promise<void> {
  const military = page.locator('fieldset:has(legend:text-is("Military")) input:not([disabled])');
  const any = page.locator('form.orders input[data-action]:not([disabled])');
  const pool = (await military.count()) > pick ? military : any;
  if ((await pool.count()) > 0) await pool.nth(Math.min(pick, (await pool.count()) - 1)).check();
  await page.locator('form.orders button[type="submit"]').click();
}

/** Plays the game to its ending screen, giving the first open military action each round. */
export async function playToEnd(page: Page): Promise<void> {
  for (let guard = 0; guard < 60; guard++) {
    await page.waitForSelector(
      'h2:has-text("Orders for"), h2:has-text("what happened"), h2:has-text("The end")',
    );
    const title = (await page.locator('h2').first().textContent()) ?? '';
    if (title.startsWith('The end')) return;
    if (title.startsWith('Orders for')) {
      await submitOrders(page);
      await page.waitForSelector('h2:has-text("what happened"), h2:has-text("The end")');
    } else await page.locator('button.next').click();
  }
  throw new Error('the game did not end');
}

/** The text of each page of a PDF, read back with pdf.js. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((x) => ('str' in x ? x.str : '')).join(' '));
  }
  return pages;
}

/** The text of every page of a PDF, page after page. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPages(pdf)).join('\n');
}

/**
 * Unfolds "Run a class", the trainer's way in on the start screen (the only screen that has one), if it is
 * not open yet.
 */
export async function openTrainerTools(page: Page): Promise<void> {
  const entry = page.locator('details.trainer-entry');
  if (!(await entry.evaluate((d) => (d as HTMLDetailsElement).open)))
    await entry.locator('> summary').click();
}

/** Opens a view of the game (`?view=console`, `presenter`, …) in a new page of `context`, collecting page errors. */
export async function openView(
  context: BrowserContext,
  view: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}?view=${view}`);
  return { page, errors };
}

/**
 * Opens the facilitator console window beside the game in `context`, giving `passcode` when the trainer
 * tools are locked, and waits until it follows a game.
 */
export async function openConsole(
  context: BrowserContext,
  passcode?: string,
): Promise<{ page: Page; errors: string[] }> {
  const con = await openView(context, 'console');
  if (passcode !== undefined) {
    await con.page.getByLabel('Trainer passcode').fill(passcode);
    await con.page.locator('button:text-is("Open the console")').click();
  }
  await con.page.locator('.facilitator').waitFor();
  return con;
}

/** Sets the trainer's passcode under "Run a class" on the start screen. */
export async function lockTrainerTools(page: Page, passcode: string): Promise<void> {
  await openTrainerTools(page);
  await page.locator('summary:text-is("Lock the trainer tools")').click();
  await page.getByLabel('Passcode to lock the trainer tools').fill(passcode);
  await page.locator('button:text-is("Lock")').click();
  await page.getByLabel('Trainer passcode').waitFor();
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

/** The trainer sends the scenario's first inject from a console window beside the game; returns that window. */
export async function sendFirstInject(page: Page): Promise<Page> {
  const con = (await openConsole(page.context())).page;
  await expect.poll(() => con.locator('.fc-status').textContent()).toMatch(/^Round \d+ of/);
  const injects = con.getByLabel('Inject', { exact: true });
  const first = await injects
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v !== ''));
  await injects.selectOption(first ?? '');
  await con.locator('button.fc-send-inject').click();
  return con;
}

/** Another tab of the origin on the classroom channel: what it hears, and a way to post anything. */
export async function spyOn(context: BrowserContext) {
  const spy = await context.newPage();
  await spy.goto(inject('baseUrl'));
  await spy.evaluate(() => {
    const w = window as unknown as { heard: string[]; bc: BroadcastChannel };
    w.heard = [];
    w.bc = new BroadcastChannel('brink-classroom');
    w.bc.onmessage = (e) => w.heard.push(JSON.stringify(e.data));
  });
  return {
    heard: async () =>
      (await spy.evaluate(() => (window as unknown as { heard: string[] }).heard)).map(
        (t) => JSON.parse(t) as Record<string, unknown> & { state?: Record<string, unknown> },
      ),
    post: (m: unknown) =>
      spy.evaluate((x) => (window as unknown as { bc: BroadcastChannel }).bc.postMessage(x), m),
  };
}
