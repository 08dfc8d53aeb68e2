// The boundaries in a real Chromium: a second tab of the origin listening on the classroom channel during
// a hot-seat game, and forging commands with the trainer lock on; a browser whose storage is full; a game
// log with one bad event imported over a running game.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { lockTrainerTools, openConsole, openStart, spyOn, toFirstOrders } from './pages.ts';

const browser = useChromium();
const scenario = JSON.parse(readFileSync('scenarios/pakistan-afghanistan-2026.json', 'utf8')) as {
  actors: { id: string; name: string; briefing?: string; playable: boolean }[];
};
const briefs = scenario.actors.flatMap((a) => (a.briefing ? [a.briefing] : []));

/** The autosave this page holds, parsed (the host's own record, to compare what the channel carried with). */
async function autosave(page: Page): Promise<{ key: string; text: string; value: Record<string, unknown> }> {
  const [key, text] = await page.evaluate(() => {
    const k = Object.keys(localStorage).find((x) => x.startsWith('brink:save:')) ?? '';
    return [k, localStorage.getItem(k) ?? ''];
  });
  return { key, text, value: JSON.parse(text || 'null') };
}

/** Gives orders on the current orders screen: the first open military action, else a hold. */
async function submitOrders(page: Page): Promise<void> {
  const military = page.locator('fieldset:has(legend:text-is("Military")) input:not([disabled])');
  if ((await military.count()) > 0) await military.first().check();
  await page.locator('form.orders button[type="submit"]').click();
}

