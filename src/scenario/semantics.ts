// The meaning pass: ids, references, numbers and templates of a scenario whose shape is already valid.
// Whether conditions can ever hold is left to reachability.ts.
import type { RawProblem } from './problem.ts';
import { checkReachability, holdsAtTimeUp } from './reachability.ts';
import { restorePath, type SetAside } from './salvage.ts';
import {
  type Action,
  type Condition,
  type Effect,
  LocationKind,
  type MapEffect,
  type News,
  type Scenario,
} from './schema.ts';
import { suggest } from './suggest.ts';
import { validTargets } from './targets.ts';

export { validTargets };

type Path = (string | number)[];

/** How far the outcome probabilities of an action may stray from 1 (floating-point sums). */
export const PROBABILITY_TOLERANCE = 1e-9;

/** Placeholders a news template may use, besides {claim:ACTOR} (docs/engine-rules.md). */
export const PLACEHOLDERS: readonly string[] = [
  'actor',
  'target',
  'round',
  'date',
  'killed',
  'verified',
  'mediator',
];

/** Collects problems and knows every id of the scenario by kind. */
class Checker {
  readonly problems: RawProblem[] = [];
  readonly actors: Map<string, Scenario['actors'][number]>;
  readonly locations: Map<string, Scenario['locations'][number]>;
  readonly badges: Set<string>;
  readonly metrics: Map<string, Scenario['metrics'][number]>;
  readonly flags: Set<string>;
  readonly rungs: Set<string>;
  readonly actions: Map<string, Action>;
  readonly reactions: Set<string>;
  readonly countries: Set<string>;

  constructor(
    readonly s: Scenario,
    private readonly aside?: SetAside,
  ) {
    // First occurrence wins, so duplicates do not hide the original.
    const index = <T extends { id: string }>(list: readonly T[]) => {
      const m = new Map<string, T>();
      for (const x of list) if (!m.has(x.id)) m.set(x.id, x);
      return m;
    };
    this.actors = index(s.actors);
    this.locations = index(s.locations);
    this.badges = new Set(s.map.badges.map((b) => b.id));
    this.metrics = index(s.metrics);
    this.flags = new Set(s.flags.map((f) => f.id));
    this.rungs = new Set(s.ladder.map((r) => r.id));
    this.actions = index(s.actions);
    this.reactions = new Set(s.reactions.map((r) => r.id));
    this.countries = new Set(s.map.countries.map((c) => c.iso));
  }

  /** A path as it runs in the file, where items set aside for their structure still count. */
  inFile(path: Path): Path {
    return this.aside ? restorePath({ path, message: '' }, this.aside).path : path;
  }

  /** Whether none of these lists lost items to the structure pass, so checks of the whole list hold. */
  whole(...lists: string[]): boolean {
    return !lists.some((l) => this.aside?.lists.has(l));
  }

  report(path: Path, message: string, extra: Omit<RawProblem, 'path' | 'message'> = {}): void {
    this.problems.push({ path, message, ...extra });
  }

  /**
   * Reports `id` unless it is among `known`; suggests the closest known id. Returns whether it is known.
   * The id of an item set aside for its structure is neither known nor reported: its problem is told already.
   */
  ref(
    what: string,
    id: string,
    known: { has(k: string): boolean; keys(): Iterable<string> },
    path: Path,
    of = '',
  ): boolean {
    if (known.has(id)) return true;
    if (this.aside?.ids.has(id)) return false;
    const suggestion = suggest(id, known.keys());
    this.report(path, `unknown ${what} '${id}'${of}`, {
      found: `'${id}'`,
      expected: `the id of ${article(what)} ${what}${of}`,
      ...(suggestion !== undefined ? { suggestion } : {}),
    });
    return false;
  }

  /** Reports every id used twice in a list. */
  unique(what: string, list: readonly { id: string }[], path: Path): void {
    const first = new Map<string, number>();
    list.forEach((x, i) => {
      const at = first.get(x.id);
      if (at === undefined) first.set(x.id, i);
      else
        this.report([...path, i, 'id'], `duplicate ${what} id '${x.id}'`, {
          found: `'${x.id}' again`,
          expected: `a unique id (it is already used by ${pathLabel(this.inFile([...path, at]))})`,
        });
    });
  }

  actor(id: string, path: Path): boolean {
    return this.ref('actor', id, this.actors, path);
  }

  location(id: string, path: Path): boolean {
    return this.ref('location', id, this.locations, path);
  }

  /** A location or an off-map badge. */
  place(id: string, path: Path): boolean {
    if (this.locations.has(id) || this.badges.has(id)) return true;
    return this.ref('location or badge', id, new Set([...this.locations.keys(), ...this.badges]), path);
  }

