// Computer players. Each returns its orders with a one-line reason a player can read.
import type { Compiled } from './compile.ts';
import { type Option, openOptions } from './orders.ts';
import type { Rng } from './rng.ts';
import type { GameState, Order, PolicyName } from './types.ts';

/** A computer player's choice and its reason. */
export interface Choice {
  orders: Order[];
  reason: string;
}

/** Design choice: tit-for-tat forgives one hostile round in ten and errs one move in twenty (noise). */
export const GENEROSITY = 0.1;
export const NOISE = 0.05;

/** Target preference of a hawk: the most valuable kind first (design choice). */
const KIND_VALUE: Record<string, number> = {
  capital: 5,
  'military-post': 4,
  airbase: 4,
  city: 3,
  province: 2,
  crossing: 1,
};

function pick<T>(rng: Rng, xs: readonly T[]): T | undefined {
  return xs[Math.floor(rng.next() * xs.length)];
}

function targetFor(c: Compiled, o: Option, rng: Rng, hawkish: boolean): string | undefined {
  if (o.action.targets.type === 'none') return undefined;
  if (!hawkish) return pick(rng, o.targets);
  const value = (id: string) => KIND_VALUE[c.locations.get(id)?.kind ?? ''] ?? 0;
  const best = Math.max(...o.targets.map(value));
  return pick(
    rng,
    o.targets.filter((t) => value(t) === best),
  );
}

/** Sorted open options: most hostile first (ascending Goldstein). */
function byWeight(open: Option[]): Option[] {
  return open.slice().sort((a, b) => a.action.goldstein - b.action.goldstein);
}

function order(c: Compiled, o: Option, rng: Rng, hawkish: boolean): Order {
  const target = targetFor(c, o, rng, hawkish);
  return target === undefined ? { action: o.action.id } : { action: o.action.id, target };
}

const label = (c: Compiled, o: Order) => {
  const a = c.actions.get(o.action)?.name ?? o.action;
  const t = o.target ? (c.locations.get(o.target)?.name ?? c.actors.get(o.target)?.name ?? o.target) : '';
  return t ? `${a} (${t})` : a;
};

/** The summed Goldstein weight of an actor's actions in a round. */
function netWeight(s: GameState, actor: string | undefined, round: number): number {
  return actor ? (s.goldstein[actor]?.[round] ?? 0) : 0;
}

/** Chooses a computer player's orders for this round. */
export function choose(c: Compiled, s: GameState, actor: string, policy: PolicyName, rng: Rng): Choice {
  const open = byWeight(openOptions(c, s, actor));
  if (open.length === 0) return { orders: [], reason: 'No action is open this round.' };
  const n = c.scenario.meta.actionsPerRound;
  const take = (pool: Option[], hawkish: boolean) => pool.slice(0, n).map((o) => order(c, o, rng, hawkish));
  const top3 = (xs: Option[]) => {
    const head = xs.slice(0, Math.min(3, xs.length));
    const first = pick(rng, head);
    return first ? [first, ...xs.filter((x) => x !== first)] : xs;
  };
  if (policy === 'hawk') {
    const orders = take(top3(open), true);
    return {
      orders,
      reason: `Hawk: answers pressure with force — ${orders.map((o) => label(c, o)).join(', ')}.`,
    };
  }
  const coop = open.slice().reverse();
  if (policy === 'dove') {
    const orders = take(top3(coop), false);
    return { orders, reason: `Dove: looks for a way down — ${orders.map((o) => label(c, o)).join(', ')}.` };
  }
  // Generous tit-for-tat with noise (Axelrod; ../shared/escalation-model.md: generosity and contrition restore cooperation under noise).
  if (rng.next() < NOISE) {
    const random = pick(rng, open);
    const orders = random ? [order(c, random, rng, false)] : [];
    return {
      orders,
      reason: `Tit-for-tat: a misjudged move — ${orders.map((o) => label(c, o)).join(', ')}.`,
    };
  }
  const opponent = c.actors.get(actor)?.opponent;
  const last = netWeight(s, opponent, s.round - 1);
  if (last < 0 && rng.next() >= GENEROSITY) {
    // Mirror the opponent: the open action whose weight is closest to what it did last round.
    const mirror = open
      .slice()
      .sort((a, b) => Math.abs(a.action.goldstein - last) - Math.abs(b.action.goldstein - last));
    const orders = take(mirror, true);
    return {
      orders,
      reason: `Tit-for-tat: answers last round's hostility in kind — ${orders.map((o) => label(c, o)).join(', ')}.`,
    };
  }
  const orders = take(top3(coop), false);
  const why = last < 0 ? 'forgives last round’s hostility' : 'returns cooperation';
  return { orders, reason: `Tit-for-tat: ${why} — ${orders.map((o) => label(c, o)).join(', ')}.` };
}
