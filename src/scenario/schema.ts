// The scenario format in one place (with effect-schema.ts, the part events share). Types, runtime checks
// and scenarios/scenario.schema.json all come from here; docs/scenario-format.md is checked against the descriptions.
import * as z from 'zod';
import { Effect, id, MapEffect, MediationPhase, News, ref, text } from './effect-schema.ts';

export { Effect, MapEffect, MediationPhase, News };

/** The format version this build reads. Bump on any breaking change to the format. */
export const FORMAT_VERSION = 2;

const prob = z.number().min(0).max(1);

/** Kinds of location; the map draws a different icon for each. */
export const LocationKind = z
  .enum(['capital', 'city', 'province', 'military-post', 'crossing', 'airbase', 'camp', 'other'])
  .describe('What kind of place it is.');

// ---------- expressions ----------

/** Hints an action gives the engine's rules (docs/engine-rules.md). */
export const ActionTag = z
  .enum(['strike', 'capital-threshold', 'ceasefire-violation', 'spoiler', 'internal'])
  .describe('A hint for the engine’s rules.');

/** Comparison operators of metric and round conditions. */
export const CompareOp = z.enum(['<', '<=', '>', '>=', '==', '!=']).describe('Comparison operator.');

/** A condition a designer writes; every id in it is checked by the validator. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { metric: string; op: z.infer<typeof CompareOp>; value: number }
  | { compare: { metric: string; op: z.infer<typeof CompareOp>; than: string } }
  | { engaged: string }
  | { text: { status: TextStatus; by?: string } }
  | { rung: { atLeast?: string; atMost?: string; is?: string } }
  | { mediation: MediationPhase }
  | { ceasefire: 'none' | 'holding' | 'broken' }
  | { round: { op: z.infer<typeof CompareOp>; value: number } }
  | { timeUp: true }
  | { flag: string; is?: boolean }
  | { crossing: string; status: 'open' | 'closed' }
  | { taken: { action: string; by?: string; withinRounds?: number } }
  | { targetKind: string }
  | { playedBy: { actor: string; is: 'person' | 'computer' } }
  | { pressure: { by: string; withinRounds: number; atLeast: number } }
  | { agreement: { rounds: number; via?: 'mediator' | 'direct' } }
  | { sustained: Condition; rounds: number }
  | { chance: number };

/** Where a negotiated text stands: on the table (proposed, not yet signed), signed (ever), or signed and in force. */
export const TextStatus = z
  .enum(['proposed', 'signed', 'in-force'])
  .describe(
    'proposed: a text is on the table, unsigned; signed: a text has been signed (even if it later collapsed); in-force: a signed text is in force.',
  );
export type TextStatus = z.infer<typeof TextStatus>;

