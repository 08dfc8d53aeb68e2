// The classroom channel's boundaries in a real Chromium: the game window whose seal (a lazily loaded chunk)
// fails to load keeps the console's signed commands, says so, and carries them out in order once it loads.
import { expect, it } from 'vitest';
import { seatsFor } from '../../src/sim/batch.ts';
import type { GameEvent } from '../../src/sim/events.ts';
import { startGame } from '../../src/sim/game.ts';
import { type GameLog, newLog, sendLogged } from '../../src/sim/log.ts';
import { loadFile } from '../sim/helpers.ts';
import { useChromium } from './chromium.ts';
import { lockTrainerTools, openConsole, openStart } from './pages.ts';

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