  crossing(id: string, path: Path): void {
    const loc = this.locations.get(id);
    if (!loc) {
      const crossings = new Map([...this.locations].filter(([, l]) => l.kind === 'crossing'));
      this.ref('crossing', id, crossings, path);
    } else if (loc.kind !== 'crossing')
      this.report(path, `location '${id}' is a ${loc.kind}, not a crossing`, {
        expected: 'a location of kind "crossing"',
        found: `'${id}' (kind "${loc.kind}")`,
      });
  }

  metric(id: string, path: Path): boolean {
    return this.ref('metric', id, this.metrics, path);
  }

  /** A metric of a given role, for references such as an actor's hostility. */
  metricOfRole(id: string, role: string, path: Path): void {
    const m = this.metrics.get(id);
    if (!m) this.metric(id, path);
    else if (m.role !== role)
      this.report(path, `metric '${id}' has role "${m.role}", but this needs a metric of role "${role}"`, {
        expected: `a metric of role "${role}"`,
        found: `'${id}' (role "${m.role}")`,
      });
  }

  country(iso: string, path: Path): void {
    if (this.countries.has(iso)) return;
    this.ref('country', iso, this.countries, path);
  }
}

/** A party to the conflict: an actor whose role is belligerent (the engine's parties). */
const isParty = (a: { role?: string } | undefined) => a?.role === 'belligerent';

const article = (what: string) => (/^[aeiou]/.test(what) ? 'an' : 'a');