// The union is built once: a lazy getter that built a new tree per call would never end.
export const Condition: z.ZodType<Condition> = z.lazy(() => ConditionUnion);
const ConditionUnion: z.ZodType<Condition> = z
  .union([
    z.strictObject({
      all: z.array(Condition).min(1).describe('True when every condition in the list is true.'),
    }),
    z.strictObject({ any: z.array(Condition).min(1).describe('True when at least one condition is true.') }),
    z.strictObject({ not: Condition.describe('True when this condition is false.') }),
    z.strictObject({
      metric: ref('a metric').describe('The metric to compare.'),
      op: CompareOp,
      value: z.number().describe('The number the metric is compared with.'),
    }),
    z.strictObject({
      compare: z
        .strictObject({
          metric: ref('a metric').describe('The metric on the left.'),
          op: CompareOp,
          than: ref('a metric').describe('The metric on the right.'),
        })
        .describe(
          'True when one metric compares so with another (e.g. one party’s trust in a mediator above the other’s).',
        ),
    }),
    z.strictObject({
      engaged: ref('a mediator actor').describe(
        'True when this mediator is engaged: its offer or talks are under way, it carries the text on the table, or it guarantees or monitors a text in force.',
      ),
    }),
    z.strictObject({
      text: z
        .strictObject({
          status: TextStatus,
          by: ref('an actor')
            .optional()
            .describe(
              'Only a text this actor is a party to (proposed), or signed (as a party, guarantor or monitor).',
            ),
        })
        .describe('A test of the negotiated text.'),
    }),
    z.strictObject({
      rung: z
        .strictObject({
          atLeast: ref('a rung').optional().describe('True when the current rung is this rung or above.'),
          atMost: ref('a rung').optional().describe('True when the current rung is this rung or below.'),
          is: ref('a rung').optional().describe('True when the current rung is exactly this rung.'),
        })
        .describe('A test of the current rung of the escalation ladder.'),
    }),
    z.strictObject({ mediation: MediationPhase.describe('True when mediation is in this phase.') }),
    z.strictObject({
      ceasefire: z.enum(['none', 'holding', 'broken']).describe('True when the ceasefire is in this state.'),
    }),
    z.strictObject({
      round: z
        .strictObject({
          op: CompareOp,
          value: z.number().int().describe('A round number (the first round is 1).'),
        })
        .describe('A test of the current round number.'),
    }),
    z.strictObject({
      timeUp: z.literal(true).describe('True once the last round (meta.maxRounds) has been played.'),
    }),
    z.strictObject({
      flag: ref('a flag').describe('A flag set by an effect.'),
      is: z.boolean().optional().describe('The value tested; true when omitted.'),
    }),
    z.strictObject({
      crossing: ref('a location of kind crossing').describe('A border crossing.'),
      status: z.enum(['open', 'closed']).describe('True when the crossing has this status.'),
    }),
    z.strictObject({
      taken: z
        .strictObject({
          action: ref('an action').describe('The action looked for.'),
          by: ref('an actor').optional().describe('Only when taken by this actor.'),
          withinRounds: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Only when taken in the last N rounds, this round included; ever when omitted.'),
        })
        .describe('True when an action has been taken (resolved), optionally by one actor, recently.'),
    }),
    z.strictObject({
      targetKind: LocationKind.describe(
        'True when this round saw a strike on a location of this kind (for example "capital").',
      ),
    }),
    z.strictObject({
      playedBy: z
        .strictObject({
          actor: ref('an actor').describe('The actor whose seat is tested.'),
          is: z.enum(['person', 'computer']).describe('Who plays the actor.'),
        })
        .describe('True when the actor is played by a person, or by the computer.'),
    }),
    z.strictObject({
      pressure: z
        .strictObject({
          by: ref('an actor').describe('The actor applying the pressure.'),
          withinRounds: z
            .number()
            .int()
            .min(1)
            .describe('Over the last N rounds, this round included; the historical opening never counts.'),
          atLeast: z
            .number()
            .min(0)
            .describe('The least summed hostile weight (−Goldstein) of its actions over those rounds.'),
        })
        .describe(
          'True when the actor has pressed those it is against in recent rounds: its hostile actions, weighed on the Goldstein scale, add up to at least this much. Use it so that an ending about coercion needs coercion played in the game, not inherited from the opening.',
        ),
    }),
    z.strictObject({
      agreement: z
        .strictObject({
          rounds: z
            .number()
            .int()
            .min(1)
            .describe('For how many rounds, this one included, the signed text has been in force.'),
          via: z
            .enum(['mediator', 'direct'])
            .optional()
            .describe(
              'Only a text reached through a mediator, or only one negotiated directly; either when omitted.',
            ),
        })
        .describe(
          'True when a text signed by all its parties is in force and has been for this many rounds, with no breach of its ceasefire since it was signed.',
        ),
    }),
    z.strictObject({
      sustained: Condition.describe('The condition that must have held.'),
      rounds: z
        .number()
        .int()
        .min(1)
        .describe('For how many consecutive rounds, up to and including this one.'),
    }),
    z.strictObject({ chance: prob.describe('True with this probability, drawn from the seeded generator.') }),
  ])
  .meta({ id: 'Condition', description: 'A condition: a test of the state of the game.' });

const Outcome = z
  .strictObject({
    id: ref('this outcome, unique within its action'),
    probability: prob.describe('The chance of this outcome; the outcomes of an action sum to 1.'),
    effects: z.array(Effect).default([]).describe('Effects applied when this outcome happens, in order.'),
    news: News.optional(),
    map: z.array(MapEffect).default([]).describe('What the map draws.'),
  })
  .describe('One possible result of an action.');

// ---------- sections ----------

