// Finds conditions that can never hold: endings that never happen, actions never available, reactions
// that never fire. It is a conservative over-approximation of what the engine can do: a condition is
// reported only when no value any effect or engine rule (docs/engine-rules.md) can produce satisfies it.
import type { RawProblem } from './problem.ts';
import type { Action, CompareOp, Condition, Scenario } from './schema.ts';

type Path = (string | number)[];
type Op = (typeof CompareOp)['options'][number];

/** The values a metric can take in play: a closed interval inside [min, max]. */
interface Range {
  lo: number;
  hi: number;
}

/** Why a condition can never take the value asked for. */
interface Reason {
  path: Path;
  text: string;
}

/** What the scenario's effects and the engine's rules can ever produce. */
interface Facts {
  s: Scenario;
  metrics: Map<string, Range>;
  /** Why a metric's range is what it is, for messages. */
  metricWhy: Map<string, string>;
  flags: Map<string, { start: boolean; values: Set<boolean> }>;
  crossings: Map<string, { start: 'open' | 'closed'; values: Set<'open' | 'closed'> }>;
  rungIndex: Map<string, number>;
  /** The highest rung index the ladder can reach. */
  maxRung: number;
  mediation: Set<string>;
  ceasefire: Set<string>;
  actions: Map<string, Action>;
  /** Actions taken by the opening script, as "action" and "action>actor". */
  scripted: Set<string>;
  /** Actions whose availability is being decided, to break cycles through `taken`. */
  deciding: Set<string>;
}

const clamp = (v: number, r: { min: number; max: number }) => Math.min(r.max, Math.max(r.min, v));

