// A planning thread's side of plan-protocol.ts: it parses each request, the scenario sent with the first
// request for its key and the view or state, and answers with the plan, the pre-played talks, or the reason
// it refused. Apart from the protocol so that the page, which only sends requests, does not load the whole
// scenario schema the thread parses with (src/ui/planner-worker.ts and src/server/planner-thread.ts use it).
import { reason } from '../errors.ts';
import { Scenario } from '../scenario/schema.ts';
import { type Compiled, compile } from './compile.ts';
import { issueText } from './events.ts';
import { PlannerRequest, type PlanReply } from './plan-protocol.ts';
import { plan } from './planner.ts';
import { preplayTalks } from './preplay.ts';
import { GameStateSchema, ProjectedStateSchema } from './state-schema.ts';

/** Scenarios a planning thread keeps: a new game's scenario replaces the oldest. */
const KEEP = 4;

/**
 * A planning thread's answer to one request, a refused one with the reason. `scenarios` is the thread's
 * own cache of compiled scenarios by key (each is sent once, with the first request for its key).
 */
export function answerPlan(scenarios: Map<string, Compiled>, data: unknown): PlanReply {
  const seq = (data as { seq?: unknown } | null)?.seq;
  const refused = (message: string): PlanReply => ({
    kind: 'error',
    seq: typeof seq === 'number' && Number.isInteger(seq) ? seq : -1,
    message,
  });
  const r = PlannerRequest.safeParse(data);
  if (!r.success) return refused(`the request is malformed (${issueText(r.error.issues[0])})`);
  const q = r.data;
  if (q.scenario !== undefined) {
    const sc = Scenario.safeParse(q.scenario);
    if (!sc.success) return refused(`the scenario is malformed (${issueText(sc.error.issues[0])})`);
    scenarios.delete(q.key);
    scenarios.set(q.key, compile(sc.data));
    for (const old of scenarios.keys()) if (scenarios.size > KEEP) scenarios.delete(old);
  }
  const c = scenarios.get(q.key);
  if (!c) return refused(`no scenario was sent for ${q.key}`);
  const t = performance.now();
  if (q.kind === 'talks') {
    const state = GameStateSchema.safeParse(q.state);
    if (!state.success) return refused(`the state is malformed (${issueText(state.error.issues[0])})`);
    try {
      return { kind: 'talks', seq: q.seq, talks: preplayTalks(c, state.data), ms: performance.now() - t };
    } catch (e) {
      return refused(`the talks pre-play failed (${reason(e)})`);
    }
  }
  const view = ProjectedStateSchema.safeParse(q.view);
  if (!view.success) return refused(`the seat's view is malformed (${issueText(view.error.issues[0])})`);
  try {
    const p = plan(c, view.data, q.actor, {
      level: q.level,
      seed: q.seed,
      ...(q.budget !== undefined ? { budget: q.budget } : {}),
    });
    return { kind: 'plan', seq: q.seq, plan: p, ms: performance.now() - t };
  } catch (e) {
    return refused(`the planner failed (${reason(e)})`);
  }
}