const Source = z
  .strictObject({
    title: text('The title of the source.'),
    publisher: text('Who published it.'),
    date: z.iso.date().describe('When it was published (YYYY-MM-DD).'),
    url: z.url({ protocol: /^https?$/ }).describe('Where to read it (http or https).'),
  })
  .describe('A source the scenario rests on.');

const Meta = z
  .strictObject({
    id: ref('this scenario'),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/)
      .describe('The scenario’s own version (semver); saves record it.'),
    title: text('The title shown to players.').max(160),
    summary: text('A short summary shown when choosing a scenario.'),
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
      .describe('The language of its text (BCP 47, e.g. "en").'),
    start: z.iso.datetime({ offset: true }).describe('The date and time the first round begins (ISO 8601).'),
    hoursPerRound: z
      .number()
      .positive()
      .max(8760)
      .describe('How many hours of the crisis one round stands for.'),
    maxRounds: z.number().int().min(1).max(200).describe('The last round; time runs out after it.'),
    actionsPerRound: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(1)
      .describe('How many actions each role takes a round.'),
    disclaimer: text('What is history and what is simulation, shown on every screen.'),
    sources: z.array(Source).default([]).describe('The sources the scenario rests on.'),
  })
  .describe('What the scenario is.');

const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const MapSection = z
  .strictObject({
    bounds: z
      .strictObject({
        west: z.number().min(-180).max(180).describe('Western edge, degrees longitude.'),
        south: z.number().min(-90).max(90).describe('Southern edge, degrees latitude.'),
        east: z.number().min(-180).max(180).describe('Eastern edge, degrees longitude.'),
        north: z.number().min(-90).max(90).describe('Northern edge, degrees latitude.'),
      })
      .describe('The region shown.'),
    countries: z
      .array(
        z
          .strictObject({
            iso: z
              .string()
              .regex(/^\d{3}$/)
              .describe('ISO 3166-1 numeric code, as Natural Earth and world-atlas use (e.g. "004").'),
            name: text('The name drawn on the map.').max(80),
            actor: ref('the actor that governs it').optional(),
          })
          .describe('A country drawn on the map.'),
      )
      .min(1)
      .describe('The countries drawn; their neighbours are drawn greyed.'),
    borders: z
      .array(
        z
          .strictObject({
            id: ref('this border'),
            name: text('Its name, e.g. "Durand Line".').max(80),
            between: z
              .tuple([z.string().regex(/^\d{3}$/), z.string().regex(/^\d{3}$/)])
              .describe('The two countries (ISO numeric) whose shared border is highlighted.'),
          })
          .describe('A border to highlight.'),
      )
      .default([])
      .describe('Borders to highlight.'),
    badges: z
      .array(
        z
          .strictObject({
            id: ref('this badge'),
            name: text('The label, e.g. "Doha".').max(80),
            actor: ref('the actor it stands for').optional(),
            position: LonLat.describe(
              'Its real [longitude, latitude]; it is pinned to the map edge in that direction.',
            ),
          })
          .describe('An off-map place shown as a badge at the edge of the map.'),
      )
      .default([])
      .describe('Off-map badges: mediators’ capitals, UN headquarters.'),
  })
  .describe('The map.');

const Location = z
  .strictObject({
    id: ref('this location'),
    name: text('Its name.').max(80),
    kind: LocationKind,
    lat: z.number().min(-90).max(90).describe('Latitude in degrees.'),
    lon: z.number().min(-180).max(180).describe('Longitude in degrees.'),
    country: z
      .string()
      .regex(/^\d{3}$/)
      .describe('ISO 3166-1 numeric code of the country it lies in.'),
    open: z.boolean().optional().describe('For a crossing: whether it is open at the start (default true).'),
    claimedBy: z
      .array(z.string().regex(/^\d{3}$/))
      .optional()
      .describe(
        'For a disputed place: the other countries (ISO numeric) that claim it; an action aimed at a claimant’s places may aim at it too.',
      ),
  })
  .describe('A place on the map.');

const Objective = z
  .strictObject({
    id: ref('this objective, unique within its actor'),
    description: text('What the role wants, as shown in its brief.'),
    when: Condition.describe('The objective is met when this holds at the end.'),
    points: z.number().int().min(-100).max(100).describe('Points scored when it is met.'),
  })
  .describe('An objective scored at the end of the game.');