/** "actions[2]" for messages. */
function pathLabel(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Checks what a structurally valid scenario means: unique ids, references that resolve, numbers that
 * fit together (probabilities, ranges, the ladder), news placeholders, and conditions that can hold.
 * Returns every problem found, each with the JSON path it is about.
 */
export function checkSemantics(s: Scenario, aside?: SetAside): RawProblem[] {
  const c = new Checker(s, aside);
  checkIds(c);
  checkMap(c);
  checkActors(c);
  checkMetrics(c);
  checkLadder(c);
  checkActions(c);
  checkReactionsAndInjects(c);
  checkEndings(c);
  checkOpening(c);
  checkClauses(c);
  // What can be reached depends on every effect in the file: with items set aside it cannot be told.
  if (!aside) c.problems.push(...checkReachability(s));
  return c.problems;
}

function checkIds(c: Checker): void {
  const s = c.s;
  c.unique('actor', s.actors, ['actors']);
  c.unique('location', s.locations, ['locations']);
  c.unique('badge', s.map.badges, ['map', 'badges']);
  c.unique('border', s.map.borders, ['map', 'borders']);
  c.unique('metric', s.metrics, ['metrics']);
  c.unique('flag', s.flags, ['flags']);
  c.unique('rung', s.ladder, ['ladder']);
  c.unique('action', s.actions, ['actions']);
  c.unique('reaction', s.reactions, ['reactions']);
  c.unique('inject', s.injects, ['injects']);
  c.unique('ending', s.endings, ['endings']);
  c.unique('clause', s.clauses, ['clauses']);
  s.clauses.forEach((k, i) => {
    c.unique(`parameter (within clause '${k.id}')`, k.params, ['clauses', i, 'params']);
  });
  s.actions.forEach((a, i) => {
    c.unique(`outcome (within action '${a.id}')`, a.outcomes, ['actions', i, 'outcomes']);
  });
  s.actors.forEach((a, i) => {
    c.unique(`objective (within actor '${a.id}')`, a.objectives, ['actors', i, 'objectives']);
  });
  // Homes and map cues look places up among locations and badges together.
  s.map.badges.forEach((b, i) => {
    if (c.locations.has(b.id))
      c.report(['map', 'badges', i, 'id'], `badge id '${b.id}' is also a location id`, {
        expected: 'an id no location uses',
      });
  });
  s.ladder.forEach((r, i) => {
    if (r.id === 'up' || r.id === 'down')
      c.report(['ladder', i, 'id'], `a rung may not be called '${r.id}': rung effects use 'up' and 'down'`);
  });
}

function checkMap(c: Checker): void {
  const m = c.s.map;
  const seen = new Map<string, number>();
  m.countries.forEach((country, i) => {
    const at = seen.get(country.iso);
    if (at !== undefined)
      c.report(['map', 'countries', i, 'iso'], `country ${country.iso} is listed twice`, {
        expected: `a country not already listed (it is ${pathLabel(c.inFile(['map', 'countries', at]))})`,
      });
    else seen.set(country.iso, i);
    if (country.actor !== undefined) c.actor(country.actor, ['map', 'countries', i, 'actor']);
  });
  m.borders.forEach((b, i) => {
    b.between.forEach((iso, j) => {
      c.country(iso, ['map', 'borders', i, 'between', j]);
    });
    if (b.between[0] === b.between[1])
      c.report(['map', 'borders', i, 'between'], `border '${b.id}' runs between a country and itself`, {
        expected: 'two different countries',
      });
  });
  m.badges.forEach((b, i) => {
    if (b.actor !== undefined) c.actor(b.actor, ['map', 'badges', i, 'actor']);
  });
  if (m.bounds.west >= m.bounds.east || m.bounds.south >= m.bounds.north)
    c.report(['map', 'bounds'], 'the map bounds are empty: west must be below east and south below north', {
      found: `west ${m.bounds.west}, east ${m.bounds.east}, south ${m.bounds.south}, north ${m.bounds.north}`,
    });
  c.s.locations.forEach((l, i) => {
    c.country(l.country, ['locations', i, 'country']);
    l.claimedBy?.forEach((iso, j) => {
      c.country(iso, ['locations', i, 'claimedBy', j]);
    });
    if (l.open !== undefined && l.kind !== 'crossing')
      c.report(['locations', i, 'open'], `'open' applies only to crossings, and '${l.id}' is a ${l.kind}`);
  });
}

function checkActors(c: Checker): void {
  c.s.actors.forEach((a, i) => {
    const at: Path = ['actors', i];
    c.place(a.home, [...at, 'home']);
    a.against.forEach((x, j) => {
      if (x === a.id)
        c.report([...at, 'against', j], `actor '${a.id}' cannot be against itself`, {
          expected: 'another actor',
        });
      else c.actor(x, [...at, 'against', j]);
    });
    if (a.hostility !== undefined) c.metricOfRole(a.hostility, 'hostility', [...at, 'hostility']);
    a.objectives.forEach((o, j) => {
      checkCondition(c, o.when, [...at, 'objectives', j, 'when']);
    });
  });
}

function checkMetrics(c: Checker): void {
  const s = c.s;
  s.metrics.forEach((m, i) => {
    const at: Path = ['metrics', i];
    if (m.actor !== undefined) c.actor(m.actor, [...at, 'actor']);
    if (m.about !== undefined && c.actor(m.about, [...at, 'about']) && m.role === 'trust')
      if (!isParty(c.actors.get(m.about)))
        c.report(
          [...at, 'about'],
          `actor '${m.about}' is not a party to the conflict, so it holds no trust in a mediator`,
          {
            expected: 'an actor whose role is "belligerent"',
            found: `'${m.about}'`,
          },
        );
    if (
      m.role === 'trust' &&
      m.actor !== undefined &&
      c.actors.has(m.actor) &&
      !c.actors.get(m.actor)?.mediator
    )
      c.report([...at, 'actor'], `actor '${m.actor}' is not a mediator`, {
        expected: 'an actor with a "mediator" section',
        found: `'${m.actor}'`,
      });
    if (!(m.min < m.max))
      c.report([...at, 'max'], `metric '${m.id}': max must be greater than min`, {
        expected: `a number greater than ${m.min}`,
        found: String(m.max),
      });
    else if (m.start < m.min || m.start > m.max)
      c.report([...at, 'start'], `metric '${m.id}': start is outside its range`, {
        expected: `a number from ${m.min} to ${m.max}`,
        found: String(m.start),
      });
  });
  const escalation = s.metrics.filter((m) => m.role === 'escalation');
  if (!c.whole('metrics')) return;
  if (escalation.length === 0)
    c.report(['metrics'], 'no metric has role "escalation": the ladder needs exactly one', {
      expected: 'exactly one metric with role "escalation"',
      found: 'none',
    });
  else if (escalation.length > 1) {
    const second = s.metrics.indexOf(escalation[1] as Scenario['metrics'][number]);
    c.report(['metrics', second, 'role'], 'more than one metric has role "escalation"', {
      expected: 'exactly one metric with role "escalation"',
      found: escalation.map((m) => `'${m.id}'`).join(', '),
    });
  }
}

function checkLadder(c: Checker): void {
  const s = c.s;
  if (!c.whole('ladder', 'metrics')) return;
  const esc = s.metrics.find((m) => m.role === 'escalation');
  s.ladder.forEach((r, i) => {
    const at: Path = ['ladder', i];
    const prev = s.ladder[i - 1];
    if (prev && !(r.enterAt > prev.enterAt))
      c.report([...at, 'enterAt'], `rung '${r.id}': enterAt must be above the rung below ('${prev.id}')`, {
        expected: `a number greater than ${prev.enterAt}`,
        found: String(r.enterAt),
      });
    if (r.leaveBelow > r.enterAt)
      c.report([...at, 'leaveBelow'], `rung '${r.id}': leaveBelow must not be above enterAt`, {
        expected: `a number at most ${r.enterAt}`,
        found: String(r.leaveBelow),
      });
    if (!esc || !(esc.min < esc.max)) return;
    if (r.enterAt > esc.max)
      c.report(
        [...at, 'enterAt'],
        `rung '${r.id}' can never be reached: enterAt ${r.enterAt} is above the maximum of escalation metric '${esc.id}'`,
        { expected: `a threshold from ${esc.min} to ${esc.max}`, found: String(r.enterAt) },
      );
    else if (r.enterAt < esc.min)
      c.report(
        [...at, 'enterAt'],
        `rung '${r.id}': threshold out of range of escalation metric '${esc.id}'`,
        {
          expected: `a threshold from ${esc.min} to ${esc.max}`,
          found: String(r.enterAt),
        },
      );
    if (i > 0 && (r.leaveBelow < esc.min || r.leaveBelow > esc.max))
      c.report(
        [...at, 'leaveBelow'],
        `rung '${r.id}': threshold out of range of escalation metric '${esc.id}'`,
        {
          expected: `a threshold from ${esc.min} to ${esc.max}`,
          found: String(r.leaveBelow),
        },
      );
  });
}

function checkActions(c: Checker): void {
  const s = c.s;
  s.actions.forEach((a, i) => {
    const at: Path = ['actions', i];
    a.actors.forEach((who, j) => {
      c.actor(who, [...at, 'actors', j]);
    });
    const t = a.targets;
    if (t.ids) {
      t.ids.forEach((id, j) => {
        const p = [...at, 'targets', 'ids', j];
        if (t.type === 'actor') c.actor(id, p);
        else if (t.type === 'location') c.location(id, p);
        else c.report(p, `action '${a.id}' takes no target, so it cannot list target ids`);
      });
    }
    t.countries?.forEach((iso, j) => {
      c.country(iso, [...at, 'targets', 'countries', j]);
    });
    if (t.type !== 'none' && c.whole(...TARGET_LISTS) && validTargets(a, s).length === 0)
      c.report([...at, 'targets'], `action '${a.id}' has no valid target: no ${t.type} matches its targets`, {
        expected: `at least one ${t.type} it can be aimed at`,
      });
    if (a.requires) checkCondition(c, a.requires, [...at, 'requires']);
    a.cost.forEach((k, j) => {
      c.metric(k.metric, [...at, 'cost', j, 'metric']);
    });
    let sum = 0;
    a.outcomes.forEach((o, j) => {
      const op: Path = [...at, 'outcomes', j];
      sum += o.probability;
      checkEffects(c, o.effects, [...op, 'effects']);
      if (o.news) checkNews(c, o.news, [...op, 'news']);
      checkMapCues(c, o.map, [...op, 'map']);
    });
    if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE)
      c.report(
        [...at, 'outcomes'],
        `the probabilities of the outcomes of action '${a.id}' sum to ${round(sum)}`,
        {
          expected: 'a sum of 1',
          found: a.outcomes.map((o) => String(o.probability)).join(' + '),
        },
      );
  });
}