describe('the classroom channel, heard by another tab', () => {
  it('carries no other side’s orders, no private brief and no random state; forged commands are refused while locked', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openStart(context);
    await lockTrainerTools(page, 'owl-42');
    await page.locator('select[data-role]').nth(1).selectOption('person');
    await page.getByLabel('Seed').fill('31337');
    await page.locator('button:text-is("Start")').click();

    // The other tab: any page of the origin, listening to everything on the channel.
    const spy = await spyOn(context);
    await spy.post({ kind: 'hello' });
    const heard = spy.heard;

    // Hot seat: both private briefs read in turn, then the first team's orders.
    await page.locator('button:text-is("Continue to the private briefs")').click();
    for (const last of [false, true]) {
      await page.locator('button:text-matches("^I am .*: continue$")').click();
      await page
        .locator(`button:text-is("${last ? 'Hide my brief and begin round 1' : 'Hide my brief'}")`)
        .click();
    }
    await page.locator('button:text-matches("^I am .*: continue$")').click();
    const first = ((await page.locator('h2').first().textContent()) ?? '').replace(/^Orders for /, '');
    await submitOrders(page);
    await page.waitForSelector('h2:has-text("Pass the device to")');
    const given = (await autosave(page)).value as {
      snapshot: { context: { orders: object; rng: number[] } };
    };
    const orders = given.snapshot.context.orders;
    expect(Object.keys(orders)).toHaveLength(1);
    const rng = given.snapshot.context.rng;

    await expect
      .poll(async () => (await heard()).filter((m) => m.kind === 'state').length)
      .toBeGreaterThan(2);
    const all = await heard();
    const text = all.map((m) => JSON.stringify(m)).join('\n');
    // States in the open are the public projection: no orders, no generator, no seed, no brief.
    for (const m of all.filter((x) => x.kind === 'state')) {
      expect(m.view).toBe('public');
      expect(m.state?.orders).toEqual({});
      expect(m.state?.rng).toEqual([]);
      expect(m.state?.seed).toBe(0);
    }
    expect(text).not.toContain(JSON.stringify(Object.values(orders)[0]));
    expect(text).not.toContain(JSON.stringify(rng).slice(1, -1));
    for (const b of briefs) expect(text).not.toContain(b.slice(0, 80));
    // The trainer's view went out sealed: present, but unreadable.
    expect(all.some((m) => m.kind === 'sealed')).toBe(true);
    expect(all.find((m) => m.kind === 'state')?.submitted).toBeDefined();

    // Forged commands: no proof, a made-up proof, in the name of the team still to play.
    const second = scenario.actors.find((a) => a.playable && a.name !== first)?.id ?? 'taliban';
    const forged = [
      { command: { type: 'send', event: { type: 'PAUSE', now: 1 } }, proof: null },
      {
        command: { type: 'send', event: { type: 'PAUSE', now: 1 } },
        proof: { nonce: '0'.repeat(32), mac: 'a'.repeat(64) },
      },
      { command: { type: 'send', event: { type: 'ORDERS', actor: second, orders: [] } }, proof: null },
      {
        command: {
          type: 'send',
          event: { type: 'SET_SEAT', actor: second, seat: { by: 'computer', policy: 'dove' } },
        },
        proof: null,
      },
      { command: { type: 'undo' }, proof: null },
    ];
    const before = (await heard()).length;
    for (const f of forged) await spy.post({ kind: 'command', ...f });
    // Messages from one tab arrive in order: the answer to this greeting comes after the commands ran.
    await spy.post({ kind: 'hello' });
    await expect.poll(async () => (await heard()).slice(before).some((m) => m.kind === 'state')).toBe(true);
    const after = (await heard())
      .slice(before)
      .filter((m) => m.kind === 'state')
      .at(-1);
    expect(after?.state?.paused).toBe(false);
    expect(after?.submitted).toEqual(Object.keys(orders));
    expect((after?.state?.seats as Record<string, { by: string }> | undefined)?.[second]?.by).toBe('person');
    expect(await page.locator('h2').first().textContent()).toMatch(/^Pass the device to/);
    expect(await page.locator('.round-status').textContent()).not.toMatch(/Paused/);

    // The trainer's own console, given the passcode, still commands the game.
    const con = await context.newPage();
    await con.goto(`${inject('baseUrl')}?view=console`);
    await con.getByLabel('Trainer passcode').fill('owl-42');
    await con.locator('button:text-is("Open the console")').click();
    // The passcode's check is asynchronous (its hashes load with it): the console opens once it is done.
    await con.locator('.facilitator').waitFor();
    await expect.poll(() => con.locator('.fc-status').textContent()).toMatch(/^Round 1 of/);
    await con.locator('button.fc-pause').click();
    await expect.poll(() => page.locator('.round-status').textContent()).toMatch(/Paused by the trainer/);

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('malformed events on the channel', () => {
  it('are refused with a reason the console shows, and the game goes on', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await toFirstOrders(context, '21');
    const con = await openConsole(context);
    const notice = con.page.locator('.fc-notice');
    const other = await context.newPage();
    await other.goto(inject('baseUrl'));
    // The probe's frozen games: orders null, an inject without effects, a deadline at Infinity's stand-in.
    await other.evaluate(() => {
      const bc = new BroadcastChannel('brink-classroom');
      const send = (event: unknown) =>
        bc.postMessage({ kind: 'command', command: { type: 'send', event }, proof: null });
      send({ type: 'INJECT', inject: { id: 'x', news: { headline: 'Flood' }, map: [] } });
      send({ type: 'SET_DEADLINE', at: 1e308 });
      send({ type: 'ORDERS', actor: 'pakistan', orders: null });
    });
    await expect
      .poll(() => notice.textContent())
      .toBe('The game refused that event (ORDERS: orders: Invalid input: expected array, received null).');
    expect(await con.page.locator('.fc-delivered li[data-inject-cause]').count()).toBe(0);
    expect(await page.locator('.round-status').textContent()).toMatch(/No deadline/);
    await submitOrders(page);
    await page.waitForSelector('h2:has-text("Round 1")');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('storage and imports that fail', () => {
  it('warns at once when the browser refuses to save, and its export works', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const { page, errors } = await toFirstOrders(context, '5');
    expect(await page.locator('.savebar').textContent()).toContain('The game saves itself');
    // Fill this origin's storage to the brim.
    await page.evaluate(() => {
      for (let size = 1 << 22, i = 0; size >= 16; ) {
        try {
          localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
        } catch {
          size >>= 1;
        }
      }
    });
    await submitOrders(page);
    await page.waitForSelector('h2:has-text("Round 1")');
    const warning = page.locator('.savebar .save-refused[role="alert"]');
    await expect
      .poll(() => warning.textContent())
      .toMatch(/This browser refused to save the game .*export the game to keep it/);
    expect(await page.locator('.savebar').textContent()).not.toContain('The game saves itself');
    const headlines = await page.locator('.news .headline').allTextContents();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button:text-is("Export the game (.json)")').click(),
    ]);
    const exported = readFileSync((await download.path()) ?? '', 'utf8');
    const save = JSON.parse(exported);
    expect(save.format).toBe('brink-save');
    expect(save.snapshot.context.round).toBe(1);

    // The export is the game: opened in a fresh browser, it shows the same round.
    const fresh = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const other = await openStart(fresh);
    await other.page.getByLabel('Open a saved game (.json)').setInputFiles({
      name: 'save.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await other.page.waitForSelector('h2:has-text("Round 1")');
    expect(await other.page.locator('.news .headline').allTextContents()).toEqual(headlines);
    expect([...errors, ...other.errors]).toEqual([]);
    await fresh.close();
    await context.close();
  }, 120_000);

  it('keeps the current game and its autosave when an imported log has one bad event', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await toFirstOrders(context, '11');
    await submitOrders(page);
    await page.waitForSelector('h2:has-text("Round 1")');
    const headlines = await page.locator('.news .headline').allTextContents();
    const stored = await autosave(page);
    const save = stored.value as {
      scenarioId: string;
      scenarioVersion: string;
      snapshot: { context: { seats: object } };
    };
    const log = {
      format: 'brink-log',
      version: 1,
      scenarioId: save.scenarioId,
      scenarioVersion: save.scenarioVersion,
      seed: 11,
      seats: save.snapshot.context.seats,
      events: [
        { round: 0, event: { type: 'BEGIN' } },
        { round: 1, event: { type: 'ORDERS', actor: 'pakistan', orders: null } },
      ],
    };
    // The trainer replays logs from the console window; the game window checks the log and says why it refused.
    const con = await openConsole(context);
    await con.page.getByLabel('Replay a game log (.json)').setInputFiles({
      name: 'bad.log.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(log)),
    });
    await expect
      .poll(() => con.page.locator('.console-tools [role="status"]').textContent(), { timeout: 30_000 })
      .toBe('The log is damaged: event 2 (ORDERS: orders: Invalid input: expected array, received null).');
    expect(await page.locator('h2').first().textContent()).toMatch(/^Round 1/);
    expect(await page.locator('.news .headline').allTextContents()).toEqual(headlines);
    expect((await autosave(page)).text).toBe(stored.text);
    // The game goes on.
    await page.locator('button.next').click();
    await page.waitForSelector('h2:has-text("Orders for")');
    expect([...errors, ...con.errors]).toEqual([]);
    await context.close();
  }, 120_000);
});
