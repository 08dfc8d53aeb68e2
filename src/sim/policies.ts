// Computer players, one for every kind of role: a belligerent plays its seat's policy (hawk, dove,
// generous tit-for-tat); a spoiler fights; a mediator, a great power and an organisation act on the
// parties through their own levers. Each returns its orders with a one-line reason a player can read.

import type { ActorRole } from '../scenario/schema.ts';
import { actorName, type Compiled } from './compile.ts';
import { MIDPOINT } from './dynamics.ts';
import { type Option, openOptions } from './orders.ts';
import { type Rng, weightedIndex } from './rng.ts';
import type { GameState, Order, PolicyName } from './types.ts';

/** A computer player's choice and its reason. */
export interface Choice {
  orders: Order[];
  reason: string;
}

/** Design choice: tit-for-tat forgives one hostile round in ten. */
export const GENEROSITY = 0.1;
/** Design choice: tit-for-tat errs one move in twenty (noise). */
export const NOISE = 0.05;
/**
 * Design choice: a hawk draws among the hostile open actions (a dove among the cooperative ones) with a
 * chance proportional to |Goldstein weight| to this power: it leans to the extreme, yet climbs the
 * ladder in steps too and uses the whole repertoire (with only the top three, half the seed scenario's
 * actions were never or almost never taken in 1,000 games: `npm run simulate`, "Content in play").
 */
export const LEAN = 2;
/** Design choice: tit-for-tat answers in kind with any open action this close to its adversaries' weight. */
export const MIRROR_TOLERANCE = 1;

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

/** A hawk's value of a target (KIND_VALUE of its kind). */
const targetValue = (c: Compiled, id: string) => KIND_VALUE[c.locations.get(id)?.kind ?? ''] ?? 0;

// A hawk's targets of each option: those of the highest value (they depend on the scenario alone).
const hawkTargets = new WeakMap<Option, string[]>();

function targetFor(c: Compiled, o: Option, rng: Rng, hawkish: boolean): string | undefined {
  if (o.action.targets.type === 'none') return undefined;
  if (!hawkish) return pick(rng, o.targets);
  let best = hawkTargets.get(o);
  if (best === undefined) {
    const top = Math.max(...o.targets.map((t) => targetValue(c, t)));
    best = o.targets.filter((t) => targetValue(c, t) === top);
    hawkTargets.set(o, best);
  }
  return pick(rng, best);
}

/** Draws up to `n` distinct options, each with a chance proportional to `weight` (all equal when every weight is 0). */
function draw(rng: Rng, xs: readonly Option[], weight: (o: Option) => number, n: number): Option[] {
  const pool = xs.slice();
  const weights = pool.map(weight);
  const out: Option[] = [];
  while (out.length < n && pool.length > 0) {
    const i = weightedIndex(rng.next(), weights);
    out.push(...pool.splice(i, 1));
    weights.splice(i, 1);
  }
  return out;
}

/** The open actions on one side of the scale (hostile: weight < 0), or all of them when that side has none. */
function side(open: readonly Option[], hostile: boolean): Option[] {
  const xs = open.filter((o) => (hostile ? o.action.goldstein < 0 : o.action.goldstein > 0));
  return xs.length > 0 ? xs : open.slice();
}

/** A draw leaning to the hostile or the cooperative extreme (see LEAN). */
function lean(rng: Rng, open: readonly Option[], hostile: boolean, n: number): Option[] {
  return draw(rng, side(open, hostile), (o) => Math.abs(o.action.goldstein) ** LEAN, n);
}

function order(c: Compiled, o: Option, rng: Rng, hawkish: boolean): Order {
  const target = targetFor(c, o, rng, hawkish);
  return target === undefined ? { action: o.action.id } : { action: o.action.id, target };
}

/** Orders for the drawn options, in order. */
function take(c: Compiled, pool: readonly Option[], rng: Rng, hawkish: boolean): Order[] {
  return pool.map((o) => order(c, o, rng, hawkish));
}

/** Orders in words, for a reason. */
function labels(c: Compiled, orders: readonly Order[]): string {
  return orders.map((o) => orderLabel(c, o)).join(', ');
}

/** The fixed policies, the characters a seat may be given besides the planner. */
export const POLICIES: readonly PolicyName[] = ['hawk', 'dove', 'tit-for-tat'];

/** An order in words: the action's name and its target's. */
export const orderLabel = (c: Compiled, o: Order) => {
  const a = c.actions.get(o.action)?.name ?? o.action;
  const t = o.target ? (c.locations.get(o.target)?.name ?? c.actors.get(o.target)?.name ?? o.target) : '';
  return t ? `${a} (${t})` : a;
};