/** Gathers every fact the verdicts need, in one pass over the scenario's effects. */
function gather(s: Scenario): Facts {
  const effects = [
    ...s.actions.flatMap((a) => a.outcomes.flatMap((o) => o.effects)),
    ...s.reactions.flatMap((r) => r.effects),
    ...s.injects.flatMap((i) => i.effects),
    ...s.clauses.flatMap((k) => k.effects),
  ];
  const crossings = new Map<string, { start: 'open' | 'closed'; values: Set<'open' | 'closed'> }>();
  for (const l of s.locations) {
    if (l.kind !== 'crossing' || crossings.has(l.id)) continue;
    const start = l.open === false ? 'closed' : 'open';
    crossings.set(l.id, { start, values: new Set([start]) });
  }
  const flags = new Map<string, { start: boolean; values: Set<boolean> }>();
  for (const f of s.flags)
    if (!flags.has(f.id)) flags.set(f.id, { start: f.start, values: new Set([f.start]) });
  const mediation = new Set<string>();
  const ceasefire = new Set<string>();
  const rungIndex = new Map<string, number>();
  s.ladder.forEach((r, i) => {
    if (!rungIndex.has(r.id)) rungIndex.set(r.id, i);
  });
  const escalation = s.metrics.find((m) => m.role === 'escalation');
  let maxRung = 0;
  s.ladder.forEach((r, i) => {
    if (!escalation || r.enterAt <= escalation.max) maxRung = Math.max(maxRung, i);
  });
  if (s.actions.some((a) => a.tags.includes('capital-threshold'))) maxRung = s.ladder.length - 1;

  // Per metric: which directions effects push it, and the values they set.
  const up = new Set<string>();
  const down = new Set<string>();
  const anywhere = new Set<string>();
  const sets = new Map<string, number[]>();
  const casualties: { side: string; claimants: string[] }[] = [];
  for (const a of s.actions)
    for (const k of a.cost) {
      if (k.add > 0) up.add(k.metric);
      else if (k.add < 0) down.add(k.metric);
    }
  for (const e of effects) {
    if ('metric' in e) {
      if (e.add !== undefined && e.add > 0) up.add(e.metric);
      if (e.add !== undefined && e.add < 0) down.add(e.metric);
      if (e.set !== undefined) sets.set(e.metric, [...(sets.get(e.metric) ?? []), e.set]);
      if (e.scale !== undefined && e.scale !== 1) anywhere.add(e.metric);
    } else if ('casualties' in e) {
      casualties.push({ side: e.casualties.side, claimants: Object.keys(e.casualties.claims) });
    } else if ('crossing' in e) crossings.get(e.crossing)?.values.add(e.status);
    else if ('flag' in e) flags.get(e.flag)?.values.add(e.set);
    else if ('rung' in e) {
      if (e.rung === 'up') maxRung = s.ladder.length - 1;
      else if (e.rung !== 'down') maxRung = Math.max(maxRung, rungIndex.get(e.rung) ?? 0);
    } else if ('mediation' in e) mediation.add(e.mediation);
    else if ('ceasefire' in e) ceasefire.add(e.ceasefire);
  }

  // Signed clauses reopen crossings, declare ceasefires and open talks (src/sim/clauses.ts).
  for (const k of s.clauses) {
    if (k.mechanics.includes('trade'))
      for (const p of k.params)
        if (p.kind === 'crossings') for (const o of p.options ?? []) crossings.get(o)?.values.add('open');
    if (k.mechanics.includes('ceasefire')) ceasefire.add('declare');
    if (k.mechanics.includes('monitoring')) ceasefire.add('monitor');
    if (k.mechanics.includes('guarantee')) ceasefire.add('guarantee');
    if (k.mechanics.includes('talks')) {
      mediation.add('offer');
      mediation.add('accept');
    }
  }
  const d = s.dynamics;
  const crossingList = [...crossings.values()];
  const someClosed = crossingList.some((x) => x.values.has('closed'));
  const allOpen = crossingList.every((x) => x.values.has('open'));
  const metrics = new Map<string, Range>();
  const metricWhy = new Map<string, string>();
  for (const m of s.metrics) {
    if (metrics.has(m.id) || !(m.min < m.max)) continue;
    const start = clamp(m.start, m);
    const r: Range = { lo: start, hi: start };
    const rises = () => {
      r.hi = m.max;
    };
    const falls = () => {
      r.lo = m.min;
    };
    let rule = false; // whether an engine rule moves it
    switch (m.role) {
      case 'escalation':
      case 'hostility':
        rises();
        falls();
        rule = true;
        break;
      case 'humanitarian':
        if (d.humanitarianPerRound > 0) rises();
        if (d.humanitarianPerRound < 0) falls();
        rule = d.humanitarianPerRound !== 0;
        break;
      case 'trade': {
        const per = d.tradePerClosedCrossing;
        if ((per > 0 && allOpen) || (per < 0 && someClosed)) rises();
        if ((per > 0 && someClosed) || (per < 0 && allOpen)) falls();
        rule = per !== 0;
        break;
      }
      case 'trust':
        if (mediation.has('offer')) {
          rises();
          falls();
          rule = true;
        }
        break;
      case 'casualties-true':
      case 'casualties-verified':
        if (casualties.some((k) => m.actor === undefined || k.side === m.actor)) {
          rises();
          rule = true;
        }
        break;
      case 'casualties-claimed':
        if (
          casualties.some(
            (k) =>
              (m.about === undefined || k.side === m.about) &&
              (m.actor === undefined || k.claimants.includes(m.actor)),
          )
        ) {
          rises();
          rule = true;
        }
        break;
      case 'standing':
        if (casualties.length > 0 && d.opinionPerVerified > 0) {
          falls();
          rule = true;
        }
        break;
      default:
        break;
    }
    if (up.has(m.id)) rises();
    if (down.has(m.id)) falls();
    if (anywhere.has(m.id)) {
      rises();
      falls();
    }
    for (const v of sets.get(m.id) ?? []) {
      r.lo = Math.min(r.lo, clamp(v, m));
      r.hi = Math.max(r.hi, clamp(v, m));
    }
    metrics.set(m.id, r);
    const touched = rule || up.has(m.id) || down.has(m.id) || anywhere.has(m.id) || sets.has(m.id);
    let why = `stays at its start value ${m.start}: no effect or rule changes it`;
    if (r.lo === m.min && r.hi === m.max) why = `ranges from ${m.min} to ${m.max}`;
    else if (touched && r.lo === start)
      why = `never goes below ${r.lo}: it starts there and nothing lowers it`;
    else if (touched && r.hi === start)
      why = `never goes above ${r.hi}: it starts there and nothing raises it`;
    else if (touched) why = `stays between ${r.lo} and ${r.hi}`;
    metricWhy.set(m.id, why);
  }
  const scripted = new Set<string>();
  for (const step of s.opening.script) {
    scripted.add(step.action);
    scripted.add(`${step.action}>${step.actor}`);
  }
  return {
    s,
    metrics,
    metricWhy,
    flags,
    crossings,
    rungIndex,
    maxRung,
    mediation,
    ceasefire,
    actions: new Map(s.actions.map((a) => [a.id, a])),
    scripted,
    deciding: new Set(),
  };
}

