// One of the room server's planning threads (planner-pool.ts): answers each request with the plan for one
// seat's decision, off the event loop that serves every room of the process.
import { parentPort } from 'node:worker_threads';
import type { Compiled } from '../sim/compile.ts';
import { answerPlan } from '../sim/plan-answer.ts';

const scenarios = new Map<string, Compiled>();
parentPort?.on('message', (data: unknown) => parentPort?.postMessage(answerPlan(scenarios, data)));
