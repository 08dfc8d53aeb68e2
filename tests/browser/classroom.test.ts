// Classroom tools in a real Chromium: the console and presenter windows follow the game window over
// BroadcastChannel (several pages of one browser context), pausing, injects with previews, undo;
// then the debrief: timeline, charts, forks, the log export and import, and the printed report.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium.ts';
import {
  lockTrainerTools,
  openConsole,
  openStart,
  openTab,
  openTrainerTools,
  openView,
  pdfText,
  playToEnd,
  submitOrders,
  toFirstOrders,
} from './pages.ts';

const browser = useChromium();

describe('facilitator console and presenter view', () => {
  it('keeps two windows in sync, refuses orders while paused, previews injects exactly, undoes a round', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const game = await toFirstOrders(context, '4242');
    const con = await openView(context, 'console');
    const pres = await openView(context, 'presenter');
    const { page } = game;
    const status = con.page.locator('.fc-status');
    await expect.poll(() => status.textContent()).toMatch(/^Round 1 of \d+: orders being given/);
    await expect.poll(() => pres.page.locator('.pv-round').textContent()).toMatch(/^Round 1 of/);
    const roles = await con.page
      .locator('.fc-orders tbody tr')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-role')));
    expect(roles.length).toBeGreaterThanOrEqual(2);
    const firstRow = con.page.locator(`.fc-orders tr[data-role="${roles[0]}"] td`);
    expect(await firstRow.textContent()).toBe('Not yet submitted');

    // Pause in the console: the game window says so and does not take orders.
    await con.page.locator('button.fc-pause').click();
    await expect.poll(() => page.locator('.round-status').textContent()).toMatch(/Paused by the trainer/);
    // Submit is disabled while paused; a form sent all the same (as at the instant of the pause) is refused.
    await expect.poll(() => page.locator('form.orders button[type="submit"]').isDisabled()).toBe(true);
    await page.locator('form.orders').evaluate((f) => (f as HTMLFormElement).requestSubmit());
    await page.waitForTimeout(300);
    expect(await page.locator('h2').first().textContent()).toMatch(/^Orders for/);
    await expect.poll(() => page.locator('.round-status').textContent()).toMatch(/orders are not accepted/);
    expect(await firstRow.textContent()).toBe('Not yet submitted');
    expect(await con.page.locator('.facilitator').getAttribute('data-paused')).toBe('true');

    // A deadline the students see, extended by the trainer (still paused: the clock waits).
    await con.page.getByLabel('Minutes for this round').fill('2');
    await con.page.locator('button:text-is("Set the deadline")').click();
    await con.page.locator('button.fc-pause').click(); // resume
    await expect
      .poll(() => pres.page.locator('.pv-pacing').textContent())
      .toMatch(/Time left for this round's orders: [12]:\d\d/);
    await con.page.locator('button.fc-extend').click();
    await expect
      .poll(() => pres.page.locator('.pv-pacing').textContent())
      .toMatch(/Time left for this round's orders: [23]:\d\d/);
    await expect.poll(() => page.locator('.round-status').textContent()).toMatch(/Time left/);

    // The inject preview matches what the inject then does.
    await con.page.getByLabel('Inject', { exact: true }).selectOption('bajaur-bombing');
    await con.page.locator('button.fc-preview-inject').click();
    const preview = await con.page.locator('.fc-preview-changes li').allTextContents();
    expect(preview.length).toBeGreaterThan(0);
    await con.page.locator('button.fc-send-inject').click();
    await expect.poll(() => con.page.locator('.fc-delivered li[data-inject-cause]').count()).toBe(1);
    expect(await con.page.locator('.fc-delivered-changes li').allTextContents()).toEqual(preview);
    // A custom inject: headline and effect, previewed then sent.
    await con.page.getByLabel('Headline').fill('Trainer: border town floods');
    await con.page.getByLabel('Meter 1').selectOption({ index: 1 });
    await con.page.getByLabel('Change 1').fill('5');
    await con.page.locator('button.fc-preview-custom').click();
    const customPreview = await con.page.locator('.fc-preview-changes li').allTextContents();
    expect(customPreview).toHaveLength(1);
    await con.page.locator('button.fc-send-custom').click();
    await expect.poll(() => con.page.locator('.fc-delivered li[data-inject-cause]').count()).toBe(2);
    // The projector shows the trainer's inject at once, labelled as the trainer's, not as the engine's news.
    const custom = pres.page.locator('.pv-news .news-item', { hasText: 'Trainer: border town floods' });
    await expect.poll(() => custom.locator('.tag').textContent()).toBe('From the trainer');
    expect(
      await con.page.locator('.fc-delivered li[data-inject-cause]').nth(1).locator('li').allTextContents(),
    ).toEqual(customPreview);

    // Orders arrive in the console as they are given; the round resolves in every window.
    await submitOrders(page);
    await page.waitForSelector('h2:has-text("what happened")');
    await expect.poll(() => con.page.locator('.facilitator').getAttribute('data-phase')).toBe('report');
    const headlines = await page.locator('.news .headline').allTextContents();
    await expect
      .poll(() => pres.page.locator('.pv-news .headline').allTextContents())
      .toEqual(expect.arrayContaining(headlines));
    // The presenter shows no private brief and no orders.
    const presenterText = (await pres.page.locator('body').textContent()) ?? '';
    expect(presenterText).not.toMatch(/Your role|Orders for|Submitted|private/i);
    await pres.page.waitForSelector('#map canvas', { timeout: 30_000 });

    // A seat switched to a person mid-game shows as waiting in the console; switching back restores it.
    await page.locator('button.next').click();
    await expect.poll(() => status.textContent()).toMatch(/^Round 2 of/);
    const second = String(roles[1]);
    await con.page.locator(`select[data-seat="${second}"]`).selectOption('person');
    await expect
      .poll(() => con.page.locator(`.fc-orders tr[data-role="${second}"] td`).textContent())
      .toBe('Not yet submitted');
    await con.page.locator(`select[data-seat="${second}"]`).selectOption('hawk');
    await expect
      .poll(() => con.page.locator(`.fc-orders tr[data-role="${second}"] td`).textContent())
      .toMatch(/^Computer player \(hawk\)/);

    // Undo the last round: back to round 1's orders, in every window. The console says first what it
    // takes back, the seat changes included, and says it again once done.
    const undoes =
      /^Undo: back to the orders of round 1; it takes back .*handed to a person.*handed to the computer \(hawk\)/;
    await expect.poll(() => con.page.locator('.fc-undoes').textContent()).toMatch(undoes);
    await con.page.locator('button.fc-undo').click();
    await expect.poll(() => con.page.locator('.fc-notice').textContent()).toMatch(undoes);
    await expect.poll(() => status.textContent()).toMatch(/^Round 1 of \d+: orders being given/);
    await page.waitForSelector('h2:has-text("Orders for")');
    expect(await page.locator('h2').first().textContent()).toMatch(/round 1 of/);
    await expect.poll(() => pres.page.locator('.pv-round').textContent()).toMatch(/^Round 1 of/);

    expect([...game.errors, ...con.errors, ...pres.errors]).toEqual([]);
    await context.close();
  }, 180_000);

  it('keeps the trainer tools off the game screen: the console is reached from "Run a class" and, once locked, only with the passcode', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openStart(context);
    const entry = page.locator('details.trainer-entry');
    const consoleButton = page.locator('button:text-is("Open the facilitator console")');
    const passcode = page.getByLabel('Trainer passcode');
    const unlock = page.locator('button:text-is("Unlock the trainer tools")');
    const alert = page.locator('.classroom-bar .lock [role="alert"]');

    // One person playing alone: "Run a class" opens the console in a window of its own, which follows the game.
    await openTrainerTools(page);
    const [opened] = await Promise.all([context.waitForEvent('page'), consoleButton.click()]);
    await opened.locator('.facilitator').waitFor();
    expect(new URL(opened.url()).search).toBe('?view=console');
    await opened.close();

    // Too short a passcode is refused, and nothing is locked.
    await page.locator('summary:text-is("Lock the trainer tools")').click();
    await page.getByLabel('Passcode to lock the trainer tools').fill('owl');
    await page.locator('button:text-is("Lock")').click();
    // The lock's checks are asynchronous: its hashes load with the first passcode.
    await expect.poll(() => alert.textContent()).toBe('The passcode needs at least 4 characters.');
    expect(await consoleButton.isVisible()).toBe(true);

    await page.getByLabel('Passcode to lock the trainer tools').fill('owl-42');
    await page.locator('button:text-is("Lock")').click();
    await passcode.waitFor();
    expect(await consoleButton.isVisible()).toBe(false);
    // The passcode is kept only as a hash.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('owl-42');

    // The trainer unlocks the entry, locks it again for the next student, then unlocks it.
    await passcode.fill('owl-41');
    await unlock.click();
    await expect.poll(() => alert.textContent()).toBe('That is not the passcode.');
    expect(await consoleButton.isVisible()).toBe(false);
    await passcode.fill('owl-42');
    await unlock.click();
    await consoleButton.waitFor();
    await page.locator('button:text-is("Lock the trainer tools again")').click();
    expect(await consoleButton.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await passcode.getAttribute('id'));
    await passcode.fill('owl-42');
    await unlock.click();
    await consoleButton.waitFor();

    // The game starts: the way in leaves the screen, and the console window asks for the passcode.
    await page.locator('button:text-is("Start")').click();
    await page.locator('button:text-is("Begin round 1")').click();
    await page.waitForSelector('h2:has-text("Orders for")');
    expect(await entry.count()).toBe(0);
    const con = await openView(context, 'console');
    await con.page.getByLabel('Trainer passcode').waitFor();
    expect(await con.page.locator('.facilitator, .console-tools').count()).toBe(0);
    await con.page.getByLabel('Trainer passcode').fill('owl-41');
    await con.page.locator('button:text-is("Open the console")').click();
    await expect
      .poll(() => con.page.locator('[role="alert"]').textContent())
      .toBe('That is not the passcode.');
    expect(await con.page.locator('.facilitator').count()).toBe(0);
    await con.page.getByLabel('Trainer passcode').fill('owl-42');
    await con.page.locator('button:text-is("Open the console")').click();
    await con.page.locator('.facilitator').waitFor();
    // The game window took the passcode on its start screen, so it takes this console's signed commands.
    await expect.poll(() => con.page.locator('.fc-status').textContent()).toMatch(/^Round 1 of/);
    await con.page.locator('button.fc-pause').click();
    await expect.poll(() => page.locator('.round-status').textContent()).toMatch(/Paused by the trainer/);
    // The console locks itself again for the next person at this device.
    await con.page.locator('button:text-is("Lock this console")').click();
    await con.page.getByLabel('Trainer passcode').waitFor();
    expect(await con.page.locator('.facilitator').count()).toBe(0);

    // A reload finds the way in locked again, after the game as before it.
    await page.reload();
    await page.waitForSelector('h2:has-text("Start a game")');
    await openTrainerTools(page);
    await passcode.waitFor();
    expect(await consoleButton.isVisible()).toBe(false);
    await passcode.fill('owl-42');
    await unlock.click();
    await page.locator('button:text-is("Remove the passcode")').click();
    await page.reload();
    await page.waitForSelector('h2:has-text("Start a game")');
    await openTrainerTools(page);
    expect(await consoleButton.isVisible()).toBe(true);
    const again = await openView(context, 'console');
    await again.page.locator('.facilitator').waitFor();

    expect([...errors, ...con.errors, ...again.errors]).toEqual([]);
    await context.close();
  }, 120_000);
});

