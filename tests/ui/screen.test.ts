// The student's screen as data: gauges, legend, actions in words and the "Biggest changes" line, on the
// seed scenario and the tutorial (nothing in the code names either's ids).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Metric, Scenario } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { startGame } from '../../src/sim/game.ts';
import type { GameState } from '../../src/sim/types.ts';
import { describeAction, targetPhrase, weightText } from '../../src/ui/action-text.ts';
import { briefSummary } from '../../src/ui/brief-summary.ts';
import { biggestChanges, placesStruck, rankedChanges } from '../../src/ui/changes.ts';
import { num } from '../../src/ui/dom.ts';
import {
  deadlineText,
  gaugeData,
  mattering,
  metricsIn,
  plainChange,
  plainValue,
  rungGauge,
} from '../../src/ui/gauges.ts';
import { legendEntries } from '../../src/ui/legend.ts';
import { verificationNotice } from '../../src/ui/news.ts';
import { newsTag, sourceOf, trainerNews } from '../../src/ui/news-groups.ts';

function scenario(file: string): Scenario {
  const r = loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.scenario;
}

const pak = scenario('pakistan-afghanistan-2026.json');
const tut = scenario('tutorial.json');
const c = compile(pak);
const metric = (id: string) => c.metrics.get(id) as Metric;
const action = (id: string) => {
  const a = c.actions.get(id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
};

/** The state after the opening (round 1's orders), computer players in both seats. */
function opening(sc: Scenario): GameState {
  const actor = startGame(sc, { seed: 5, seats: {} });
  actor.send({ type: 'BEGIN' });
  const s = actor.getSnapshot().context;
  actor.stop();
  return s;
}

/** A round-3 state in which the given metrics moved by `by` and the rung (optionally) moved. */
function movedState(by: Record<string, number>, rung: { from: string; to: string } | null): GameState {
  const base = opening(pak);
  const round = 3;
  const metrics = { ...base.metrics };
  const changes: GameState['changes'] = [];
  for (const [id, d] of Object.entries(by)) {
    const from = metric(id).start;
    metrics[id] = from + d;
    changes.push({ round, cause: 1, subject: `metric:${id}`, from, to: from + d });
  }
  if (rung) changes.push({ round, cause: 1, subject: 'rung', ...rung });
  const at = rung ? (c.rungIndex.get(rung.to) ?? 0) : base.rung;
  return { ...base, round, metrics, changes, cues: [], rung: at };
}

describe('values in plain words', () => {
  it('gives a count with its unit and no range, a share in per cent, an index out of its top', () => {
    expect(plainValue(metric('claim-pakistan-on-afghan'), 274)).toBe('274 killed');
    expect(plainValue(metric('humanitarian-need'), 22.34)).toBe('22.3 million people');
    expect(plainValue(metric('trade'), 15)).toBe('15%');
    expect(plainValue(metric('standing-pakistan'), 60)).toBe('60 out of 100');
    for (const m of pak.metrics) expect(plainValue(m, m.start)).not.toMatch(/\(\d+–\d+\)/);
  });

  it('gives a change with its unit, points for a share, and says when nothing moved', () => {
    expect(plainChange(metric('claim-pakistan-on-afghan'), 64)).toBe('+64 killed');
    expect(plainChange(metric('humanitarian-need'), -0.2)).toBe('−0.2 million people');
    expect(plainChange(metric('trade'), -6)).toBe('−6 points');
    expect(plainChange(metric('standing-pakistan'), 0.01)).toBe('no change');
  });
});

describe('the meters that matter to a role', () => {
  it('reads every metric a condition tests, through all, any, not and sustained', () => {
    expect(
      metricsIn({
        all: [
          { metric: 'a', op: '<', value: 1 },
          { any: [{ not: { metric: 'b', op: '>', value: 2 } }, { flag: 'x' }] },
          { sustained: { metric: 'c', op: '==', value: 0 }, rounds: 2 },
        ],
      }),
    ).toEqual(['a', 'b', 'c']);
  });

  it('puts the role’s objective metrics first, shows a side’s verified dead for its hidden true dead, at most four', () => {
    const pakistan = mattering(c, ['pakistan']).map((m) => m.id);
    // Objectives: standing ≥ 50 and true dead < 100 (hidden: its verified count stands in).
    expect(pakistan.slice(0, 2)).toEqual(['standing-pakistan', 'dead-pakistan-verified']);
    expect(pakistan.length).toBeLessThanOrEqual(4);
    const taliban = mattering(c, ['taliban']).map((m) => m.id);
    expect(taliban.slice(0, 2)).toEqual(['trade', 'standing-taliban']);
    for (const id of [...pakistan, ...taliban]) {
      expect(metric(id).public).toBe(true);
      expect(metric(id).role).not.toBe('escalation');
    }
  });

  it('chooses from the tutorial’s own data: its roles’ pain and the trade meter', () => {
    const tc = compile(tut);
    const north = mattering(tc, ['north']).map((m) => m.id);
    expect(north).toContain('pain-north');
    expect(north).toContain('trade');
    expect(north).not.toContain('pain-south');
  });
});

describe('gauges', () => {
  it('show the round, the rung with the next threshold, and each meter with the round’s change', () => {
    const s = movedState(
      { 'standing-pakistan': -3, trade: -6 },
      { from: 'border-skirmishes', to: 'cross-border-strikes' },
    );
    const d = gaugeData(c, s, ['pakistan'], 3, () => '14:05');
    expect(d.round).toBe(`Round 3 of ${pak.meta.maxRounds}`);
    const rungs = pak.ladder;
    const at = rungs.findIndex((r) => r.id === 'cross-border-strikes');
    expect(d.rung.name).toBe(rungs[at]?.name);
    expect(d.rung.change).toBe('up');
    expect(d.rung.next).toContain(`${rungs[at + 1]?.name} at escalation ${rungs[at + 1]?.enterAt}`);
    const standing = d.meters.find((g) => g.id === 'standing-pakistan');
    expect(standing).toMatchObject({ value: '57 out of 100', change: '−3', delta: -3 });
    expect(standing?.fill).toBeCloseTo(0.57);
    // Round 2's changes are not this round's.
    expect(gaugeData(c, s, ['pakistan'], 2, () => '').meters.every((g) => g.delta === 0)).toBe(true);
  });

  it('say the top of the ladder has no next rung, and the deadline, pause or none', () => {
    const s = movedState({}, null);
    const top = { ...s, rung: pak.ladder.length - 1 };
    expect(rungGauge(c, top, 3).next).toBeNull();
    expect(deadlineText({ ...s, deadline: 0, paused: false }, () => '14:05')).toBe('Orders due by 14:05');
    expect(deadlineText({ ...s, deadline: 0, paused: true }, () => '14:05')).toBe('Paused by the trainer');
    expect(deadlineText({ ...s, deadline: null, paused: false }, () => '')).toBe('No deadline');
  });
});

describe('the map legend', () => {
  it('lists the kinds of place the scenario has, crossings open and closed, its borders by name', () => {
    const shapes = legendEntries(tut).map((e) => e.shape);
    expect(shapes).toEqual(
      expect.arrayContaining([
        'capital',
        'city',
        'military-post',
        'crossing-open',
        'crossing-closed',
        'border',
      ]),
    );
    expect(shapes).not.toContain('province');
    expect(shapes).not.toContain('airbase');
    expect(legendEntries(tut).find((e) => e.shape === 'border')?.label).toContain('The river frontier');
    expect(legendEntries(pak).map((e) => e.shape)).toContain('province');
  });
});

describe('actions described by what they do', () => {
  it('says an air strike strikes places, may cross a threshold at a capital, and kills a range over its outcomes', () => {
    const text = describeAction(c, action('pak-air-strike'));
    expect(text).toMatch(
      /^Strikes a capital, city or province; aimed at a capital, it moves the crisis up a rung\./,
    );
    const kills = action('pak-air-strike').outcomes.flatMap((o) =>
      o.effects.flatMap((e) => ('casualties' in e ? [e.casualties.killed] : [])),
    );
    const lo = Math.min(...kills.map((k) => k[0]));
    const hi = Math.max(...kills.map((k) => k[1]));
    expect(text).toContain(`kills ${lo}–${hi} on the ${c.actors.get('taliban')?.name} side`);
    expect(text).toContain('Breaks any ceasefire in force');
    expect(text).toContain(`Costs ${metric('standing-pakistan').name} −1`);
    expect(text).not.toMatch(/Goldstein/);
  });

  it('names crossings closed and meters moved with their likelihood, and keeps the weight for trainers', () => {
    const text = describeAction(c, action('close-torkham'));
    expect(text).toMatch(/^Closes the Torkham crossing/);
    expect(text).toContain(`lowers ${metric('trade').name}`);
    expect(weightText(action('close-torkham'))).toMatch(
      /^Goldstein weight −[\d.]+ \(conflict\); CAMEO code \d+$/,
    );
    expect(describeAction(c, action('accept-mediation'))).toBe('Accepts mediation.');
  });

  it('never says the same thing of every action, and never shows a hidden metric', () => {
    const texts = pak.actions.map((a) => describeAction(c, a));
    expect(new Set(texts).size).toBeGreaterThan(pak.actions.length * 0.8);
    for (const m of pak.metrics.filter((x) => !x.public))
      for (const t of texts) expect(t).not.toContain(m.name);
    expect(targetPhrase(c, action('pak-artillery'))).toMatch(/^Strikes Spin Boldak, .* or Kunar/);
  });
});

describe('the biggest changes of a round', () => {
  it('lead with the ladder, the places attacked and the dead, not with a party’s hostility', () => {
    const s = movedState(
      {
        'hostility-taliban': 8,
        'claim-pakistan-on-afghan': 64,
        'humanitarian-need': 0.2,
        'dead-afghan-true': 900,
      },
      { from: 'border-skirmishes', to: 'cross-border-strikes' },
    );
    s.cues = [{ round: 3, cause: 1, kind: 'strike', at: 'kandahar', from: 'islamabad', actor: 'pakistan' }];
    expect(placesStruck(c, s, 3)).toEqual(['Kandahar']);
    expect(rankedChanges(c, s, 3).map((x) => x.metric.id)).toEqual([
      'claim-pakistan-on-afghan',
      'humanitarian-need',
      'hostility-taliban',
    ]);
    expect(biggestChanges(c, s, 3)).toBe(
      'The ladder rose from Border skirmishes to Cross-border strikes. Attacked: Kandahar. ' +
        `Biggest changes: ${metric('claim-pakistan-on-afghan').name} +64 killed; ` +
        `${metric('humanitarian-need').name} +0.2 million people; ${metric('hostility-taliban').name} +8.`,
    );
  });

  it('say the ladder fell, and nothing when nothing public moved', () => {
    expect(biggestChanges(c, movedState({}, { from: 'open-war', to: 'cross-border-strikes' }), 3)).toBe(
      'The ladder fell from Open war to Cross-border strikes.',
    );
    expect(biggestChanges(c, movedState({ 'dead-pakistan-true': 40 }, null), 3)).toBeNull();
  });
});

describe('news as students read it', () => {
  /** A computer game played until a round's news holds independent counts. */
  function roundWithCounts(): GameState {
    const actor = startGame(pak, {
      seed: 11,
      seats: { pakistan: { policy: 'hawk' }, taliban: { policy: 'hawk' } },
    });
    actor.send({ type: 'BEGIN' });
    for (let i = 0; i < 12; i++) {
      const s = actor.getSnapshot().context;
      if (s.news.some((n) => n.round === s.round && sourceOf(s, n) === 'verification')) break;
      actor.send({ type: 'NEXT' });
    }
    const s = actor.getSnapshot().context;
    actor.stop();
    return s;
  }

  it('folds a round’s independent counts into one line that adds up each side’s verified dead', () => {
    const s = roundWithCounts();
    const items = s.news.filter((n) => n.round === s.round);
    const counts = items.filter((n) => sourceOf(s, n) === 'verification');
    expect(counts.length).toBeGreaterThan(0);
    const { items: rest, notice } = verificationNotice(c, s, items);
    const line = notice ?? '';
    expect(line).toMatch(/^Independent counts verified (an earlier report|\d+ earlier reports) this round: /);
    // Each side's figure is what the counts added to its verified-dead meter this round.
    for (const side of ['pakistan', 'taliban']) {
      const m = metric(c.casualtiesVerified.get(side) ?? '');
      const added = s.changes
        .filter((ch) => ch.subject === `metric:${m.id}` && counts.some((n) => n.cause === ch.cause))
        .reduce((t, ch) => t + (Number(ch.to) - Number(ch.from)), 0);
      if (added > 0) expect(line).toContain(`${m.name} +${num(added)}`);
    }
    expect(rest).toHaveLength(items.length - counts.length);
    expect(verificationNotice(c, s, rest).notice).toBeNull();
  });

  it('labels the trainer’s inject as the trainer’s, and offers it during the round it was sent', () => {
    const actor = startGame(pak, { seed: 5, seats: { pakistan: { by: 'person' } } });
    actor.send({ type: 'BEGIN' });
    const inject = pak.injects[0];
    if (!inject) throw new Error('the seed scenario has no inject');
    actor.send({ type: 'INJECT', inject: inject.id });
    const s = actor.getSnapshot().context;
    actor.stop();
    const sent = trainerNews(s, s.round);
    expect(sent).toHaveLength(1);
    expect(newsTag(s, sent[0] as GameState['news'][number])).toEqual({
      text: 'From the trainer',
      cls: 'tag trainer',
    });
    const opening = s.news.find((n) => n.round === 0);
    if (opening) expect(newsTag(s, opening).text).toBe('Historical');
    expect(trainerNews(s, s.round - 1)).toEqual([]);
  });
});

describe('the briefing’s first screen', () => {
  it('gives the summary, where the opening left the ladder, the role’s goals with points, and how a round goes', () => {
    const s = opening(pak);
    const b = briefSummary(c, s, 'taliban');
    expect(b.summary).toBe(pak.meta.summary);
    expect(b.standing).toContain(pak.ladder[s.rung]?.name);
    expect(b.role).toBe(c.actors.get('taliban')?.name);
    const objectives = c.actors.get('taliban')?.objectives ?? [];
    expect(b.goals).toEqual(objectives.map((o) => `${o.description} (${o.points} points)`));
    expect(b.rules).toContain(`at most ${pak.meta.maxRounds} rounds`);
    // A shared screen names no role's goals: in hot-seat play they are private.
    expect(briefSummary(c, s, null)).toMatchObject({ role: null, goals: [] });
  });
});
