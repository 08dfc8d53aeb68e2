import { describe, expect, it } from 'vitest';
import { reason, shown } from '../src/errors.ts';

describe('what went wrong, in words', () => {
  it("gives an Error's message, without its name or stack", () => {
    expect(reason(new TypeError('bad input'))).toBe('bad input');
  });

  it('gives anything else that was thrown as text', () => {
    expect(reason('plain words')).toBe('plain words');
    expect(reason(42)).toBe('42');
    expect(reason(undefined)).toBe('undefined');
  });

  it('repeats an untrusted value cut short, saying how long it was', () => {
    expect(shown('duel')).toBe('"duel"');
    expect(shown('1')).toBe('"1"');
    expect(shown(1)).toBe('1');
    expect(shown(Number.NaN)).toBe('NaN');
    const huge = shown('x'.repeat(50_000_000));
    expect(huge.length).toBeLessThan(100);
    expect(huge).toMatch(/… \(50000000 characters\)$/);
    expect(shown([1, 2])).toBe('a list of 2');
    expect(shown({ a: 1 })).toBe('an object');
  });
});