/** What a trainer's control is called, by role or in the text of a screen. */
const TRAINER_WORDS =
  /facilitator|console|presenter|passcode|lock the|unlock|trainer tools|run a class|replay a game log|send the inject|undo the last round|: (pause|resume)$|the deadline|minutes for this round/i;

/** The names of every visible control on the page (by role, and every label and summary), and all the page's text. */
async function controlsAndText(page: Page): Promise<{ controls: string[]; text: string }> {
  const controls: string[] = [];
  for (const role of ['button', 'link', 'textbox', 'combobox', 'checkbox', 'radio', 'spinbutton'] as const)
    for (const el of await page.getByRole(role).all())
      if (await el.isVisible())
        controls.push(`${role}: ${(await el.getAttribute('aria-label')) ?? (await el.textContent()) ?? ''}`);
  for (const s of await page.locator('summary, label').all())
    if (await s.isVisible()) controls.push(`label: ${(await s.textContent()) ?? ''}`);
  return { controls, text: (await page.locator('body').textContent()) ?? '' };
}

describe('a student’s game screen', () => {
  it.each([{ lock: false }, { lock: true }])(
    'shows no trainer control, by role or by text (lock set: $lock)',
    async ({ lock }) => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const { page, errors } = await openStart(context);
      if (lock) await lockTrainerTools(page, 'owl-42');
      await page.getByLabel('Seed').fill('4242');
      await page.locator('button:text-is("Start")').click();
      const screens: string[] = [];
      const check = async () => {
        const { controls, text } = await controlsAndText(page);
        const screen = (await page.locator('#panel h2').first().textContent()) ?? '';
        screens.push(screen);
        expect({ screen, controls: controls.filter((c) => TRAINER_WORDS.test(c)) }).toEqual({
          screen,
          controls: [],
        });
        // The tools' names nowhere in the page's text either, folded or hidden parts included.
        expect({
          screen,
          text: text.match(
            /facilitator console|presenter view|run a class|trainer passcode|lock the trainer|replay a game log/gi,
          ),
        }).toEqual({ screen, text: null });
      };
      await page.waitForSelector('h2:has-text("Briefing")');
      await check();
      await page.locator('button:text-is("Begin round 1")').click();
      await page.waitForSelector('h2:has-text("Orders for")');
      // On every tab of the orders screen.
      for (const tab of await page.locator('[role="tab"]').all()) {
        await tab.click();
        await check();
      }
      await openTab(page, 'orders');
      await submitOrders(page);
      await page.waitForSelector('h2:has-text("what happened")');
      await check();
      expect(screens.length).toBeGreaterThan(3);
      expect(errors).toEqual([]);
      await context.close();
    },
    120_000,
  );
});

