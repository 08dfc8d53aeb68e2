// The editor's worker: runs the project's own validator, or a balance preview, off the page's thread.
// The editor keeps one worker for checks and another for previews, so a preview never delays a check.
import { loadScenario } from '../scenario/load.ts';
import { balanceOf } from './balance.ts';
import type { Reply, Request } from './protocol.ts';

/** The file name problems are labelled with. */
const FILE = 'scenario.json';

self.onmessage = (e: MessageEvent<Request>) => {
  const r = e.data;
  const loaded = loadScenario(r.text, FILE);
  let reply: Reply;
  if (r.kind === 'check') {
    // Frames are drawn for a terminal; the editor shows the place itself.
    const problems = loaded.ok ? [] : loaded.problems.map(({ frame: _frame, ...p }) => p);
    const notice = loaded.upgrade?.notice;
    reply = { kind: 'checked', seq: r.seq, problems, ...(notice !== undefined ? { notice } : {}) };
  } else
    reply = loaded.ok
      ? { kind: 'preview', seq: r.seq, balance: balanceOf(loaded.scenario) }
      : { kind: 'preview', seq: r.seq, invalid: true };
  self.postMessage(reply);
};
