// The bench page of panels.bench.ts: plays one game of the seed scenario and times each snapshot applied to
// the orders screen, by today's lit-html panels (patched in place) and by the build before them (the
// panel thrown away and rebuilt), both in this page, on the same snapshots. Built by the bench only.

// The previous commit's panels, unpacked from git by panels.bench.ts and aliased in its build (old.d.ts).
import { renderOrders as rebuildOrders } from 'brink-old-orders';
import { render } from 'lit-html';
import { createActor } from 'xstate';
import raw from '../../scenarios/pakistan-afghanistan-2026.json';
import { Scenario } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import { options } from '../../src/sim/orders.ts';
import { renderOrders } from '../../src/ui/orders.ts';
import type { App, Game } from '../../src/ui/types.ts';

const ROLE = 'pakistan';
const scenario = Scenario.parse(raw);
const c = compile(scenario);
const actor = createActor(createGameMachine(scenario), {
  input: {
    seed: 4242,
    seats: {
      pakistan: { by: 'person', policy: 'tit-for-tat' },
      taliban: { by: 'computer', policy: 'tit-for-tat' },
    },
  },
});
actor.start();
const game = { loaded: { scenario, text: '', file: '', bundled: true }, c, actor } as Game;
const ui = { tab: null, forms: {}, why: null, selectedPlace: null, start: {}, forks: [], fork: null };
const app = { game, ui, saveRefused: false, render() {}, send() {}, showWhy() {} } as unknown as App;

const litHost = document.createElement('section');
const oldHost = document.createElement('section');
document.body.append(litHost, oldHost);

const lit: number[] = [];
const rebuild: number[] = [];
/** Applies the current snapshot both ways, timing each. */
function apply(): void {
  let t = performance.now();
  render(renderOrders(app, game, ROLE), litHost);
  lit.push(performance.now() - t);
  t = performance.now();
  oldHost.replaceChildren(rebuildOrders(app, game, ROLE));
  rebuild.push(performance.now() - t);
}

actor.send({ type: 'BEGIN' });
for (let guard = 0; guard < 40; guard++) {
  const snap = actor.getSnapshot();
  if (snap.status === 'done' || snap.context.ending) break;
  if (snap.matches({ playing: { round: 'report' } })) {
    actor.send({ type: 'NEXT' });
    continue;
  }
  // The round's orders screen, then the snapshots a trainer sends while it is up: pause, resume, inject.
  apply();
  const now = Date.now();
  actor.send({ type: 'PAUSE', now });
  apply();
  actor.send({ type: 'RESUME', now });
  apply();
  const inject = scenario.injects[guard % Math.max(1, scenario.injects.length)];
  if (inject) {
    actor.send({ type: 'INJECT', inject: inject.id });
    apply();
  }
  const open = options(c, actor.getSnapshot().context, ROLE).filter((o) => o.unavailable === null)[0];
  const orders = open
    ? [
        open.action.targets.type === 'none'
          ? { action: open.action.id }
          : { action: open.action.id, target: open.targets[0] ?? '' },
      ]
    : [];
  actor.send({ type: 'ORDERS', actor: ROLE, orders });
}
(window as unknown as { __panels: unknown }).__panels = { lit, rebuild };
