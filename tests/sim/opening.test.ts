// The seed scenario's opening must replay the fact sheet's sequence (../shared/scenario-facts.md).
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
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

  it('then the UN calls for a cessation, the US backs Pakistan, Qatar offers its offices and the EU calls for de-escalation', () => {
    const reactions = opening.filter((x) => x.kind === 'reaction').map((x) => x.actor);
    expect(reactions).toEqual(['un', 'us', 'qatar', 'eu']);
    expect(s.mediation.phase).toBe('offered');
    expect(s.mediation.mediators).toContain('qatar');
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