/** The lists an action's targets are drawn from. */
const TARGET_LISTS = ['actors', 'locations', 'map.countries'];

const round = (n: number) => Number(n.toPrecision(12));

function checkReactionsAndInjects(c: Checker): void {
  c.s.reactions.forEach((r, i) => {
    const at: Path = ['reactions', i];
    c.actor(r.actor, [...at, 'actor']);
    checkCondition(c, r.when, [...at, 'when']);
    checkEffects(c, r.effects, [...at, 'effects']);
    if (r.news) checkNews(c, r.news, [...at, 'news']);
    checkMapCues(c, r.map, [...at, 'map']);
  });
  c.s.injects.forEach((inj, i) => {
    const at: Path = ['injects', i];
    checkEffects(c, inj.effects, [...at, 'effects']);
    checkNews(c, inj.news, [...at, 'news']);
    checkMapCues(c, inj.map, [...at, 'map']);
  });
}

function checkEndings(c: Checker): void {
  c.s.endings.forEach((e, i) => {
    checkCondition(c, e.when, ['endings', i, 'when']);
    for (const key of Object.keys(e.scores)) c.actor(key, ['endings', i, 'scores', key]);
    checkTemplate(c, e.description, ['endings', i, 'description'], 'ending');
  });
  if (c.whole('endings') && !c.s.endings.some((e) => holdsAtTimeUp(e.when)))
    c.report(['endings'], 'no ending holds when time runs out', {
      expected: 'an ending whose "when" is {"timeUp": true}, alone or inside an "any"',
      found: 'none',
    });
}