/** What part an actor plays: the parties are the belligerents; the others act on them (docs/engine-rules.md). */
export const ActorRole = z
  .enum(['belligerent', 'mediator', 'great-power', 'organisation', 'spoiler'])
  .describe(
    'Its part in the crisis: a belligerent is a party to the conflict (it negotiates and signs texts); a mediator drafts and carries texts; a great power and an organisation press, aid and speak; a spoiler fights outside any text. Computer players play each kind in its own way.',
  );
export type ActorRole = z.infer<typeof ActorRole>;

const Actor = z
  .strictObject({
    id: ref('this actor'),
    name: text('Its name. Officials are referred to by their office.').max(80),
    kind: z.enum(['state', 'armed-group', 'mediator', 'organisation']).describe('What kind of actor it is.'),
    role: ActorRole,
    playable: z.boolean().describe('Whether a person can play it (a computer player takes it otherwise).'),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .describe('Its colour on the map and in charts (#rrggbb).'),
    home: ref('a location or badge').describe('Where its envoys and strikes start from.'),
    against: z
      .array(id)
      .default([])
      .describe(
        'The actors it is in conflict with: their hostile acts feed its hostility, and it answers them (computer players).',
      ),
    hostility: ref('a metric')
      .optional()
      .describe('The metric holding its hostility towards those it is against.'),
    mediator: z
      .strictObject({
        leverage: prob.describe('How directive it can be (0 purely facilitative, 1 strong leverage).'),
      })
      .optional()
      .describe(
        'Set when the actor can mediate: it may draft texts, carry them between the parties, and guarantee or monitor them. Each party’s trust in it is a metric of role "trust" (actor: the mediator, about: the party).',
      ),
    objectives: z.array(Objective).default([]).describe('Objectives scored at the end.'),
    briefing: text('The private briefing for whoever plays it.').optional(),
  })
  .describe('A party to the crisis.');

/** What a metric stands for; the engine's rules use these roles, never metric ids. */
export const MetricRole = z
  .enum([
    'escalation',
    'hostility',
    'casualties-true',
    'casualties-claimed',
    'casualties-verified',
    'humanitarian',
    'standing',
    'trade',
    'trust',
    'pain',
    'other',
  ])
  .describe('What the metric stands for; the engine’s rules find metrics by role.');

const Metric = z
  .strictObject({
    id: ref('this metric'),
    name: text('Its name as shown on the meters.').max(80),
    role: MetricRole,
    actor: ref('an actor')
      .optional()
      .describe(
        'Whose metric it is: the hostile actor, the claimant, the actor that bears losses or the trusted mediator.',
      ),
    about: ref('an actor')
      .optional()
      .describe(
        'For claims: whose losses are claimed. For trust: the party whose trust in the mediator it holds (every party’s, when omitted).',
      ),
    min: z.number().describe('The lowest value.'),
    max: z.number().describe('The highest value.'),
    start: z.number().describe('The value before the opening.'),
    unit: z.string().max(20).optional().describe('A unit shown beside the value, e.g. "people".'),
    public: z
      .boolean()
      .default(true)
      .describe('Whether every player sees it; a hidden metric shows only in the debrief.'),
  })
  .describe('A measured quantity.');

const Rung = z
  .strictObject({
    id: ref('this rung'),
    name: text('Its name.').max(80),
    description: text('What this rung means.'),
    enterAt: z.number().describe('Escalation at or above which the ladder climbs to this rung.'),
    leaveBelow: z.number().describe('Escalation below which the ladder steps down from this rung.'),
  })
  .describe('A rung of the escalation ladder.');

/** Categories of action. */
export const ActionCategory = z
  .enum(['military', 'diplomatic', 'economic', 'information', 'humanitarian'])
  .describe('The kind of action.');

const Targets = z
  .strictObject({
    type: z.enum(['none', 'location', 'actor']).describe('What the action is aimed at.'),
    kinds: z.array(LocationKind).optional().describe('For locations: only of these kinds.'),
    countries: z
      .array(z.string().regex(/^\d{3}$/))
      .optional()
      .describe('For locations: only in these countries (ISO numeric).'),
    ids: z.array(id).optional().describe('Only these location or actor ids.'),
  })
  .describe('What the action may be aimed at.');