/** Plays a started game to its end, giving the `pick`-th military action each round. */
describe('debrief and after-action review', () => {
  it('shows timeline and charts, forks from round 2, exports a log that replays, and prints', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const { page, errors } = await toFirstOrders(context, '777');
    await playToEnd(page);
    await page.locator('button:text-is("Debrief")').click();
    await page.waitForSelector('.full-debrief');
    const rounds = await page.locator('.timeline-round').count();
    expect(rounds).toBeGreaterThan(2);
    expect(await page.locator('.timeline-round[data-round="1"] .choices li').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart-escalation canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.chart canvas').count()).toBeGreaterThan(5);
    expect(await page.locator('.debrief-decisions ol > li').count()).toBeGreaterThan(0);
    const digest = (await page.locator('.digest').textContent()) ?? '';
    expect(digest).toMatch(/^[0-9a-f]{8}$/);

    // Fork from round 2 with another choice: identical before round 2, computer players to the end.
    await page.getByLabel('Fork from').selectOption('2');
    const choices = await page.locator('select.fork-action option').count();
    await page.locator('select.fork-action').selectOption({ index: Math.min(2, choices - 1) });
    await page.locator('button:text-is("Play the fork to its end")').click();
    const fork = page.locator('.fork-result').first();
    await fork.waitFor();
    expect(await fork.getAttribute('data-same-before')).toBe('true');
    for (const r of [0, 1]) {
      const row = fork.locator(`tr[data-round="${r}"]`);
      expect(await row.locator('td.alt').textContent()).toBe(await row.locator('td.orig').textContent());
    }
    expect(await fork.locator('.fork-column').count()).toBe(2);
    expect(await fork.locator('.fork-ending').count()).toBe(2);

    // Exports: the events as CSV, the log as JSON.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button.export-csv').click(),
    ]);
    const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(csvText.split('\r\n')[0]).toBe(
      'round,cause,kind,actor,ref,name,target,outcome,subject,from,to,headline',
    );
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button.export-log').click(),
    ]);
    const logText = readFileSync((await dl.path()) ?? '', 'utf8');
    expect(JSON.parse(logText).format).toBe('brink-log');

    // The printed report: controls gone, timeline and charts shown, a real PDF.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.timeline-round').first().isVisible()).toBe(true);
    expect(await page.locator('#chart-escalation canvas').first().isVisible()).toBe(true);
    expect(await page.locator('.classroom-bar').isVisible()).toBe(false);
    expect(await page.locator('.fork-form').isVisible()).toBe(false);
    expect(await page.locator('#map').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(100_000);
    // Each canvas becomes an image in the PDF.
    expect((pdf.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? []).length).toBeGreaterThan(5);
    // And the PDF's own text holds the timeline and the charts' titles.
    const printed = await pdfText(pdf);
    expect(printed).toContain('Timeline');
    expect(printed).toContain('The opening (historical)');
    expect(printed).toMatch(/Round 1: /);
    expect(printed).toContain('Charts');
    expect(printed).toContain('Escalation: Goldstein sum per actor per round');
    await page.emulateMedia({ media: 'screen' });

    expect(errors).toEqual([]);
    await context.close();

    // The exported log, imported in a fresh browser, replays into the same final state.
    const fresh = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const other = await fresh.newPage();
    const otherErrors: string[] = [];
    other.on('pageerror', (e) => otherErrors.push(e.message));
    await other.goto(inject('baseUrl'));
    await other.waitForSelector('h2:has-text("Start a game")');
    // The log is replayed from the console window, into the game window on its start screen.
    const otherConsole = await openConsole(fresh);
    await otherConsole.page.getByLabel('Replay a game log (.json)').setInputFiles({
      name: 'game.log.json',
      mimeType: 'application/json',
      buffer: Buffer.from(logText),
    });
    await expect
      .poll(() => otherConsole.page.locator('.console-tools [role="status"]').textContent(), {
        timeout: 60_000,
      })
      .toMatch(/^The game log was replayed in the game window, to round \d+\.$/);
    // The replayed game ends as a played one does: the last round's news, then the ending.
    await expect
      .poll(() => other.locator('h2').first().textContent(), { timeout: 30_000 })
      .toMatch(/what happened$/);
    await other.locator('button:text-is("See the ending")').click();
    await other.waitForSelector('h2:has-text("The end")');
    await other.locator('button:text-is("Debrief")').click();
    await other.waitForSelector('.full-debrief');
    expect(await other.locator('.digest').textContent()).toBe(digest);
    expect(await other.locator('.timeline-round').count()).toBe(rounds);

    expect([...otherErrors, ...otherConsole.errors]).toEqual([]);
    await fresh.close();
  }, 300_000);
});
