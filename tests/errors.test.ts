import { describe, expect, it } from 'vitest';
import { reason } from '../src/errors.ts';

describe('what went wrong, in words', () => {
  it("gives an Error's message, without its name or stack", () => {
    expect(reason(new TypeError('bad input'))).toBe('bad input');
  });

  it('gives anything else that was thrown as text', () => {
    expect(reason('plain words')).toBe('plain words');
    expect(reason(42)).toBe('42');
    expect(reason(undefined)).toBe('undefined');
  });
});
