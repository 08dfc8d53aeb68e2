import { readFileSync } from 'node:fs';
import { migrate } from '../../src/scenario/migrations.ts';
import { type Scenario, Scenario as ScenarioSchema } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { initialState } from '../../src/sim/state.ts';
import { openStep, type Step } from '../../src/sim/step.ts';
import type { GameState } from '../../src/sim/types.ts';

/** Parses a scenario's JSON text, brought up to the current format first (structure only). */
export function parseScenario(text: string): Scenario {
  const m = migrate(JSON.parse(text));
  if (!m.ok) throw new Error(m.message);
  return ScenarioSchema.parse(m.value);
}

/** Reads and parses a scenario file (structure only: the engine tests assume a valid file). */
export function loadFile(path: string): Scenario {
  return parseScenario(readFileSync(path, 'utf8'));
}

/** The engine's test fixture: two sides, a mediator, a spoiler, four rungs. */
let duelCache: Scenario | undefined;
export const duel = (): Scenario => {
  duelCache ??= loadFile('tests/fixtures/sim/duel.json');
  return duelCache;
};

/** A step on a fresh game of the fixture, with optional state overrides. */
export function stepOn(sc: Scenario, patch: Partial<GameState> = {}, seed = 1): Step {
  const c = compile(sc);
  return openStep(c, { ...initialState(c, { seed }), ...patch });
}