function checkOpening(c: Checker): void {
  const s = c.s;
  s.opening.script.forEach((step, i) => {
    const at: Path = ['opening', 'script', i];
    const actorOk = c.actor(step.actor, [...at, 'actor']);
    if (!c.ref('action', step.action, c.actions, [...at, 'action'])) return;
    const a = c.actions.get(step.action) as Action;
    if (actorOk && !a.actors.includes(step.actor))
      c.report([...at, 'actor'], `actor '${step.actor}' may not take action '${a.id}'`, {
        expected: `one of ${a.actors.map((x) => `'${x}'`).join(', ')}`,
        found: `'${step.actor}'`,
      });
    c.ref(
      'outcome',
      step.outcome,
      new Set(a.outcomes.map((o) => o.id)),
      [...at, 'outcome'],
      ` of action '${a.id}'`,
    );
    const targets = validTargets(a, s);
    if (a.targets.type === 'none') {
      if (step.target !== undefined)
        c.report([...at, 'target'], `action '${a.id}' takes no target`, { found: `'${step.target}'` });
    } else if (step.target === undefined) {
      c.report(at, `action '${a.id}' needs a target (a ${a.targets.type})`, {
        expected: targets.length > 0 ? `"target": one of ${listIds(targets)}` : `a ${a.targets.type}`,
      });
    } else if (c.whole(...TARGET_LISTS) && !targets.includes(step.target)) {
      const suggestion = suggest(step.target, targets);
      c.report([...at, 'target'], `'${step.target}' is not a valid target of action '${a.id}'`, {
        expected: `one of ${listIds(targets)}`,
        found: `'${step.target}'`,
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
    }
  });
  s.opening.reactions.forEach((id, i) => {
    c.ref('reaction', id, c.reactions, ['opening', 'reactions', i]);
  });
}

/** Checks the clauses: parameters and their defaults, wording, mechanics, mediators, violations and values. */
function checkClauses(c: Checker): void {
  c.s.clauses.forEach((k, i) => {
    const at: Path = ['clauses', i];
    k.params.forEach((p, j) => {
      checkClauseParam(c, p, [...at, 'params', j]);
    });
    for (const m of k.text.matchAll(/\{([^{}]*)\}/g)) {
      const name = m[1] ?? '';
      if (name === 'mediator' || k.params.some((p) => p.id === name)) continue;
      const s = suggest(name, ['mediator', ...k.params.map((p) => p.id)]);
      c.report([...at, 'text'], `unknown placeholder {${name}} in clause '${k.id}'`, {
        expected: `{mediator} or a parameter of the clause (${k.params.map((p) => `{${p.id}}`).join(' ') || 'none'})`,
        found: `{${name}}`,
        ...(s !== undefined ? { suggestion: `{${s}}` } : {}),
      });
    }
    if (k.mechanics.includes('trade') && !k.params.some((p) => p.kind === 'crossings'))
      c.report([...at, 'mechanics'], `clause '${k.id}' reopens crossings but has no crossings parameter`, {
        expected: 'a parameter of kind "crossings"',
      });
    if (k.mechanics.includes('talks')) {
      const venue = k.params.find((p) => p.kind === 'place');
      if (!venue)
        c.report(
          [...at, 'mechanics'],
          `clause '${k.id}' opens talks but has no place parameter (the venue)`,
          {
            expected: 'a parameter of kind "place"',
          },
        );
      else if (c.whole('actors')) {
        const homes = new Set(c.s.actors.filter((a) => a.mediator).map((a) => a.home));
        const j = k.params.indexOf(venue);
        (venue.options ?? []).forEach((o, n) => {
          if (!homes.has(o))
            c.report([...at, 'params', j, 'options', n], `venue '${o}' is not the home of any mediator`, {
              expected: `the home of a mediator: ${listIds([...homes])}`,
              found: `'${o}'`,
            });
        });
      }
    }
    checkEffects(c, k.effects, [...at, 'effects']);
    if (k.mediators !== undefined) {
      if (k.from !== 'mediator')
        c.report([...at, 'mediators'], `clause '${k.id}' lists mediators but is proposed by a party`, {
          expected: '"from": "mediator", or no "mediators"',
        });
      k.mediators.forEach((m, j) => {
        if (c.actor(m, [...at, 'mediators', j]) && !c.actors.get(m)?.mediator)
          c.report([...at, 'mediators', j], `actor '${m}' is not a mediator`, {
            expected: 'an actor with a "mediator" section',
            found: `'${m}'`,
          });
      });
    }
    k.violatedBy.actions.forEach((a, j) => {
      c.ref('action', a, c.actions, [...at, 'violatedBy', 'actions', j]);
    });
    k.violatedBy.reactions.forEach((r, j) => {
      const path = [...at, 'violatedBy', 'reactions', j];
      if (!c.ref('reaction', r, c.reactions, path)) return;
      const by = c.s.reactions.find((x) => x.id === r)?.actor ?? '';
      // An unknown actor is reported on the reaction itself.
      const a = c.actors.get(by);
      if (a && !isParty(a))
        c.report(
          path,
          `reaction '${r}' is by '${by}', not a party to the conflict, so it can never break the clause`,
          {
            expected: 'a reaction whose actor is a party (role "belligerent")',
            found: `'${r}' (by '${by}')`,
          },
        );
    });
    for (const who of Object.keys(k.value)) {
      if (!c.actor(who, [...at, 'value', who])) continue;
      if (!isParty(c.actors.get(who)))
        c.report([...at, 'value', who], `actor '${who}' is not a party to the conflict`, {
          expected: 'an actor whose role is "belligerent"',
          found: `'${who}'`,
        });
    }
  });
}

/** A clause parameter: options of the right kind, a sane range, and a default that fits. */
function checkClauseParam(c: Checker, p: Scenario['clauses'][number]['params'][number], at: Path): void {
  const needsOptions = p.kind === 'crossings' || p.kind === 'place';
  if (needsOptions && (!p.options || p.options.length === 0))
    c.report(at, `parameter '${p.id}' of kind "${p.kind}" needs "options"`, {
      expected: 'a non-empty list of ids',
    });
  if (!needsOptions && p.options !== undefined)
    c.report([...at, 'options'], `parameter '${p.id}' of kind "${p.kind}" takes no options`);
  (p.options ?? []).forEach((o, j) => {
    if (p.kind === 'crossings') c.crossing(o, [...at, 'options', j]);
    else if (p.kind === 'place') c.place(o, [...at, 'options', j]);
  });
  if (p.min !== undefined && p.max !== undefined && p.min > p.max)
    c.report([...at, 'max'], `parameter '${p.id}': max is below min`, { found: `${p.min} to ${p.max}` });
  if (p.kind === 'rounds' && p.min !== undefined && p.min < 1)
    c.report([...at, 'min'], `parameter '${p.id}': a duration is at least 1 round`, { found: String(p.min) });
  const d = p.default;
  const numeric = p.kind === 'round' || p.kind === 'rounds' || p.kind === 'number';
  let problem: string | null = null;
  if (numeric) {
    if (typeof d !== 'number') problem = 'a number';
    else if (p.kind !== 'round' && ((p.min !== undefined && d < p.min) || (p.max !== undefined && d > p.max)))
      problem = `a number from ${p.min ?? '−∞'} to ${p.max ?? '∞'}`;
    else if (p.kind !== 'number' && (!Number.isInteger(d) || d < 0)) problem = 'a whole number, 0 or more';
  } else if (p.kind === 'place') {
    if (typeof d !== 'string' || !(p.options ?? []).includes(d)) problem = 'one of its options';
  } else if (!Array.isArray(d) || d.length === 0 || d.some((x) => !(p.options ?? []).includes(x)))
    problem = 'a non-empty list of its options';
  if (problem)
    c.report([...at, 'default'], `parameter '${p.id}': the default does not fit its kind "${p.kind}"`, {
      expected: problem,
      found: JSON.stringify(d),
    });
}

const listIds = (ids: readonly string[]) =>
  ids.length > 8
    ? `${ids
        .slice(0, 8)
        .map((x) => `'${x}'`)
        .join(', ')}, … (${ids.length} in all)`
    : ids.map((x) => `'${x}'`).join(', ');

/** Checks every reference in a condition, recursively. */
function checkCondition(c: Checker, cond: Condition, path: Path): void {
  if ('all' in cond)
    cond.all.forEach((x, i) => {
      checkCondition(c, x, [...path, 'all', i]);
    });
  else if ('any' in cond)
    cond.any.forEach((x, i) => {
      checkCondition(c, x, [...path, 'any', i]);
    });
  else if ('not' in cond) checkCondition(c, cond.not, [...path, 'not']);
  else if ('sustained' in cond) {
    checkCondition(c, cond.sustained, [...path, 'sustained']);
  } else if ('metric' in cond) c.metric(cond.metric, [...path, 'metric']);
  else if ('rung' in cond) {
    const r = cond.rung;
    if (r.atLeast === undefined && r.atMost === undefined && r.is === undefined)
      c.report([...path, 'rung'], 'a rung condition needs "atLeast", "atMost" or "is"');
    for (const k of ['atLeast', 'atMost', 'is'] as const) {
      const id = r[k];
      if (id !== undefined) c.ref('rung', id, c.rungs, [...path, 'rung', k]);
    }
  } else if ('flag' in cond) c.ref('flag', cond.flag, c.flags, [...path, 'flag']);
  else if ('crossing' in cond) c.crossing(cond.crossing, [...path, 'crossing']);
  else if ('taken' in cond) {
    const t = cond.taken;
    const ok = c.ref('action', t.action, c.actions, [...path, 'taken', 'action']);
    if (t.by !== undefined && c.actor(t.by, [...path, 'taken', 'by']) && ok) {
      const a = c.actions.get(t.action) as Action;
      if (!a.actors.includes(t.by))
        c.report([...path, 'taken', 'by'], `actor '${t.by}' may never take action '${a.id}'`, {
          expected: `one of ${listIds(a.actors)}`,
          found: `'${t.by}'`,
        });
    }
  } else if ('compare' in cond) {
    c.metric(cond.compare.metric, [...path, 'compare', 'metric']);
    c.metric(cond.compare.than, [...path, 'compare', 'than']);
  } else if ('engaged' in cond) {
    if (c.actor(cond.engaged, [...path, 'engaged']) && !c.actors.get(cond.engaged)?.mediator)
      c.report([...path, 'engaged'], `actor '${cond.engaged}' is not a mediator`, {
        expected: 'an actor with a "mediator" section',
        found: `'${cond.engaged}'`,
      });
  } else if ('text' in cond) {
    if (cond.text.by !== undefined) c.actor(cond.text.by, [...path, 'text', 'by']);
  } else if ('playedBy' in cond) c.actor(cond.playedBy.actor, [...path, 'playedBy', 'actor']);
  else if ('pressure' in cond) c.actor(cond.pressure.by, [...path, 'pressure', 'by']);
  else if ('targetKind' in cond) {
    const kinds: readonly string[] = LocationKind.options;
    if (!kinds.includes(cond.targetKind))
      c.ref('location kind', cond.targetKind, new Set(kinds), [...path, 'targetKind']);
  }
}

/** Checks every reference in a list of effects. */
function checkEffects(c: Checker, effects: readonly Effect[], path: Path): void {
  effects.forEach((e, i) => {
    const at: Path = [...path, i];
    if ('metric' in e) {
      c.metric(e.metric, [...at, 'metric']);
      if (e.add === undefined && e.set === undefined && e.scale === undefined)
        c.report(at, `effect on metric '${e.metric}' changes nothing`, {
          expected: '"add", "set" or "scale"',
        });
    } else if ('casualties' in e) {
      const k = e.casualties;
      c.actor(k.side, [...at, 'casualties', 'side']);
      if (k.killed[0] > k.killed[1])
        c.report([...at, 'casualties', 'killed'], 'the range of people killed is reversed', {
          expected: '[min, max] with min ≤ max',
          found: JSON.stringify(k.killed),
        });
      for (const [claimant, range] of Object.entries(k.claims)) {
        c.actor(claimant, [...at, 'casualties', 'claims', claimant]);
        if (range[0] > range[1])
          c.report([...at, 'casualties', 'claims', claimant], 'the claim factor range is reversed', {
            expected: '[min, max] with min ≤ max',
            found: JSON.stringify(range),
          });
      }
      if (k.location !== undefined) c.location(k.location, [...at, 'casualties', 'location']);
    } else if ('crossing' in e) c.crossing(e.crossing, [...at, 'crossing']);
    else if ('flag' in e) c.ref('flag', e.flag, c.flags, [...at, 'flag']);
    else if ('rung' in e) {
      if (e.rung !== 'up' && e.rung !== 'down') c.ref('rung', e.rung, c.rungs, [...at, 'rung']);
    } else if ('mediation' in e) {
      if (e.mediator !== undefined && c.actor(e.mediator, [...at, 'mediator'])) {
        if (!c.actors.get(e.mediator)?.mediator)
          c.report([...at, 'mediator'], `actor '${e.mediator}' is not a mediator`, {
            expected: 'an actor with a "mediator" section',
            found: `'${e.mediator}'`,
          });
      }
    }
  });
}

/** Map cues name places by id, or 'actor' / 'target' (both documented for `from` and `at`). */
function checkMapCues(c: Checker, cues: readonly MapEffect[], path: Path): void {
  cues.forEach((m, i) => {
    if (m.from !== undefined && m.from !== 'actor') c.place(m.from, [...path, i, 'from']);
    if (m.at !== 'target' && m.at !== 'actor') c.place(m.at, [...path, i, 'at']);
  });
}

/** Reports placeholders the engine does not know, and {claim:X} with an unknown actor. */
function checkNews(c: Checker, news: News, path: Path): void {
  for (const field of ['headline', 'body'] as const) {
    const text = news[field];
    if (text !== undefined) checkTemplate(c, text, [...path, field], 'news');
  }
}

/** Placeholders that stand for a number, and so may carry plural forms: `{killed|person|people}`. */
const COUNTED: readonly string[] = ['round', 'killed', 'verified'];

/** Placeholders an ending description may use, besides {metric:ID}: the game is over, so no actor or toll. */
export const ENDING_PLACEHOLDERS: readonly string[] = ['round', 'date'];

/** News templates take the event's placeholders and {claim:ACTOR}; ending descriptions the final {metric:ID}. */
function checkTemplate(c: Checker, text: string, path: Path, where: 'news' | 'ending'): void {
  const plain = where === 'news' ? PLACEHOLDERS : ENDING_PLACEHOLDERS;
  const prefixed = where === 'news' ? 'claim' : 'metric';
  const expected = `one of ${plain.map((p) => `{${p}}`).join(' ')} {${prefixed}:${where === 'news' ? 'ACTOR' : 'ID'}}`;
  for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
    const [name = '', ...forms] = (m[1] ?? '').split('|');
    const ref = /^(claim|metric):(.*)$/.exec(name);
    if (forms.length > 0) {
      const counted = COUNTED.includes(name) || ref !== null;
      if (forms.length !== 2 || forms.some((f) => f.trim() === ''))
        c.report(path, `placeholder {${m[1]}} has plural forms written wrongly`, {
          expected: `{${name}|ONE|MANY}, e.g. {killed|person|people}: the noun for 1, then for any other number`,
          found: `{${m[1]}}`,
        });
      else if (!counted && plain.includes(name))
        c.report(path, `placeholder {${name}} is not a number, so it takes no plural forms`, {
          expected: `plural forms only on ${COUNTED.map((p) => `{${p}|…|…}`).join(' ')} {claim:ACTOR|…|…} {metric:ID|…|…}`,
          found: `{${m[1]}}`,
        });
    }
    if (plain.includes(name)) continue;
    if (ref?.[1] === prefixed) {
      if (prefixed === 'claim') checkClaimant(c, ref[2] ?? '', path);
      else checkQuotedMetric(c, ref[2] ?? '', path);
      continue;
    }
    const elsewhere = where === 'news' ? 'an ending description' : 'a news template';
    if (ref !== null || (where === 'ending' && PLACEHOLDERS.includes(name))) {
      c.report(path, `placeholder {${name}} belongs in ${elsewhere}, not here`, {
        expected,
        found: `{${name}}`,
      });
      continue;
    }
    const s = suggest(name, [...plain, prefixed]);
    const hint = s === prefixed ? `{${prefixed}:${where === 'news' ? 'ACTOR' : 'ID'}}` : `{${s}}`;
    c.report(path, `unknown placeholder {${name}}`, {
      expected,
      found: `{${name}}`,
      ...(s !== undefined ? { suggestion: hint } : {}),
    });
  }
}

/** {claim:X}: X must be an actor. */
function checkClaimant(c: Checker, who: string, path: Path): void {
  if (c.actors.has(who)) return;
  const s = suggest(who, c.actors.keys());
  c.report(path, `placeholder {claim:${who}} names an unknown actor '${who}'`, {
    expected: '{claim:ACTOR} with ACTOR an actor id',
    found: `{claim:${who}}`,
    ...(s !== undefined ? { suggestion: `{claim:${s}}` } : {}),
  });
}

/** {metric:X}: X must be a public metric, since the ending shows to every player. */
function checkQuotedMetric(c: Checker, id: string, path: Path): void {
  const metric = c.metrics.get(id);
  if (metric === undefined) {
    const s = suggest(id, c.metrics.keys());
    c.report(path, `placeholder {metric:${id}} names an unknown metric '${id}'`, {
      expected: '{metric:ID} with ID a metric id',
      found: `{metric:${id}}`,
      ...(s !== undefined ? { suggestion: `{metric:${s}}` } : {}),
    });
  } else if (!metric.public)
    c.report(path, `placeholder {metric:${id}} quotes a hidden metric, which players never see`, {
      expected: '{metric:ID} with ID a metric whose "public" is true',
      found: `{metric:${id}}`,
    });
}