const Action = z
  .strictObject({
    id: ref('this action'),
    name: text('Its name as shown on the action list.').max(80),
    description: text('What it does, for the player.'),
    actors: z.array(id).min(1).describe('The actors who may take it.'),
    category: ActionCategory,
    cameo: z
      .string()
      .regex(/^\d{2,4}$/)
      .describe('Its CAMEO event code.'),
    goldstein: z
      .number()
      .min(-10)
      .max(10)
      .describe('Its Goldstein weight, from −10 (conflict) to +10 (cooperation).'),
    targets: Targets.default({ type: 'none' }),
    requires: Condition.optional().describe('When it is available; the unmet part is shown to the player.'),
    cost: z
      .array(
        z
          .strictObject({
            metric: ref('a metric').describe('The metric that pays.'),
            add: z.number().describe('The change to pay.'),
          })
          .describe('A metric change paid whatever the outcome.'),
      )
      .default([])
      .describe('Metric changes paid whatever the outcome.'),
    outcomes: z.array(Outcome).min(1).describe('Possible results; their probabilities sum to 1.'),
    tags: z
      .array(ActionTag)
      .default([])
      .describe(
        'Hints for rules: a strike (a breach of any ceasefire); crossing a threshold when aimed at a capital; a breach of a ceasefire; aimed inside the actor’s own borders (internal: not an act against anyone).',
      ),
  })
  .describe('Something a role can do.');

const Reaction = z
  .strictObject({
    id: ref('this reaction'),
    actor: ref('the reacting actor'),
    when: Condition.describe('When it fires; checked after the round’s actions resolve.'),
    probability: prob.default(1).describe('The chance it fires when its condition holds.'),
    once: z.boolean().default(true).describe('Fires at most once in a game.'),
    cooldown: z.number().int().min(0).default(0).describe('Rounds to wait before it may fire again.'),
    effects: z.array(Effect).default([]).describe('Effects applied when it fires.'),
    news: News.optional(),
    map: z.array(MapEffect).default([]).describe('What the map draws.'),
    bindsPeople: z
      .boolean()
      .default(false)
      .describe(
        'Whether it fires also while a person plays its actor; by default a person’s seat takes the place of the actor’s scripted reactions.',
      ),
  })
  .describe('A rule by which an actor not played by a person responds.');

const Inject = z
  .strictObject({
    id: ref('this inject'),
    name: text('Its name in the trainer’s list.').max(80),
    description: text('What the trainer is told it does.'),
    effects: z.array(Effect).default([]).describe('Effects applied when the trainer sends it.'),
    news: News,
    map: z.array(MapEffect).default([]).describe('What the map draws.'),
  })
  .describe('An event a trainer can trigger during play.');

const Ending = z
  .strictObject({
    id: ref('this ending'),
    title: text('Its title.').max(120),
    description: text(
      'What happened, shown at the end. Placeholders: {round}, {date}, {metric:ID} (a public metric’s final value, with its unit); a number with its noun: {metric:ID|point|points}.',
    ),
    when: Condition.describe('The game ends here when this holds at the end of a round.'),
    priority: z.number().int().default(0).describe('When several endings hold, the highest priority wins.'),
    scores: z
      .record(id, z.number().int().min(-100).max(100).describe('Points for this actor.'))
      .default({})
      .describe('Points each actor id receives for this ending, added to its objectives.'),
  })
  .describe('A way the game can end.');

const TimelineEntry = z
  .strictObject({
    when: z.string().min(1).max(40).describe('When it happened, as shown (e.g. "Thu 26 Feb").'),
    text: text('What happened, written fresh for this scenario.'),
  })
  .describe('An entry of the historical timeline.');

const ScriptStep = z
  .strictObject({
    actor: ref('the acting actor'),
    action: ref('an action'),
    target: id.optional().describe('The target id, when the action takes one.'),
    outcome: ref('an outcome of that action').describe('The outcome that historically happened.'),
    when: z.string().min(1).max(40).describe('When it happened, as shown.'),
  })
  .describe('A historical step replayed before play, with its known outcome.');

