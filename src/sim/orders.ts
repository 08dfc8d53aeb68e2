// Which actions are open to an actor now, and whether a set of orders is valid.
import type { Action } from '../scenario/schema.ts';
import type { Compiled } from './compile.ts';
import { conditionTest, explainUnmet, type Test } from './conditions.ts';
import type { GameState, Order } from './types.ts';

/** An action as offered to a role this round: open with its targets, or closed with the reason. */
export interface Option {
  action: Action;
  targets: string[];
  /** Why the action is unavailable now, or null when it is open. */
  unavailable: string | null;
}

/** Every action of an actor, with its targets and, for closed ones, the reason. */
export function options(c: Compiled, s: GameState, actor: string): Option[] {
  return (c.actionsOf.get(actor) ?? []).map((action) => {
    const targets = c.targets.get(action.id) ?? [];
    let unavailable = action.requires ? explainUnmet(action.requires, { c, s }) : null;
    if (!unavailable && action.targets.type !== 'none' && targets.length === 0)
      unavailable = 'no valid target';
    return { action, targets, unavailable };
  });
}

/** An action as the computer players check it: its option when open, and its `requires` test. */
interface Offer {
  option: Option;
  requires: Test | null;
}

// An open action's option is the same object every time it is open (its targets depend on the scenario
// alone), kept with its compiled `requires`: the computer players ask for every seat's open actions every
// round. Null: it needs a target and has none, so it is never open.
const offers = new WeakMap<Action, Offer | null>();

function offer(c: Compiled, action: Action): Offer | null {
  let o = offers.get(action);
  if (o === undefined) {
    const targets = c.targets.get(action.id) ?? [];
    o =
      action.targets.type !== 'none' && targets.length === 0
        ? null
        : {
            option: { action, targets, unavailable: null },
            requires: action.requires ? conditionTest(action.requires, c) : null,
          };
    offers.set(action, o);
  }
  return o;
}

/** Whether an action is open now: it has a target when it needs one, and its `requires` holds. */
export function isOpen(c: Compiled, s: GameState, action: Action): boolean {
  const o = offer(c, action);
  return o !== null && (o.requires === null || o.requires({ c, s }));
}

/** The open actions of an actor with their targets: the computer players' fast path, without explanations. */
export function openOptions(c: Compiled, s: GameState, actor: string): readonly Option[] {
  const out: Option[] = [];
  const view = { c, s };
  for (const action of c.actionsOf.get(actor) ?? []) {
    const o = offer(c, action);
    if (o !== null && (o.requires === null || o.requires(view))) out.push(o.option);
  }
  return out;
}

/** Why these orders cannot be accepted from this actor, or null when they can. */
export function checkOrders(
  c: Compiled,
  s: GameState,
  actor: string,
  orders: readonly Order[],
): string | null {
  const seat = s.seats[actor];
  if (!seat) return `${actor} is not a playable role`;
  if (orders.length > c.scenario.meta.actionsPerRound)
    return `at most ${c.scenario.meta.actionsPerRound} action(s) a round`;
  const open = options(c, s, actor);
  for (const o of orders) {
    const opt = open.find((x) => x.action.id === o.action);
    if (!opt) return `${actor} cannot take "${o.action}"`;
    if (opt.unavailable) return `"${opt.action.name}" is unavailable: ${opt.unavailable}`;
    if (opt.action.targets.type === 'none' ? o.target !== undefined : !opt.targets.includes(o.target ?? ''))
      return `"${opt.action.name}" cannot target "${o.target ?? '(none)'}"`;
  }
  return null;
}
