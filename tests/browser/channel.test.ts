// The classroom channel's boundaries in a real Chromium: the game window whose seal (a lazily loaded chunk)
// fails to load keeps the console's signed commands, says so, and carries them out in order once it loads;
// the presenter and console refuse, with the reason, a state that is malformed or not signed as the lock asks.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seatsFor } from '../../src/sim/batch.ts';
import type { GameEvent } from '../../src/sim/events.ts';
import { startGame } from '../../src/sim/game.ts';
import { type GameLog, newLog, sendLogged } from '../../src/sim/log.ts';
import { loadFile } from '../sim/helpers.ts';
import { useChromium } from './chromium.ts';
import { lockTrainerTools, openConsole, openStart, openView, spyOn } from './pages.ts';

const browser = useChromium();
const SEAL_CHUNK = /\/assets\/seal-[\w-]+\.js$/;

/** A game log of the seed scenario at round 2's orders, its first role a person's, the others computers'. */
function logAtRound2(): GameLog {
  const sc = loadFile('scenarios/pakistan-afghanistan-2026.json');
  const person = sc.actors.find((a) => a.playable)?.id ?? '';
  const seats = { ...seatsFor(sc, 5, 'dove'), [person]: { by: 'person' as const, policy: 'dove' as const } };
  const actor = startGame(sc, { seed: 5, seats });
  let log = newLog(sc, 5, seats);
  const events: GameEvent[] = [
    { type: 'BEGIN' },
    { type: 'ORDERS', actor: person, orders: [] },
    { type: 'NEXT' },
  ];
  for (const e of events) log = sendLogged(actor, log, e);
  expect(actor.getSnapshot().context.round).toBe(2);
  actor.stop();
  return log;
}

const file = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value)),
});

it('keeps the console’s commands while the seal cannot load, says so, and carries them out in order once it can', async () => {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openStart(context);
  // The network drops for the seal's chunk alone, before the game window first needs it.
  let blocked = 0;
  await page.route(SEAL_CHUNK, (route) => {
    blocked++;
    return route.abort('internetdisconnected');
  });
  await lockTrainerTools(page, 'owl-42');
  const con = await openConsole(context, 'owl-42');
  const input = con.page.getByLabel('Replay a game log (.json)');

  // A signed command comes while the seal cannot load: kept, and the game window says so.
  const log = logAtRound2();
  await input.setInputFiles(file('round-2.json', log));
  await expect
    .poll(() => page.locator('.seal-status').textContent())
    .toMatch(
      /^The console's signed commands wait \(1 command kept\): the game could not load its signatures/,
    );
  expect(blocked).toBeGreaterThan(0);
  expect(await page.locator('h2').first().textContent()).toMatch(/Start a game/);

  // The network is back: the next command loads the seal, and the kept one runs first, then this one.
  await page.unroute(SEAL_CHUNK);
  const damaged = { ...log, events: [{ round: 0, event: { type: 'NOPE' } }] };
  await input.setInputFiles(file('damaged.json', damaged));
  await page.waitForSelector('h2:has-text("Orders for")');
  await expect.poll(() => page.locator('.round-status').textContent()).toMatch(/The log is damaged/);
  await expect.poll(() => con.page.locator('.fc-status').textContent()).toMatch(/^Round 2 of/);
  await expect
    .poll(() => con.page.locator('.console-tools [role="status"]').textContent())
    .toMatch(/damaged/);
  expect(await page.locator('.seal-status').count()).toBe(0);
  expect([...errors, ...con.errors]).toEqual([]);
  await context.close();
});

const refusal = (page: Page) => page.locator('.channel-refused');

it('the presenter refuses a malformed state with the reason, and shows the game’s own', async () => {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const pres = await openView(context, 'presenter');
  await pres.page.locator('h2:text-is("Waiting for the game…")').waitFor();
  const spy = await spyOn(context);
  await spy.post({ kind: 'state', view: 'public', phase: 'orders', state: { round: 'one' } });
  await expect
    .poll(() => refusal(pres.page).textContent())
    .toMatch(/^A state on the classroom channel was refused: scenario: Invalid input: expected object/);
  expect(await pres.page.locator('h2').first().textContent()).toBe('Waiting for the game…');

  // The game window's own states are taken, and the refusal goes.
  const { page, errors } = await openStart(context);
  await page.getByLabel('Seed').fill('4242');
  await page.locator('button:text-is("Start")').click();
  await expect.poll(() => pres.page.locator('#panel').getAttribute('data-phase')).toBe('briefing');
  await expect(refusal(pres.page).isHidden()).resolves.toBe(true);
  expect([...errors, ...pres.errors]).toEqual([]);
  await context.close();
});

it('with the tools locked, the presenter takes only signed states and the console only sealed ones', async () => {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openStart(context);
  await lockTrainerTools(page, 'owl-42');
  await page.getByLabel('Seed').fill('31337');
  await page.locator('button:text-is("Start")').click();
  await page.locator('button:text-is("Begin round 1")').click();
  await page.waitForSelector('h2:has-text("Orders for")');

  // The presenter in a locked browser asks for the passcode, then follows the game's signed states.
  const pres = await openView(context, 'presenter');
  await pres.page.getByLabel('Trainer passcode').fill('owl-42');
  await pres.page.locator('button:text-is("Open the presenter view")').click();
  await expect.poll(() => pres.page.locator('#panel').getAttribute('data-round')).toBe('1');
  const con = await openConsole(context, 'owl-42');
  await expect.poll(() => con.page.locator('.fc-status').textContent()).toMatch(/^Round 1 of/);

  const spy = await spyOn(context);
  await spy.post({ kind: 'hello' });
  await expect.poll(async () => (await spy.heard()).some((m) => m.kind === 'state' && m.proof)).toBe(true);
  const real = (await spy.heard()).find((m) => m.kind === 'state' && m.proof) ?? {};
  const state = { ...real.state, round: 9 };
  const forged = [
    [{ ...real, state, proof: null }, /it carries no proof of the trainer’s passcode/],
    [{ ...real, state }, /it carries no proof of the trainer’s passcode/],
    // A genuine state sent again: its signature was used already.
    [real, /it carries no proof of the trainer’s passcode/],
    [{ ...real, proof: { nonce: 'x' } }, /refused: proof\.nonce: /],
  ] as const;
  for (const [m, why] of forged) {
    await refusal(pres.page).evaluate((el) => {
      el.textContent = '';
    });
    await spy.post(m);
    await expect.poll(() => refusal(pres.page).textContent()).toMatch(why);
  }
  expect(await pres.page.locator('#panel').getAttribute('data-round')).toBe('1');
  expect(await pres.page.locator('h2').first().textContent()).toMatch(/^Round 1 of/);

  // The trainer's view in the open, which a locked game window never sends, is refused by the console.
  await spy.post({ ...real, view: 'trainer', state, proof: null, canUndo: true });
  await expect
    .poll(() => refusal(con.page).textContent())
    .toMatch(/the trainer’s view comes sealed while the tools are locked, and this one came in the open/);
  expect(await con.page.locator('.fc-status').textContent()).toMatch(/^Round 1 of/);

  // The game goes on: both windows take its next state, and their refusal lines go.
  await page.locator('form.orders button[type="submit"]').click();
  await expect.poll(() => pres.page.locator('#panel').getAttribute('data-phase')).toBe('report');
  await expect(refusal(pres.page).isHidden()).resolves.toBe(true);
  await expect.poll(() => refusal(con.page).isHidden()).toBe(true);
  expect([...errors, ...pres.errors, ...con.errors]).toEqual([]);
  await context.close();
});
