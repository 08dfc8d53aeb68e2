import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { render } from '../../src/sim/text.ts';
import { duel } from './helpers.ts';

describe('news templates', () => {
  const c = compile(duel());
  const side = duel().actors[0]?.id ?? '';

  it('give a number its noun: one, or many for any other number', () => {
    const t = `{killed|soldier|soldiers} killed; {claim:${side}|soldier|soldiers} by ${side}'s count`;
    expect(render(t, c, { round: 2, killed: 1, claims: { [side]: 3 } })).toBe(
      `1 soldier killed; 3 soldiers by ${side}'s count`,
    );
    expect(render(t, c, { round: 2, killed: 0, claims: { [side]: 1 } })).toBe(
      `0 soldiers killed; 1 soldier by ${side}'s count`,
    );
    expect(
      render('day {round|of the crisis|of the crisis}, {verified|death|deaths} verified', c, { round: 1 }),
    ).toBe('day 1 of the crisis, 0 deaths verified');
  });

  it('say when a side has given no figure, with or without forms', () => {
    expect(render(`{claim:${side}|soldier|soldiers}; {claim:${side}}`, c, { round: 1 })).toBe(
      'no figure of soldiers; no figure',
    );
  });

  it('leave the bare placeholders as they were', () => {
    expect(render('{killed} and {verified} in round {round}', c, { round: 4, killed: 12, verified: 5 })).toBe(
      '12 and 5 in round 4',
    );
  });

  it('quote a metric as the meters show it: rounded, with its unit, or with the noun for the number', () => {
    const withUnit = duel();
    const metric = withUnit.metrics[0];
    if (!metric) throw new Error('the duel has no metric');
    metric.unit = 'points';
    const cu = compile(withUnit);
    const id = metric.id;
    expect(render(`{metric:${id}}`, cu, { round: 3, metrics: { [id]: 41.26 } })).toBe('41.3 points');
    expect(render(`{metric:${id}|point|points}`, cu, { round: 3, metrics: { [id]: 1 } })).toBe('1 point');
    expect(render(`{metric:${id}|point|points}`, cu, { round: 3, metrics: { [id]: 7 } })).toBe('7 points');
    // A metric the state does not hold yet is at its start value.
    expect(render(`{metric:${id}}`, cu, { round: 1 })).toBe(`${metric.start} points`);
  });

  it('say "no figure" for an unknown metric instead of inventing one', () => {
    expect(render('{metric:nothing}; {metric:nothing|point|points}', c, { round: 1 })).toBe(
      'no figure; no figure of points',
    );
  });
});
