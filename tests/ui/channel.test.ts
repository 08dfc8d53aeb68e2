// The host's answer to hellos on the classroom channel: a flood of greetings is ignored past the first in
// each interval, with one answer at its end, so every window is still answered.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { greeter, HELLO_INTERVAL_MS } from '../../src/ui/channel.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('greeting the host', () => {
  it('answers the first hello at once, ignores a flood but for one answer at the end of the interval', () => {
    let answers = 0;
    const hello = greeter(() => answers++);
    hello();
    expect(answers).toBe(1);
    for (let i = 0; i < 1000; i++) hello();
    expect(answers).toBe(1);
    vi.advanceTimersByTime(HELLO_INTERVAL_MS - 1);
    expect(answers).toBe(1);
    vi.advanceTimersByTime(1);
    expect(answers).toBe(2);
    // A flood that goes on is answered once per interval.
    for (let t = 0; t < 10; t++) {
      for (let i = 0; i < 100; i++) hello();
      vi.advanceTimersByTime(HELLO_INTERVAL_MS);
    }
    expect(answers).toBe(12);
    // Quiet again: the next hello is answered at once, and nothing is owed.
    vi.advanceTimersByTime(HELLO_INTERVAL_MS * 3);
    expect(answers).toBe(12);
    hello();
    expect(answers).toBe(13);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('answers two windows opening together: the second within the interval gets the answer at its end', () => {
    let answers = 0;
    const hello = greeter(() => answers++, 500);
    hello();
    vi.advanceTimersByTime(100);
    hello();
    expect(answers).toBe(1);
    vi.advanceTimersByTime(400);
    expect(answers).toBe(2);
  });
});