/** The summed Goldstein weight of some actors' actions in a round. */
export function netWeight(s: GameState, actors: readonly string[], round: number): number {
  return actors.reduce((sum, a) => sum + (s.goldstein[a]?.[round] ?? 0), 0);
}

/**
 * Whether a holding ceasefire keeps this player from a strike this round (any strike would be its first
 * breach): `ceasefireRestraint` always, and a guarantee deters with chance `deterrence`, monitoring alone
 * with half of it (Fortna, ../shared/escalation-model.md).
 */
function deterred(c: Compiled, s: GameState, rng: Rng): boolean {
  const cf = s.ceasefire;
  if (cf.status !== 'holding') return false;
  const d = c.scenario.dynamics;
  const deter = cf.guaranteed ? d.deterrence : cf.monitored ? d.deterrence / 2 : 0;
  return rng.next() < 1 - (1 - deter) * (1 - d.ceasefireRestraint);
}

/** Richardson's spiral in a choice: the chance that a player's own hostility makes it hit back rather than cooperate. */
export function hostilityPull(c: Compiled, s: GameState, actor: string): number {
  const metric = c.hostility.get(actor);
  if (!metric) return 0;
  const h = s.metrics[metric] ?? MIDPOINT;
  return c.scenario.dynamics.hostilityPull * Math.max(0, (h - MIDPOINT) / MIDPOINT);
}

/** Chooses a computer player's orders for this round. */
export function choose(c: Compiled, s: GameState, actor: string, policy: PolicyName, rng: Rng): Choice {
  let open = openOptions(c, s, actor);
  if (open.length === 0) return { orders: [], reason: 'No action is open this round.' };
  let held = '';
  if (deterred(c, s, rng)) {
    const kept = open.filter((o) => !o.action.tags.includes('strike'));
    if (kept.length > 0 && kept.length < open.length) {
      open = kept;
      held = ' It holds back from a strike that would breach the ceasefire.';
    }
  }
  const n = c.scenario.meta.actionsPerRound;
  const role = c.actors.get(actor)?.role ?? 'belligerent';
  const choice =
    role === 'belligerent'
      ? chooseAmong(c, s, actor, policy, rng, open, n)
      : chooseForRole(c, s, actor, role, rng, open, n);
  return held ? { ...choice, reason: `${choice.reason}${held}` } : choice;
}

function chooseAmong(
  c: Compiled,
  s: GameState,
  actor: string,
  policy: PolicyName,
  rng: Rng,
  open: readonly Option[],
  n: number,
): Choice {
  if (policy === 'hawk') {
    const orders = take(c, lean(rng, open, true, n), rng, true);
    return {
      orders,
      reason: `Hawk: answers pressure with force — ${labels(c, orders)}.`,
    };
  }
  const pulled = rng.next() < hostilityPull(c, s, actor);
  if (pulled) {
    const orders = take(c, lean(rng, open, true, n), rng, true);
    const who = policy === 'dove' ? 'Dove' : 'Tit-for-tat';
    return {
      orders,
      reason: `${who}: hostility at home pushes it to hit back — ${labels(c, orders)}.`,
    };
  }
  if (policy === 'dove') {
    const orders = take(c, lean(rng, open, false, n), rng, false);
    return {
      orders,
      reason: `Dove: looks for a way down — ${labels(c, orders)}.`,
    };
  }
  // Generous tit-for-tat with noise (Axelrod; ../shared/escalation-model.md: generosity and contrition restore cooperation under noise).
  if (rng.next() < NOISE) {
    const random = pick(rng, open);
    const orders = random ? [order(c, random, rng, false)] : [];
    return {
      orders,
      reason: `Tit-for-tat: a misjudged move — ${labels(c, orders)}.`,
    };
  }
  const adversaries = c.against.get(actor) ?? [];
  // Tit-for-tat opens by cooperating: the historical opening is not a move of this game.
  const last = s.round > 1 ? netWeight(s, adversaries, s.round - 1) : 0;
  if (last < 0 && rng.next() >= GENEROSITY) {
    // Mirror its adversaries: an open action whose weight is (nearly) the closest to what it did last round.
    const closest = Math.min(...open.map((o) => Math.abs(o.action.goldstein - last)));
    const orders = take(
      c,
      draw(
        rng,
        open.filter((o) => Math.abs(o.action.goldstein - last) <= closest + MIRROR_TOLERANCE),
        () => 1,
        n,
      ),
      rng,
      true,
    );
    return {
      orders,
      reason: `Tit-for-tat: answers last round's hostility in kind — ${labels(c, orders)}.`,
    };
  }
  const orders = take(c, lean(rng, open, false, n), rng, false);
  const why = last < 0 ? 'forgives last round’s hostility' : 'returns cooperation';
  return { orders, reason: `Tit-for-tat: ${why} — ${labels(c, orders)}.` };
}