const NEGATE: Record<Op, Op> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };

/** Whether some value in [lo, hi] satisfies `x op v`. */
function satisfiable(op: Op, v: number, r: Range): boolean {
  switch (op) {
    case '<':
      return r.lo < v;
    case '<=':
      return r.lo <= v;
    case '>':
      return r.hi > v;
    case '>=':
      return r.hi >= v;
    case '==':
      return r.lo <= v && v <= r.hi;
    default:
      return !(r.lo === v && r.hi === v);
  }
}

/** A short rendering of a condition for messages. */
function show(c: Condition): string {
  if ('metric' in c) return `${c.metric} ${c.op} ${c.value}`;
  if ('flag' in c) return `flag ${c.flag} is ${c.is ?? true}`;
  if ('round' in c) return `round ${c.round.op} ${c.round.value}`;
  const json = JSON.stringify(c);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** An interval with open or closed ends, for intersecting comparisons. */
interface Bounds {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

function narrow(b: Bounds, op: Op, v: number): void {
  if ((op === '>' || op === '>=' || op === '==') && (v > b.lo || (v === b.lo && op === '>'))) {
    b.lo = v;
    b.loOpen = op === '>';
  }
  if ((op === '<' || op === '<=' || op === '==') && (v < b.hi || (v === b.hi && op === '<'))) {
    b.hi = v;
    b.hiOpen = op === '<';
  }
}

const isEmpty = (b: Bounds) => b.lo > b.hi || (b.lo === b.hi && (b.loOpen || b.hiOpen));

/** Whether a condition can ever be `want`; null when it can, else why not. */
function possible(f: Facts, c: Condition, want: boolean, path: Path): Reason | null {
  if ('all' in c) {
    if (want) {
      for (let i = 0; i < c.all.length; i++) {
        const r = possible(f, c.all[i] as Condition, true, [...path, 'all', i]);
        if (r) return r;
      }
      return contradiction(f, c.all, [...path, 'all']);
    }
    if (c.all.some((x, i) => possible(f, x, false, [...path, 'all', i]) === null)) return null;
    return { path, text: 'every part of this "all" always holds, so it is never false' };
  }
  if ('any' in c) {
    if (!want) {
      for (let i = 0; i < c.any.length; i++) {
        const r = possible(f, c.any[i] as Condition, false, [...path, 'any', i]);
        if (r) return r;
      }
      return null;
    }
    const reasons: Reason[] = [];
    for (let i = 0; i < c.any.length; i++) {
      const r = possible(f, c.any[i] as Condition, true, [...path, 'any', i]);
      if (!r) return null;
      reasons.push(r);
    }
    if (reasons.length === 1 && reasons[0]) return reasons[0];
    return { path, text: `none of its ${reasons.length} alternatives can hold (first: ${reasons[0]?.text})` };
  }
  if ('not' in c) return possible(f, c.not, !want, [...path, 'not']);
  if ('sustained' in c) {
    if (!want) return null;
    const inner = possible(f, c.sustained, true, [...path, 'sustained']);
    if (inner) return inner;
    // The opening counts as round 0, so a streak can be at most maxRounds + 1 rounds long.
    if (c.rounds > f.s.meta.maxRounds + 1)
      return {
        path: [...path, 'rounds'],
        text: `it must hold for ${c.rounds} rounds, but the game lasts ${f.s.meta.maxRounds}`,
      };
    return null;
  }
  if ('metric' in c) {
    const r = f.metrics.get(c.metric);
    if (!r) return null; // unknown or ill-defined metrics are reported elsewhere
    const op = want ? c.op : NEGATE[c.op];
    if (satisfiable(op, c.value, r)) return null;
    return {
      path,
      text: `metric '${c.metric}' ${f.metricWhy.get(c.metric)}, so "${show(c)}" is ${want ? 'never true' : 'always true'}`,
    };
  }
  if ('flag' in c) {
    const fl = f.flags.get(c.flag);
    if (!fl) return null;
    const value = want === (c.is ?? true);
    if (fl.values.has(value)) return null;
    return {
      path,
      text: `flag '${c.flag}' starts ${fl.start} and no effect sets it ${value}`,
    };
  }
  if ('crossing' in c) {
    const x = f.crossings.get(c.crossing);
    if (!x) return null;
    const status = want ? c.status : c.status === 'open' ? 'closed' : 'open';
    if (x.values.has(status)) return null;
    return {
      path,
      text: `crossing '${c.crossing}' is never ${status}: it starts ${x.start} and no effect makes it ${status}`,
    };
  }
  if ('rung' in c) return rungVerdict(f, [c.rung], want, path);
  if ('mediation' in c) {
    const m = f.mediation;
    const reached: Record<string, boolean> = {
      none: true,
      offered: m.has('offer'),
      accepted: m.has('offer') && m.has('accept'),
      talks: m.has('offer') && m.has('accept'),
      agreement: m.has('offer') && m.has('accept'),
      collapsed: m.has('offer') && (m.has('collapse') || m.has('reject') || m.has('accept')),
    };
    const ok = want ? reached[c.mediation] : c.mediation !== 'none' || m.has('offer');
    if (ok) return null;
    return {
      path,
      text: want
        ? `mediation can never reach "${c.mediation}": no effect makes the moves it needs (offer, accept, …)`
        : 'no effect ever offers mediation, so it is always "none"',
    };
  }
  if ('ceasefire' in c) {
    const holding = f.ceasefire.has('declare') || (f.mediation.has('offer') && f.mediation.has('accept'));
    const ok = want ? c.ceasefire === 'none' || holding : c.ceasefire !== 'none' || holding;
    if (ok) return null;
    return { path, text: 'no effect declares a ceasefire and no mediation can reach an agreement' };
  }
  if ('round' in c) {
    const op = want ? c.round.op : NEGATE[c.round.op];
    for (let r = 1; r <= f.s.meta.maxRounds; r++)
      if (satisfiable(op, c.round.value, { lo: r, hi: r })) return null;
    return {
      path,
      text: `rounds run from 1 to ${f.s.meta.maxRounds}, so "${show(c)}" is ${want ? 'never true' : 'always true'}`,
    };
  }
  if ('taken' in c) return want ? takenVerdict(f, c.taken, path) : null;
  if ('targetKind' in c) {
    if (!want) return null;
    const kinds = new Set(f.s.locations.map((l) => l.kind as string));
    if (!kinds.has(c.targetKind)) return { path, text: `no location is of kind "${c.targetKind}"` };
    return null;
  }
  if ('playedBy' in c) {
    const actor = f.s.actors.find((a) => a.id === c.playedBy.actor);
    if (!actor || actor.playable) return null;
    const person = want === (c.playedBy.is === 'person');
    return person ? { path, text: `actor '${actor.id}' is not playable, so a person never plays it` } : null;
  }
  if ('chance' in c) {
    if (want ? c.chance > 0 : c.chance < 1) return null;
    return { path, text: `its chance is ${c.chance}` };
  }
  return null; // timeUp: false until the last round, then true
}

/** Whether the ladder can be on a rung that satisfies (or fails) every given rung test. */
function rungVerdict(
  f: Facts,
  tests: Extract<Condition, { rung: unknown }>['rung'][],
  want: boolean,
  path: Path,
) {
  const idx = (id: string | undefined) => (id === undefined ? undefined : f.rungIndex.get(id));
  for (const t of tests)
    for (const id of [t.atLeast, t.atMost, t.is]) if (id !== undefined && idx(id) === undefined) return null;
  const matches = (i: number) =>
    tests.every((t) => {
      const least = idx(t.atLeast);
      const most = idx(t.atMost);
      const is = idx(t.is);
      return (
        (least === undefined || i >= least) &&
        (most === undefined || i <= most) &&
        (is === undefined || i === is)
      );
    });
  for (let i = 0; i <= f.maxRung; i++) if (matches(i) === want) return null;
  const top = f.s.ladder[f.maxRung]?.id ?? '';
  return {
    path,
    text:
      tests.length > 1
        ? 'its rung tests contradict each other'
        : `the ladder can climb no higher than rung '${top}', so ${JSON.stringify(tests[0])} is ${want ? 'never true' : 'always true'}`,
  };
}

/** Whether an action can ever have been taken (by an actor). */
function takenVerdict(
  f: Facts,
  t: { action: string; by?: string | undefined; withinRounds?: number | undefined },
  path: Path,
): Reason | null {
  const a = f.actions.get(t.action);
  if (!a) return null;
  if (t.by !== undefined && !a.actors.includes(t.by)) {
    return { path: [...path, 'taken', 'by'], text: `actor '${t.by}' may never take action '${a.id}'` };
  }
  if (t.withinRounds === undefined && f.scripted.has(t.by === undefined ? a.id : `${a.id}>${t.by}`))
    return null;
  if (!a.requires || f.deciding.has(a.id)) return null;
  f.deciding.add(a.id);
  const r = possible(f, a.requires, true, ['actions', f.s.actions.indexOf(a), 'requires']);
  f.deciding.delete(a.id);
  return r ? { path, text: `action '${a.id}' can never be taken: ${r.text}` } : null;
}

/** Leaves reached from a list of conditions through nested "all"s: they must all hold together. */
function conjuncts(list: readonly Condition[], out: Condition[] = []): Condition[] {
  for (const c of list) {
    if ('all' in c) conjuncts(c.all, out);
    else out.push(c);
  }
  return out;
}

/** Simple contradictions among conditions that must hold together. */
function contradiction(f: Facts, list: readonly Condition[], path: Path): Reason | null {
  const leaves = conjuncts(list);
  const seen = new Set(leaves.map((c) => JSON.stringify(c)));
  for (const c of leaves)
    if ('not' in c && seen.has(JSON.stringify(c.not)))
      return { path, text: `it requires both ${show(c.not)} and its negation` };

  const byMetric = new Map<string, Extract<Condition, { metric: string }>[]>();
  const same = new Map<string, Set<string>>(); // tests that allow one value only, by what they test
  const rungs: Extract<Condition, { rung: unknown }>['rung'][] = [];
  const rounds: Extract<Condition, { round: unknown }>[] = [];
  const one = (key: string, value: string) => same.set(key, (same.get(key) ?? new Set()).add(value));
  for (const c of leaves) {
    if ('metric' in c) byMetric.set(c.metric, [...(byMetric.get(c.metric) ?? []), c]);
    else if ('flag' in c) one(`flag '${c.flag}'`, String(c.is ?? true));
    else if ('crossing' in c) one(`crossing '${c.crossing}'`, c.status);
    else if ('mediation' in c) one('mediation', c.mediation);
    else if ('ceasefire' in c) one('ceasefire', c.ceasefire);
    else if ('playedBy' in c) one(`who plays '${c.playedBy.actor}'`, c.playedBy.is);
    else if ('rung' in c) rungs.push(c.rung);
    else if ('round' in c) rounds.push(c);
  }
  for (const [what, values] of same)
    if (values.size > 1) return { path, text: `it requires ${what} to be both ${[...values].join(' and ')}` };
  for (const [id, tests] of byMetric) {
    const r = f.metrics.get(id);
    if (!r || tests.length < 2) continue;
    const b: Bounds = { lo: r.lo, loOpen: false, hi: r.hi, hiOpen: false };
    for (const t of tests) if (t.op !== '!=') narrow(b, t.op, t.value);
    const excluded = tests.some((t) => t.op === '!=' && b.lo === t.value && b.hi === t.value);
    if (isEmpty(b) || excluded)
      return {
        path,
        text: `its tests of metric '${id}' contradict each other: ${tests.map(show).join(', ')}`,
      };
  }
  if (rungs.length > 1 && rungVerdict(f, rungs, true, path))
    return { path, text: 'its rung tests contradict each other' };
  if (rounds.length > 1) {
    let ok = false;
    for (let r = 1; r <= f.s.meta.maxRounds && !ok; r++)
      ok = rounds.every((c) => satisfiable(c.round.op, c.round.value, { lo: r, hi: r }));
    if (!ok) return { path, text: `its round tests contradict each other: ${rounds.map(show).join(', ')}` };
  }
  return null;
}

/** Whether a condition is `{"timeUp": true}`, alone or as one alternative of an "any". */
export const holdsAtTimeUp = (c: Condition): boolean =>
  'timeUp' in c || ('any' in c && c.any.some((x) => 'timeUp' in x && Object.keys(x).length === 1));

/**
 * An ending that is never the one chosen although its condition can hold: an ending that wins over it
 * (a higher priority, or the same and earlier in the file, as src/sim/round.ts picks) always holds, or
 * holds at time up when this one, a fallback, needs time up to hold.
 */
function outranked(f: Facts, i: number): RawProblem | undefined {
  const e = f.s.endings[i];
  if (!e) return undefined;
  const fallback =
    'timeUp' in e.when || ('all' in e.when && conjuncts(e.when.all).some((c) => 'timeUp' in c));
  for (const [j, w] of f.s.endings.entries()) {
    if (j === i || w.priority < e.priority || (w.priority === e.priority && j > i)) continue;
    const always = possible(f, w.when, false, ['endings', j, 'when']) !== null;
    if (!always && !(fallback && holdsAtTimeUp(w.when))) continue;
    return {
      path: ['endings', i, 'when'],
      message:
        `ending '${e.id}' can never happen: ending '${w.id}' (priority ${w.priority}) ` +
        `${always ? 'always holds' : 'holds when time runs out'} and wins over it`,
      expected: `a priority above ${w.priority}, or a condition for '${w.id}' that can be false`,
    };
  }
  return undefined;
}

/**
 * Reports every ending, action requirement, reaction condition and objective that can never hold,
 * given the ranges metrics can reach, the flags and crossings effects can set, and the ladder.
 */
export function checkReachability(s: Scenario): RawProblem[] {
  const f = gather(s);
  const out: RawProblem[] = [];
  const check = (c: Condition | undefined, path: Path, what: string) => {
    if (!c) return;
    const r = possible(f, c, true, path);
    if (r) out.push({ path: r.path, message: `${what}: ${r.text}` });
  };
  s.endings.forEach((e, i) => {
    const before = out.length;
    check(e.when, ['endings', i, 'when'], `ending '${e.id}' can never happen`);
    if (out.length === before) {
      const p = outranked(f, i);
      if (p) out.push(p);
    }
  });
  s.actions.forEach((a, i) => {
    check(a.requires, ['actions', i, 'requires'], `action '${a.id}' can never be taken`);
  });
  // A reaction the opening fires needs no "when" that holds later: the opening fires it regardless.
  const atOpening = new Set(s.opening.reactions);
  s.reactions.forEach((r, i) => {
    if (!atOpening.has(r.id)) check(r.when, ['reactions', i, 'when'], `reaction '${r.id}' can never fire`);
  });
  s.actors.forEach((a, i) => {
    a.objectives.forEach((o, j) => {
      check(
        o.when,
        ['actors', i, 'objectives', j, 'when'],
        `objective '${o.id}' of actor '${a.id}' can never be met`,
      );
    });
  });
  return out;
}