const Opening = z
  .strictObject({
    timeline: z.array(TimelineEntry).min(1).describe('The historical timeline shown in the briefing.'),
    script: z
      .array(ScriptStep)
      .default([])
      .describe('Historical actions replayed, in order, to reach the starting state; they count as round 0.'),
    reactions: z
      .array(ref('a reaction'))
      .default([])
      .describe('Reactions that historically fired during the opening, in order.'),
    precedent: text('What earlier crisis the parties remember, shown in the briefing.').optional(),
  })
  .describe('The historical opening and the starting state it leads to.');

/** What a clause's parameter holds: a round, a number of rounds, crossings, a place, or a number. */
export const ClauseParamKind = z
  .enum(['round', 'rounds', 'crossings', 'place', 'number'])
  .describe(
    'round: an in-game round (its date and hour are shown), from which the clause applies; rounds: a duration in rounds, after which it lapses; crossings: some of the crossings listed in options; place: one of the places listed in options (a venue); number: an amount from min to max.',
  );

const ClauseParam = z
  .strictObject({
    id: ref('this parameter, unique within its clause; the clause text uses it as {id}'),
    name: text('Its label on the proposal form.').max(80),
    kind: ClauseParamKind,
    options: z
      .array(id)
      .optional()
      .describe('For crossings: the crossing ids that may be chosen; for place: the location or badge ids.'),
    min: z
      .number()
      .optional()
      .describe('For round, rounds and number: the lowest value (rounds: at least 1).'),
    max: z.number().optional().describe('For round, rounds and number: the highest value.'),
    default: z
      .union([z.number(), id, z.array(id)])
      .describe(
        'The value a new draft starts with: a number (round, rounds, number), an id (place) or a list of ids (crossings). A round default is relative: rounds after the current one (0: now).',
      ),
    unit: z.string().max(20).optional().describe('For number: a unit shown beside it, e.g. "US$ million".'),
  })
  .describe('A parameter of a clause, chosen by whoever drafts it.');

/** What a signed clause does to the engine's rules (docs/engine-rules.md, Negotiation). */
export const ClauseMechanic = z
  .enum(['ceasefire', 'monitoring', 'guarantee', 'trade', 'spoilers', 'humanitarian', 'talks'])
  .describe(
    'ceasefire: declares a ceasefire; monitoring: lowers its breakdown hazard; guarantee: a third-party guarantee lowers it further; trade: reopens the chosen crossings; spoilers: armed groups’ reactions fire less often; humanitarian: the humanitarian clock runs slower; talks: the mediator at the chosen venue opens talks.',
  );

const Clause = z
  .strictObject({
    id: ref('this clause'),
    name: text('Its short name, as listed on the proposal form.').max(80),
    text: text(
      'The wording of the clause in a proposal. Placeholders: {PARAM} for each parameter id, and {mediator} (the mediator relaying or guaranteeing).',
    ),
    params: z.array(ClauseParam).default([]).describe('Its parameters, each chosen when drafting.'),
    mechanics: z
      .array(ClauseMechanic)
      .default([])
      .describe('The rules a signed clause changes, while it is in force.'),
    effects: z
      .array(Effect)
      .default([])
      .describe('Effects applied once, when the agreement containing it is signed (and in force).'),
    from: z
      .enum(['party', 'mediator'])
      .default('party')
      .describe('Who may put it in a text: a party to the conflict, or a mediator relaying a text.'),
    mediators: z
      .array(id)
      .optional()
      .describe('For a mediator clause: the mediators that may add it; every mediator when omitted.'),
    violatedBy: z
      .strictObject({
        actions: z
          .array(id)
          .default([])
          .describe('Actions that break the clause when a signatory takes them while it is in force.'),
        tags: z
          .array(ActionTag)
          .default([])
          .describe('Action tags that break it: any action with one of them breaks the clause.'),
        reactions: z
          .array(id)
          .default([])
          .describe(
            'Reactions that break the clause when they fire while it is in force; only a reaction whose actor signed (a party) can.',
          ),
      })
      .default({ actions: [], tags: [], reactions: [] })
      .describe(
        'What counts as a violation. An action that closes crossings breaks a clause with a crossings parameter only when it closes one of the chosen crossings.',
      ),
    value: z
      .record(id, z.number().min(-10).max(10).describe('How much this party wants the clause.'))
      .default({})
      .describe(
        'How much each party wants the clause, from −10 (against its interests) to +10; computer negotiators weigh proposals by it. 0 when omitted.',
      ),
  })
  .describe('A clause a negotiated agreement may contain.');