/** Design choice: the share of the ladder (by rung index) from which a third party treats the crisis as acute. */
export const ACUTE_RUNG = 0.5;
/** Design choice: the chance a third party reaches past its usual levers to any open action, so each gets used. */
export const WIDEN = 0.15;

/** The party whose actions weighed most hostile last round, and that weight (0 when none was hostile). */
function worstOffender(c: Compiled, s: GameState): { party?: string; weight: number } {
  let worst: { party?: string; weight: number } = { weight: 0 };
  if (s.round <= 1) return worst;
  for (const p of c.parties) {
    const w = netWeight(s, [p], s.round - 1);
    if (w < worst.weight) worst = { party: p, weight: w };
  }
  return worst;
}

/** The open actions of these categories, or none. */
const inCategories = (open: readonly Option[], cats: readonly string[]) =>
  open.filter((o) => cats.includes(o.action.category));

/** An order aimed at `at` when the action may target it, otherwise at a target of the usual choice. */
function aimed(c: Compiled, o: Option, rng: Rng, at: string | undefined, hawkish: boolean): Order {
  return at !== undefined && o.targets.includes(at)
    ? { action: o.action.id, target: at }
    : order(c, o, rng, hawkish);
}

/**
 * A third party's or a spoiler's orders (design choices, after the roles in ../shared/escalation-model.md):
 * - a spoiler fights: the most hostile of its open actions, all the more while a ceasefire or a text stands;
 * - a mediator keeps the parties talking: its cooperative diplomatic actions first;
 * - an organisation answers need: humanitarian actions while the crisis is acute, diplomacy otherwise
 *   (a Security Council meeting, statements);
 * - a great power presses the party that struck last round (its hostile economic and diplomatic levers,
 *   aimed at that party when they can be), and otherwise aids and speaks.
 */
function chooseForRole(
  c: Compiled,
  s: GameState,
  actor: string,
  role: Exclude<ActorRole, 'belligerent'>,
  rng: Rng,
  open: readonly Option[],
  n: number,
): Choice {
  const acute = s.rung >= Math.ceil((c.scenario.ladder.length - 1) * ACUTE_RUNG);
  if (role === 'spoiler') {
    const orders = lean(rng, open, true, n).map((o) => order(c, o, rng, true));
    const why =
      s.ceasefire.status === 'holding' ? 'a ceasefire it wants broken' : 'no deal that leaves it out';
    return { orders, reason: `Spoiler: fights on against ${why} — ${labels(c, orders)}.` };
  }
  if (rng.next() < WIDEN) {
    const orders = draw(rng, open, () => 1, n).map((o) => order(c, o, rng, false));
    return {
      orders,
      reason: `${actorName(c, actor)} tries another lever — ${labels(c, orders)}.`,
    };
  }
  const offender = worstOffender(c, s);
  if (role === 'great-power' && offender.party !== undefined) {
    const levers = inCategories(open, ['economic', 'diplomatic']).filter((o) => o.action.goldstein < 0);
    const pool = levers.length > 0 ? levers : side(open, true);
    const orders = draw(rng, pool, () => 1, n).map((o) => aimed(c, o, rng, offender.party, true));
    return {
      orders,
      reason: `Great power: presses ${offender.party ? actorName(c, offender.party) : 'a party'}, which struck last round — ${labels(c, orders)}.`,
    };
  }
  const prefer =
    role === 'organisation'
      ? acute
        ? ['humanitarian', 'diplomatic']
        : ['diplomatic', 'humanitarian']
      : role === 'mediator'
        ? ['diplomatic']
        : ['humanitarian', 'economic', 'diplomatic'];
  let pool: Option[] = [];
  for (const cat of prefer) {
    pool = inCategories(open, [cat]).filter((o) => o.action.goldstein >= 0);
    if (pool.length > 0) break;
  }
  const orders = (pool.length > 0 ? draw(rng, pool, () => 1, n) : lean(rng, open, false, n)).map((o) =>
    order(c, o, rng, false),
  );
  const why =
    role === 'mediator'
      ? 'keeps the parties talking'
      : role === 'organisation'
        ? acute
          ? 'answers the need the fighting leaves'
          : 'speaks for the international community'
        : 'no party struck last round, so it aids and speaks';
  const who = role === 'mediator' ? 'Mediator' : role === 'organisation' ? 'Organisation' : 'Great power';
  return { orders, reason: `${who}: ${why} — ${labels(c, orders)}.` };
}
