// The orders a seat has drafted but not sent: one store that the orders panel and the map both read and
// change, so the two can never disagree. Kept per game and round, and per role, so that in hot-seat
// play one seat's drafts never show on another's screen. Interface state, never game state.
import type { Order } from '../sim/types.ts';

type Listener = () => void;

/** Told after every change to any game's drafts: the app draws the panel and the map again. */
const listeners = new Set<Listener>();

/** The drafts of one game. */
export class Drafts {
  private readonly byKey = new Map<string, Order[]>();

  /** The orders `role` has drafted in `round`, in the order drafted. */
  of(round: number, role: string): readonly Order[] {
    return this.byKey.get(`${round}:${role}`) ?? [];
  }

  /**
   * Drafts `order`: it replaces a draft of the same action (a new target), and with one action a round
   * (`max` 1) it replaces the draft there was.
   */
  put(round: number, role: string, order: Order, max: number): void {
    const mine = max === 1 ? [] : this.of(round, role);
    const at = mine.findIndex((o) => o.action === order.action);
    this.set(round, role, at >= 0 ? mine.map((o, i) => (i === at ? order : o)) : [...mine, order]);
  }

  /** Takes back the draft of `action`. */
  remove(round: number, role: string, action: string): void {
    this.set(
      round,
      role,
      this.of(round, role).filter((o) => o.action !== action),
    );
  }

  /** Takes back every draft of `role` in `round` (holding, or the orders sent). */
  clear(round: number, role: string): void {
    this.set(round, role, []);
  }

  private set(round: number, role: string, orders: Order[]): void {
    const key = `${round}:${role}`;
    const before = this.byKey.get(key) ?? [];
    if (JSON.stringify(before) === JSON.stringify(orders)) return;
    if (orders.length === 0) this.byKey.delete(key);
    else this.byKey.set(key, orders);
    for (const l of listeners) l();
  }
}

const stores = new WeakMap<object, Drafts>();

/** The drafts of the game run by `actor` (one store per game, made on first use). */
export function draftsOf(actor: object): Drafts {
  let d = stores.get(actor);
  if (!d) {
    d = new Drafts();
    stores.set(actor, d);
  }
  return d;
}

/** Calls `listener` after every change to any game's drafts. */
export function onDrafts(listener: Listener): void {
  listeners.add(listener);
}

/** The drafted order under the pointer or keyboard focus (panel row or map mark), if any. */
let touched: { role: string; action: string } | null = null;

/** The drafted order whose reach is shown, if any. */
export function touching(): { role: string; action: string } | null {
  return touched;
}

/** Shows what a drafted order could touch (null: none). */
export function touch(order: { role: string; action: string } | null): void {
  if (JSON.stringify(order) === JSON.stringify(touched)) return;
  touched = order;
  for (const l of listeners) l();
}