export type Clause = z.infer<typeof Clause>;
export type ClauseParam = z.infer<typeof ClauseParam>;

/** Numbers of the engine's rules; defaults come from ../shared/escalation-model.md where cited. */
export const Dynamics = z
  .strictObject({
    escalationPerWeight: z
      .number()
      .min(0)
      .default(1)
      .describe('Escalation added per point of negative Goldstein weight (and removed per positive point).'),
    escalationDecay: z
      .number()
      .min(0)
      .max(1)
      .default(0.08)
      .describe('Share of escalation that fades each round.'),
    fear: z
      .number()
      .min(0)
      .default(0.6)
      .describe('Richardson a, b: hostility added per point of the other’s hostile weight.'),
    restraint: z
      .number()
      .min(0)
      .max(1)
      .default(0.15)
      .describe('Richardson m, n: share of hostility that fades each round.'),
    grievance: z.number().default(1).describe('Richardson r, s: hostility added each round regardless.'),
    painThreshold: z.number().default(50).describe('A party hurts when its pain metric is at or above this.'),
    ripeRounds: z
      .number()
      .int()
      .min(1)
      .default(2)
      .describe('Rounds every party must hurt for the conflict to be ripe.'),
    mediationBase: prob
      .default(0.25)
      .describe(
        'Chance per round of talks that an agreement is reached, before ripeness, leverage and trust.',
      ),
    ceasefireHazard: prob
      .default(0.03)
      .describe('Chance per round that an unmonitored, unguaranteed ceasefire breaks.'),
    monitoringFactor: prob.default(0.5).describe('Hazard multiplier once monitoring is in place.'),
    guaranteeFactor: prob
      .default(0.6)
      .describe('Hazard multiplier once a third party guarantees the ceasefire.'),
    verificationDelay: z
      .number()
      .int()
      .min(0)
      .default(2)
      .describe('Rounds until a strike’s casualties are verified.'),
    verificationNoise: prob.default(0.15).describe('Relative error of the verified figure around the truth.'),
    opinionPerVerified: z
      .number()
      .min(0)
      .default(0.05)
      .describe('Standing lost by an actor per verified death it caused.'),
    humanitarianPerRound: z
      .number()
      .default(0.3)
      .describe('Humanitarian need added each round, times the index of the current rung (0 at the bottom).'),
    tradePerClosedCrossing: z.number().default(10).describe('Trade lost each round per closed crossing.'),
    rungsPerRound: z
      .number()
      .int()
      .min(1)
      .default(1)
      .describe(
        'The most rungs the ladder moves in one round, up or down (the historical opening excepted); no single action or threshold event moves it more than one.',
      ),
    hostilityPull: prob
      .default(0.5)
      .describe(
        'Richardson’s spiral in the players’ choices: a computer player that would cooperate hits back instead with this chance times its hostility above the midpoint (hostility 100 → this chance, 50 or less → never).',
      ),
    hostilityGain: z
      .number()
      .min(0)
      .default(0.5)
      .describe(
        'How much hostility speeds escalation: hostile weight adds escalation × (1 + this × (mean hostility − 50) / 50).',
      ),
    initialDoubt: prob
      .default(0.6)
      .describe(
        'Fearon’s private information: how unsure each party starts of the others’ resolve and red lines (0 = knows them, 1 = blind).',
      ),
    signalReveal: prob
      .default(0.1)
      .describe(
        'Share of the doubt of those it is against removed by one costly signal (an action that costs the actor something: force, mobilisation, closing crossings).',
      ),
    mediatorReveal: prob
      .default(0.35)
      .describe(
        'Share of every party’s doubt a mediator removes in a round of talks or a relayed text, times (0.5 + its leverage).',
      ),
    doubtWeight: z
      .number()
      .min(0)
      .default(5)
      .describe(
        'How much a party’s doubt about the others holds it back from a text: its disposition falls by this × doubt.',
      ),
    commitmentWeight: z
      .number()
      .min(0)
      .default(2.25)
      .describe(
        'Fearon’s commitment problem: disposition lost on a text that no third party relays or guarantees, times (1.5 − the least credibility among the other parties / 100).',
      ),
    resolveWeight: z
      .number()
      .min(0)
      .default(2)
      .describe(
        'Each party’s private resolve (drawn per game, 0 to 1, hidden from the others) lowers its disposition to settle by this × (resolve − 0.5).',
      ),
    monitoringRounds: z
      .number()
      .int()
      .min(1)
      .default(6)
      .describe(
        'Rounds monitoring lasts when an effect sets it up (a signed clause lasts its own duration); then it lapses.',
      ),
    guaranteeRounds: z
      .number()
      .int()
      .min(1)
      .default(8)
      .describe('Rounds a third-party guarantee lasts once given; then it lapses.'),
    deterrence: prob
      .default(0.6)
      .describe(
        'The chance that a guarantee deters a computer player from a strike that would breach the ceasefire (monitoring alone: half of it).',
      ),
    ceasefireRestraint: prob
      .default(0.8)
      .describe(
        'The chance that a computer player holds back from a strike that would breach a holding ceasefire, whatever those it is against did in the last round (answering their hostility is left to its policy); a guarantee or monitoring adds deterrence to it.',
      ),
    misattribution: prob
      .default(0.5)
      .describe(
        'The chance that a spoiler’s attack during a ceasefire is blamed on the party it is linked to, and counted as that party’s hostile act (the noise that breaks tit-for-tat).',
      ),
    spoilerWeight: z
      .number()
      .max(0)
      .default(-9.5)
      .describe('The Goldstein weight of a misattributed spoiler attack (CAMEO 196, violate ceasefire).'),
    strikeCollapsesTalks: prob
      .default(0.5)
      .describe('The chance that a strike during talks makes them collapse.'),
  })
  .describe('Numbers for the engine’s rules; each has a default.');
