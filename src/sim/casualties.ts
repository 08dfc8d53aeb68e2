// Contested information: each strike has a true toll, each side's claim, and a later verified figure.
import type { Effect } from '../scenario/schema.ts';
import { actorName } from './compile.ts';
import type { Step } from './step.ts';

type CasualtyEffect = Extract<Effect, { casualties: unknown }>['casualties'];

/** Draws the true toll and every claimant's figure, and schedules verification. */
export function casualties(
  st: Step,
  e: CasualtyEffect,
  attacker: string | undefined,
  cause: number,
): { killed: number; claims: Record<string, number> } {
  const { s, c } = st;
  // The historical opening has no true tolls: only the parties' own claims and confirmations, which
  // the scenario gives as its metrics' starting values, and nothing of it is ever verified.
  if (s.round === 0) return { killed: 0, claims: {} };
  const killed = st.rng.int(e.killed[0], Math.max(e.killed[0], e.killed[1]));
  const trueMetric = c.casualtiesTrue.get(e.side);
  if (trueMetric) st.addMetric(trueMetric, killed, cause);
  const claims: Record<string, number> = {};
  for (const [claimant, [lo, hi]] of Object.entries(e.claims)) {
    const claim = Math.round(killed * st.rng.between(lo, Math.max(lo, hi)));
    claims[claimant] = claim;
    const metric = c.claims.get(`${claimant}>${e.side}`);
    if (metric) st.addMetric(metric, claim, cause);
  }
  const delay = c.scenario.dynamics.verificationDelay;
  if (killed > 0) st.log('pending').push({ due: s.round + delay, side: e.side, attacker, killed, cause });
  return { killed, claims };
}

/**
 * Verifies the tolls that are due: the verified figure is the truth within ± verificationNoise, and
 * the attacker's standing falls with it (international opinion reacts to verified figures only).
 */
export function verifyDue(st: Step): void {
  const { s, c } = st;
  const d = c.scenario.dynamics;
  const due = s.pending.filter((p) => p.due <= s.round);
  if (due.length === 0) return;
  s.pending = s.pending.filter((p) => p.due > s.round);
  for (const p of due) {
    const verified = Math.max(0, Math.round(p.killed * (1 + d.verificationNoise * st.rng.between(-1, 1))));
    const cause = st.cause({
      kind: 'rule',
      ref: 'verification',
      after: [p.cause],
      reason: 'independent verification',
    });
    const metric = c.casualtiesVerified.get(p.side);
    if (metric) st.addMetric(metric, verified, cause);
    const standing = p.attacker ? c.standing.get(p.attacker) : undefined;
    if (standing) st.addMetric(standing, -verified * d.opinionPerVerified, cause);
    const side = actorName(c, p.side);
    st.log('news').push({
      round: s.round,
      cause,
      headline: `Independent count: ${verified} ${side} dead verified from round ${s.causes[p.cause]?.round ?? '?'}`,
      simulated: true,
      killed: p.killed,
    });
  }
}
