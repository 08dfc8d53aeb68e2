// The part of the scenario format that the engine's events and state carry too (an inject's effects and
// news, a map effect, the mediation phase): its own module, so that the game's page checks events
// without loading the whole format, which it reads only as build-validated JSON. schema.ts re-exports it.
import * as z from 'zod';

export const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter')
  .max(64);
export const ref = (what: string) => id.describe(`The id of ${what}.`);
export const text = (what: string) =>
  z.string().min(1).max(4000).describe(`${what} Plain text: never interpreted as HTML.`);

/** Phases of the mediation track, in order. */
export const MediationPhase = z
  .enum(['none', 'offered', 'accepted', 'talks', 'agreement', 'collapsed'])
  .describe('A phase of the mediation track.');
export type MediationPhase = z.infer<typeof MediationPhase>;

/** An effect on the state of the game; applied in the order written. */
export const Effect = z
  .union([
    z.strictObject({
      metric: ref('a metric').describe('The metric to change: set first, then scale, then add.'),
      add: z.number().optional().describe('Added to the metric (negative to lower it).'),
      set: z.number().optional().describe('The metric is set to this value.'),
      scale: z.number().min(0).optional().describe('The metric is multiplied by this factor.'),
    }),
    z.strictObject({
      casualties: z
        .strictObject({
          side: ref('an actor').describe('Whose people are killed.'),
          killed: z
            .tuple([z.number().int().min(0), z.number().int().min(0)])
            .describe('The true number killed is drawn uniformly from [min, max].'),
          claims: z
            .record(
              id,
              z
                .tuple([z.number().min(0), z.number().min(0)])
                .describe('The claim is the true number times a factor drawn from [min, max].'),
            )
            .default({})
            .describe('Each claimant actor id and the factor range of its public claim.'),
          location: ref('a location').optional().describe('Where; the action’s target when omitted.'),
        })
        .describe(
          'People killed: a true figure, each side’s claim, and later an independently verified figure.',
        ),
    }),
    z.strictObject({
      crossing: ref('a location of kind crossing').describe('The crossing to open or close.'),
      status: z.enum(['open', 'closed']).describe('Its new status.'),
    }),
    z.strictObject({
      flag: ref('a flag').describe('The flag to set.'),
      set: z.boolean().describe('The flag’s new value. Flags are declared in the flags section.'),
    }),
    z.strictObject({
      rung: z
        .union([z.enum(['up', 'down']), id])
        .describe(
          'A threshold event: move the ladder one rung up or down, or to at least the named rung (never down).',
        ),
    }),
    z.strictObject({
      mediation: z
        .enum(['offer', 'accept', 'reject', 'collapse'])
        .describe(
          'offer: a mediator offers its good offices; accept/reject: the acting party answers; collapse: talks end.',
        ),
      mediator: ref('a mediator actor')
        .optional()
        .describe('For offer: the mediator; the acting actor when omitted.'),
    }),
    z.strictObject({
      ceasefire: z
        .enum(['declare', 'break', 'strain', 'monitor', 'guarantee'])
        .describe(
          'declare: a ceasefire starts; break: it ends; strain: a breakdown check with doubled hazard; monitor/guarantee: a monitoring mechanism or third-party guarantee now lowers the hazard.',
        ),
    }),
  ])
  .describe('A change to the state of the game.');
export type Effect = z.infer<typeof Effect>;

/** What the map draws for an outcome. */
export const MapEffect = z
  .strictObject({
    kind: z
      .enum([
        'strike',
        'drone',
        'clash',
        'crossing-closed',
        'crossing-opened',
        'envoy',
        'aid',
        'protest',
        'statement',
      ])
      .describe('The animation the map plays.'),
    from: z
      .union([z.literal('actor'), id])
      .optional()
      .describe('Where it starts: "actor" for the acting actor’s home location, or a location id.'),
    at: z
      .union([z.enum(['target', 'actor']), id])
      .default('target')
      .describe(
        'Where it lands: "target" for the chosen target, "actor" for the acting actor’s home, or a location id.',
      ),
  })
  .describe('A consequence drawn on the map.');
export type MapEffect = z.infer<typeof MapEffect>;

const PLACEHOLDERS =
  'Placeholders: {actor}, {target}, {round}, {date}, {killed}, {verified}, {mediator}, {claim:ACTOR}; a number with its noun: {killed|person|people}, {claim:ACTOR|soldier|soldiers}.';

/** A news item. Templates may use the placeholders above, and no others. */
export const News = z
  .strictObject({
    headline: text(`The headline. ${PLACEHOLDERS}`).max(200),
    body: text(`The story. ${PLACEHOLDERS}`).optional(),
  })
  .describe('A news item produced by an outcome, reaction or inject.');
export type News = z.infer<typeof News>;
