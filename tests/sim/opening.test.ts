// The seed scenario's opening must replay the fact sheet's sequence (../shared/scenario-facts.md).
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { holds } from '../../src/sim/conditions.ts';
import { playRounds } from '../../src/sim/game.ts';
import { initialState } from '../../src/sim/state.ts';
import { loadFile } from './helpers.ts';

const sc = loadFile('scenarios/pakistan-afghanistan-2026.json');
const c = compile(sc);
const s = initialState(c, { seed: 1 });
const opening = s.causes.filter((x) => x.round === 0 && (x.kind === 'opening' || x.kind === 'reaction'));
const claim = (claimant: string, side: string) => s.metrics[c.claims.get(`${claimant}>${side}`) ?? ''];

describe('the seed scenario’s historical opening', () => {
  it('replays strike, retaliation, bigger strikes and the declaration of open war, in that order', () => {
    const steps = opening.filter((x) => x.kind === 'opening');
    const idx = (pred: (x: (typeof steps)[number]) => boolean) => steps.findIndex(pred);
    const firstPak = idx((x) => x.actor === 'pakistan');
    const retaliation = idx((x) => x.actor === 'taliban' && (c.actions.get(x.ref)?.goldstein ?? 0) < 0);
    const kabul = idx((x) => x.actor === 'pakistan' && x.target === 'kabul');
    const thursdayTargets = ['kabul', 'kandahar', 'paktia'].map((t) => idx((x) => x.target === t));
    const fridayTargets = ['paktika', 'khost', 'laghman'].map((t) =>
      steps.map((x) => x.target).lastIndexOf(t),
    );
    // The declaration is the step that takes the ladder to open war.
    const toOpenWar = s.changes.find((ch) => ch.subject === 'rung' && ch.to === 'open-war');
    const declaration = idx((x) => x.id === toOpenWar?.cause);
    expect(steps[declaration]?.actor).toBe('pakistan');
    expect(c.actions.get(steps[declaration]?.ref ?? '')?.tags).not.toContain('strike');
    const dialogue = idx((x) => x.actor === 'taliban' && (c.actions.get(x.ref)?.goldstein ?? 0) > 0);
    expect(firstPak).toBe(0);
    expect(retaliation).toBeGreaterThan(firstPak);
    expect(kabul).toBeGreaterThan(retaliation);
    for (const t of thursdayTargets) expect(t).toBeGreaterThan(retaliation);
    for (const t of fridayTargets) expect(t).toBeGreaterThan(Math.max(...thursdayTargets.slice(0, 1)));
    expect(declaration).toBeGreaterThan(Math.max(...fridayTargets));
    expect(dialogue).toBeGreaterThan(declaration);
  });

  it('then the UN calls for a cessation, the US backs Pakistan, Kabul calls Qatar and the EU calls for de-escalation', () => {
    const reactions = opening.filter((x) => x.kind === 'reaction').map((x) => x.actor);
    expect(reactions).toEqual(['un', 'us', 'qatar', 'eu']);
    // As reported: Afghanistan's foreign minister called Qatar, which works with other governments;
    // no offer of good offices is history.
    expect(s.flags['qatar-engaged']).toBe(true);
    expect(s.mediation.phase).toBe('none');
    const qatar = s.news.find((n) => n.round === 0 && /Qatar/.test(n.headline));
    expect(qatar?.headline).toMatch(/foreign minister calls Qatar/);
    expect(`${qatar?.headline} ${qatar?.body}`).not.toMatch(/good offices/);
  });

  it('has no true tolls and no figure marked verified: only the parties’ claims and confirmations', () => {
    for (const id of [...c.casualtiesTrue.values(), ...c.casualtiesVerified.values()])
      expect(s.metrics[id], id).toBe(0);
    expect(s.pending).toEqual([]);
    for (const n of s.news.filter((x) => x.round === 0)) {
      expect(`${n.headline} ${n.body ?? ''}`).not.toMatch(/verified|independent count/i);
      expect(n.killed ?? 0).toBe(0);
    }
    // Nothing of the opening is verified later either: the first rounds' news has no count of it.
    const later = playRounds(c, {
      seed: 3,
      seats: { pakistan: { by: 'computer', policy: 'dove' }, taliban: { by: 'computer', policy: 'dove' } },
    }).state;
    const openingCauses = new Set(s.causes.filter((x) => x.round === 0).map((x) => x.id));
    for (const n of later.news.filter((x) => x.round > 0 && x.cause !== undefined)) {
      const cause = later.causes[n.cause];
      expect(cause?.ref === 'verification' && cause.after?.some((a) => openingCauses.has(a))).toBe(false);
    }
  });

  it('leaves room to climb and to step down: escalation inside the open-war band, not at its edge, no metric pinned', () => {
    const rung = sc.ladder[s.rung];
    const above = sc.ladder[s.rung + 1];
    const e = s.metrics[c.escalation.id] ?? 0;
    expect(rung && above).toBeTruthy();
    expect(e).toBeGreaterThan((rung?.leaveBelow ?? 0) + 5);
    expect(e).toBeLessThan((above?.enterAt ?? 0) - 5);
    for (const m of sc.metrics.filter((x) => x.role === 'hostility' || x.role === 'pain'))
      expect(s.metrics[m.id], m.id).toBeLessThan(m.max);
  });

  it('cannot end the game in the first round from the opening alone: no ending holds at the start', () => {
    for (const e of sc.endings) expect(holds(e.when, { c, s: { ...s, round: 1 } }), e.id).toBe(false);
  });

  it('leaves the ladder at open war, with the contested figures of the fact sheet', () => {
    expect(sc.ladder[s.rung]?.id).toBe('open-war');
    expect(claim('pakistan', 'taliban')).toBe(274);
    expect(claim('taliban', 'pakistan')).toBe(55);
    expect(claim('pakistan', 'pakistan')).toBe(12);
    expect(claim('taliban', 'taliban')).toBe(13);
    expect(s.metrics[c.humanitarian[0] ?? '']).toBeGreaterThanOrEqual(22);
  });

  it('labels every opening news item as history, not simulation', () => {
    const news = s.news.filter((n) => n.round === 0);
    expect(news.length).toBeGreaterThanOrEqual(opening.length - 2);
    for (const n of news) expect(n.simulated).toBe(false);
  });
});

describe('the opening is history', () => {
  it('is the same in every game, whatever the seed; the seed only shapes what follows', () => {
    const a = initialState(c, { seed: 1 });
    const b = initialState(c, { seed: 2 });
    expect(JSON.stringify(a.news)).toBe(JSON.stringify(b.news));
    expect(a.metrics).toEqual(b.metrics);
    expect(a.rng).not.toEqual(b.rng);
  });
});
