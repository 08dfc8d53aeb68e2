import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { startGame } from '../../src/sim/game.ts';
import type { GameState } from '../../src/sim/types.ts';
import {
  causeChain,
  causesOfChange,
  chainLines,
  describeCause,
  subjectName,
  whyChange,
} from '../../src/ui/causes.ts';
import { claimsOf, humanitarianLevel, mapFacts, meters, verifiedOf } from '../../src/ui/facts.ts';

function scenario(file: string): Scenario {
  const r = loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.scenario;
}

/** Plays `rounds` rounds with computer players in every seat; returns each report's state. */
function play(sc: Scenario, rounds: number, seed = 3): GameState[] {
  const actor = startGame(sc, { seed, seats: { pakistan: { policy: 'hawk' }, taliban: { policy: 'hawk' } } });
  actor.send({ type: 'BEGIN' });
  const states = [actor.getSnapshot().context];
  for (let i = 1; i < rounds && actor.getSnapshot().status === 'active'; i++) {
    actor.send({ type: 'NEXT' });
    states.push(actor.getSnapshot().context);
  }
  actor.stop();
  return states;
}

const pak = scenario('pakistan-afghanistan-2026.json');
const c = compile(pak);
const states = play(pak, 6);

describe('the cause chain', () => {
  it('explains a news item: the action that made it, with its actor, target and outcome', () => {
    const s = states[0] as GameState;
    const item = s.news.find((n) => n.round === 1 && s.causes[n.cause]?.kind === 'action');
    expect(item).toBeDefined();
    if (!item) return;
    const node = causeChain(c, s, item.cause);
    expect(node?.text).toMatch(/^Round 1: /);
    const cause = s.causes[item.cause];
    if (!cause) throw new Error('no cause');
    expect(node?.text).toContain(c.actors.get(cause.actor ?? '')?.name ?? '?');
    expect(node?.text).toContain(`(outcome: ${cause.outcome})`);
  });

  it('follows a meter change through the dynamics rule back to the round’s actions', () => {
    const s = states[0] as GameState;
    const nodes = whyChange(c, s, `metric:${c.escalation.id}`, 1);
    const rule = nodes.find((n) => n.text.includes('rule: dynamics'));
    expect(rule).toBeDefined();
    expect(rule?.children.length).toBeGreaterThan(0);
    expect(rule?.children.every((ch) => ch.text.startsWith('Round 1: '))).toBe(true);
    expect(rule?.changed.some((x) => x.startsWith(subjectName(c, `metric:${c.escalation.id}`)))).toBe(true);
    const lines = chainLines(rule ?? { id: 0, text: '', changed: [], children: [] });
    expect(lines[1]).toMatch(/^→ Round 1: /);
  });

  it('shows computer players’ reasons and each cause once', () => {
    const s = states[states.length - 1] as GameState;
    const withReason = s.causes.find((x) => x.kind === 'action' && x.reason);
    expect(withReason && describeCause(c, s, withReason)).toContain('Reason: ');
    for (const id of causesOfChange(s, 'rung', s.round)) {
      const seen = new Set<number>();
      const node = causeChain(c, s, id, seen);
      const ids: number[] = [];
      const walk = (n: NonNullable<typeof node>) => {
        ids.push(n.id);
        n.children.forEach(walk);
      };
      if (node) walk(node);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('returns null for an unknown cause', () => {
    expect(causeChain(c, states[0] as GameState, 99_999)).toBeNull();
  });
});

describe('panel facts', () => {
  it('meters show public metrics only, with this round’s change', () => {
    const [a, b] = states as [GameState, GameState];
    const ms = meters(c, b);
    expect(ms.every((m) => m.metric.public)).toBe(true);
    const esc = ms.find((m) => m.metric.id === c.escalation.id);
    const changed = b.changes.some((x) => x.round === b.round && x.subject === `metric:${c.escalation.id}`);
    if (changed)
      expect(esc?.delta).toBeCloseTo(
        (b.metrics[c.escalation.id] ?? 0) - (a.metrics[c.escalation.id] ?? 0),
        6,
      );
    expect(meters(c, b, true).length).toBe(pak.metrics.length);
  });

  it('puts claims beside the verified figure once the count is in', () => {
    const last = states[states.length - 1] as GameState;
    const claimed = last.news.filter((n) => n.claims && Object.keys(n.claims).length > 0 && n.round >= 1);
    expect(claimed.length).toBeGreaterThan(0);
    const first = claimed[0];
    if (!first) return;
    expect(claimsOf(c, first).length).toBeGreaterThan(0);
    const v = verifiedOf(c, last, first);
    if (last.round - first.round >= pak.dynamics.verificationDelay && (first.killed ?? 0) > 0)
      expect(typeof v).toBe('number');
    else expect(v === 'pending' || v === undefined || typeof v === 'number').toBe(true);
  });

  it('describes the map as text: crossings, strikes, humanitarian level in 0..1', () => {
    const s = states[states.length - 1] as GameState;
    const f = mapFacts(c, s);
    expect(f.crossings.length).toBe(c.crossings.length);
    expect(f.places.length).toBe(pak.locations.length + pak.map.badges.length);
    for (const x of f.strikes) expect(c.places.has(x.at)).toBe(true);
    const h = humanitarianLevel(c, s);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThanOrEqual(1);
  });
});

describe('hidden metrics', () => {
  it('never appear in a "Why?" chain during play', () => {
    const s = states[states.length - 1] as GameState;
    const hidden = pak.metrics.filter((m) => !m.public).map((m) => m.name);
    for (const item of s.news) {
      const node = causeChain(c, s, item.cause);
      for (const line of node?.changed ?? [])
        for (const h of hidden) expect(line.startsWith(`${h}:`)).toBe(false);
    }
  });
});
