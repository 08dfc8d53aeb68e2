// What the scene draws, derived once from a scenario: places in world pixels and their colours.
// Nothing here is scenario-specific code; every name and colour comes from the scenario.
import type { Scenario } from '../scenario/schema.ts';
import type { Point } from './camera.ts';
import { hex, palette } from './colour.ts';
import { fitProjection, type Projection } from './projection.ts';

/** A location as the map draws it. */
export interface Place {
  id: string;
  name: string;
  kind: Scenario['locations'][number]['kind'];
  world: Point;
  colour: number;
  /** Crossings only: open or closed now. */
  open?: boolean;
}

/** An off-map place pinned to the edge of the view. */
export interface Badge {
  id: string;
  name: string;
  colour: number;
  /** Its real position projected (far outside the world). */
  world: Point;
}

/** The scenario as the map sees it. */
export interface MapModel {
  width: number;
  height: number;
  projection: Projection;
  places: Place[];
  badges: Badge[];
  /** Colour of each actor by id. */
  actorColour: Map<string, number>;
  /** Colour of each listed country governed by an actor, by ISO code. */
  countryColour: Map<string, number>;
  /** The country the humanitarian overlay covers. */
  humanitarianIso: string | undefined;
}

const NEUTRAL = palette.neutral;

/** Builds the map model of `scenario` for a canvas of `width` × `height` pixels. */
export function buildModel(scenario: Scenario, width: number, height: number): MapModel {
  const projection = fitProjection(scenario.map.bounds, width, height);
  const actorColour = new Map(scenario.actors.map((a) => [a.id, hex(a.colour, NEUTRAL)]));
  // Only countries governed by an actor are coloured; the others are drawn like neighbours.
  const countryColour = new Map<string, number>();
  for (const c of scenario.map.countries) {
    const colour = c.actor ? actorColour.get(c.actor) : undefined;
    if (colour !== undefined) countryColour.set(c.iso, colour);
  }
  const places: Place[] = scenario.locations.map((l) => ({
    id: l.id,
    name: l.name,
    kind: l.kind,
    world: projection.project(l.lon, l.lat),
    colour: countryColour.get(l.country) ?? NEUTRAL,
    ...(l.kind === 'crossing' ? { open: l.open ?? true } : {}),
  }));
  const badges: Badge[] = scenario.map.badges.map((b) => ({
    id: b.id,
    name: b.name,
    colour: (b.actor && actorColour.get(b.actor)) || NEUTRAL,
    world: projection.project(b.position[0], b.position[1]),
  }));
  return {
    width,
    height,
    projection,
    places,
    badges,
    actorColour,
    countryColour,
    humanitarianIso: humanitarianCountry(scenario),
  };
}

/** The country whose people the humanitarian metric is about: the one its actor governs, else the first listed. */
function humanitarianCountry(scenario: Scenario): string | undefined {
  const metric = scenario.metrics.find((m) => m.role === 'humanitarian');
  const actor = metric?.actor ?? metric?.about;
  const governed = scenario.map.countries.find((c) => actor && c.actor === actor);
  return (governed ?? scenario.map.countries[0])?.iso;
}
