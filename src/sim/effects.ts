// Applies the scenario's effects, news and map cues, each recorded with its cause.
import type { Effect, MapEffect, News } from '../scenario/schema.ts';
import { casualties } from './casualties.ts';
import { ceasefireEffect } from './ceasefire.ts';
import type { Compiled } from './compile.ts';
import { rungEffect } from './ladder.ts';
import { accept, collapse, offer, reject } from './mediation.ts';
import type { Step } from './step.ts';
import { render } from './text.ts';

/** Who acted, on what, and the cause the effects are recorded under. */
export interface EffectContext {
  cause: number;
  actor?: string;
  target?: string;
  /** Filled by casualty effects, for the news. */
  killed?: number;
  claims?: Record<string, number>;
}

/** Applies effects in order. */
export function applyEffects(st: Step, effects: readonly Effect[], ctx: EffectContext): void {
  for (const e of effects) applyEffect(st, e, ctx);
}

function applyEffect(st: Step, e: Effect, ctx: EffectContext): void {
  const { s } = st;
  if ('metric' in e) {
    const now = s.metrics[e.metric] ?? 0;
    let v = e.set ?? now;
    if (e.scale !== undefined) v *= e.scale;
    if (e.add !== undefined) v += e.add;
    st.setMetric(e.metric, v, ctx.cause);
  } else if ('casualties' in e) {
    const r = casualties(st, e.casualties, ctx.actor, ctx.cause);
    ctx.killed = (ctx.killed ?? 0) + r.killed;
    ctx.claims = { ...ctx.claims };
    for (const [k, v] of Object.entries(r.claims)) ctx.claims[k] = (ctx.claims[k] ?? 0) + v;
  } else if ('crossing' in e) {
    const open = e.status === 'open';
    const was = s.crossings[e.crossing] ?? true;
    if (was !== open) {
      st.record(`crossing:${e.crossing}`, was ? 'open' : 'closed', e.status, ctx.cause);
      s.crossings[e.crossing] = open;
    }
  } else if ('flag' in e) {
    const was = s.flags[e.flag] ?? false;
    if (was !== e.set) {
      st.record(`flag:${e.flag}`, was, e.set, ctx.cause);
      s.flags[e.flag] = e.set;
    }
  } else if ('rung' in e) {
    rungEffect(st, e.rung, ctx.cause);
  } else if ('mediation' in e) {
    if (e.mediation === 'offer') {
      const m = e.mediator ?? ctx.actor;
      if (m) offer(st, m, ctx.cause);
    } else if (e.mediation === 'accept') {
      if (ctx.actor) accept(st, ctx.actor, ctx.cause);
    } else if (e.mediation === 'reject') reject(st, ctx.cause);
    else collapse(st, ctx.cause);
  } else {
    ceasefireEffect(st, e.ceasefire, ctx.cause);
  }
}

/** Records a news item rendered from a template. */
export function report(st: Step, news: News | undefined, ctx: EffectContext, simulated: boolean): void {
  if (!news) return;
  const { s, c } = st;
  const vars = {
    actor: ctx.actor,
    target: ctx.target,
    round: s.round,
    killed: ctx.killed,
    claims: ctx.claims,
    mediator: s.mediation.mediators[s.mediation.mediators.length - 1],
  };
  st.log('news').push({
    round: s.round,
    cause: ctx.cause,
    actor: ctx.actor,
    headline: render(news.headline, c, vars),
    body: news.body === undefined ? undefined : render(news.body, c, vars),
    simulated,
    claims: ctx.claims,
    killed: ctx.killed,
  });
}

/**
 * The place id a map cue's reference names: "actor" → the actor's home, "target" → the target (a place)
 * or its home (an actor), else a location or badge id; undefined when it names none.
 */
export function cuePlace(
  c: Compiled,
  ref: string | undefined,
  actor: string | undefined,
  target: string | undefined,
): string | undefined {
  if (ref === undefined) return undefined;
  if (ref === 'actor') return actor ? c.actors.get(actor)?.home : undefined;
  if (ref === 'target') {
    if (!target) return undefined;
    return c.places.has(target) ? target : c.actors.get(target)?.home;
  }
  return c.places.has(ref) ? ref : undefined;
}

/** Resolves map cues to place ids (cuePlace) and records them for the map. */
export function cue(st: Step, cues: readonly MapEffect[], ctx: EffectContext): void {
  const { s, c } = st;
  for (const m of cues) {
    const at = cuePlace(c, m.at, ctx.actor, ctx.target);
    if (!at) continue;
    st.log('cues').push({
      round: s.round,
      cause: ctx.cause,
      kind: m.kind,
      from: cuePlace(c, m.from, ctx.actor, ctx.target),
      at,
      actor: ctx.actor,
    });
  }
}
