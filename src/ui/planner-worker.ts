// The planner's Web Worker: plans one seat's decision at a time off the page's thread, so the page stays
// responsive while the computer players think. It keeps the scenarios it was sent (compiled once each) and
// answers every request, a refused one with the reason (answerPlan, shared with the room server's threads).
import type { Compiled } from '../sim/compile.ts';
import { answerPlan } from '../sim/plan-answer.ts';

const scenarios = new Map<string, Compiled>();

self.onmessage = (e: MessageEvent<unknown>) => {
  self.postMessage(answerPlan(scenarios, e.data));
};