export type Dynamics = z.infer<typeof Dynamics>;

/** The whole scenario file. */
export const Scenario = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of scenario.schema.json, for editors.'),
    formatVersion: z.literal(FORMAT_VERSION).describe('The version of this format the file is written in.'),
    meta: Meta,
    map: MapSection,
    locations: z.array(Location).min(1).describe('The places on the map.'),
    actors: z.array(Actor).min(2).describe('The parties to the crisis.'),
    metrics: z.array(Metric).min(1).describe('The measured quantities.'),
    flags: z
      .array(
        z
          .strictObject({
            id: ref('this flag'),
            description: text('What it records.'),
            start: z.boolean().default(false).describe('Its value at the start.'),
          })
          .describe('A yes/no fact.'),
      )
      .default([])
      .describe('Yes/no facts that effects set and conditions test.'),
    ladder: z.array(Rung).min(2).describe('The escalation ladder, lowest rung first.'),
    actions: z.array(Action).min(1).describe('What roles can do.'),
    reactions: z.array(Reaction).default([]).describe('How computer-run actors respond.'),
    injects: z.array(Inject).default([]).describe('Events a trainer can trigger.'),
    endings: z.array(Ending).min(1).describe('How the game can end.'),
    opening: Opening,
    clauses: z
      .array(Clause)
      .default([])
      .describe('The clauses negotiators can put in a proposal; none means no negotiation panel.'),
    dynamics: Dynamics.default(() => Dynamics.parse({})),
  })
  .describe('A Brink scenario.');

/** A scenario as the engine sees it: every default filled in. */
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as a designer writes it: fields with defaults may be left out. */
export type ScenarioInput = z.input<typeof Scenario>;
export type Action = Scenario['actions'][number];
export type Actor = Scenario['actors'][number];
export type Metric = Scenario['metrics'][number];
export type Location = Scenario['locations'][number];
export type Rung = Scenario['ladder'][number];
export type Reaction = Scenario['reactions'][number];
export type Inject = Scenario['injects'][number];
export type Ending = Scenario['endings'][number];
export type Outcome = Action['outcomes'][number];

/** The JSON Schema (draft-07) editors read through a scenario's `$schema` key. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return { ...schema, title: 'Brink scenario' };
}
