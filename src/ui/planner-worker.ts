// The planner's Web Worker: plans one seat's decision at a time off the page's thread, so the page stays
// responsive while the computer players think. It keeps the scenarios it was sent (compiled once each) and
// answers every request, a refused one with the reason.
import { reason } from '../errors.ts';
import { Scenario } from '../scenario/schema.ts';
import { type Compiled, compile } from '../sim/compile.ts';
import { issueText } from '../sim/events.ts';
import { plan } from '../sim/planner.ts';
import { ProjectedStateSchema } from '../sim/state-schema.ts';
import { type PlanReply, PlanRequest } from './plan-protocol.ts';

/** Scenarios kept: a page plays one game at a time, and a new game's scenario replaces the oldest. */
const KEEP = 4;
const scenarios = new Map<string, Compiled>();

function answer(data: unknown): PlanReply {
  const seq = (data as { seq?: unknown } | null)?.seq;
  const refused = (message: string): PlanReply => ({
    kind: 'error',
    seq: typeof seq === 'number' && Number.isInteger(seq) ? seq : -1,
    message,
  });
  const r = PlanRequest.safeParse(data);
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
  const view = ProjectedStateSchema.safeParse(q.view);
  if (!view.success) return refused(`the seat's view is malformed (${issueText(view.error.issues[0])})`);
  const t = performance.now();
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

self.onmessage = (e: MessageEvent<unknown>) => {
  self.postMessage(answer(e.data));
};
