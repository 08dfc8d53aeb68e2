import { describe, expect, it } from 'vitest';
import { type LockStorage, MIN_PASSCODE, trainerLock } from '../../src/ui/lock.ts';

/** An in-memory stand-in for localStorage. */
function memory(): LockStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      items.set(k, v);
    },
    removeItem: (k) => {
      items.delete(k);
    },
  };
}

describe('the trainer lock', () => {
  it('opens for its passcode only', () => {
    const lock = trainerLock(memory());
    expect(lock.isSet()).toBe(false);
    expect(lock.set('owl-42')).toBeNull();
    expect(lock.isSet()).toBe(true);
    expect(lock.matches('owl-42')).toBe(true);
    expect(lock.matches('owl-43')).toBe(false);
    expect(lock.matches('')).toBe(false);
    expect(lock.matches(' owl-42')).toBe(false);
  });

  it('never stores the passcode as typed, and salts each one afresh', () => {
    const a = memory();
    const b = memory();
    trainerLock(a).set('correct horse');
    trainerLock(b).set('correct horse');
    const stored = [...a.items.values(), ...b.items.values()];
    expect(stored).toHaveLength(2);
    for (const s of stored) expect(s).not.toContain('correct horse');
    expect(stored[0]).not.toBe(stored[1]);
    // A second tab of the same browser reads the same lock.
    expect(trainerLock(a).matches('correct horse')).toBe(true);
  });

  it(`refuses a passcode shorter than ${MIN_PASSCODE} characters, and keeps the old one`, () => {
    const lock = trainerLock(memory());
    expect(lock.set('owl-42')).toBeNull();
    expect(lock.set('ab ')).toBe(`The passcode needs at least ${MIN_PASSCODE} characters.`);
    expect(lock.matches('owl-42')).toBe(true);
  });

  it('is removed with its passcode, and then opens for nothing', () => {
    const lock = trainerLock(memory());
    lock.set('owl-42');
    lock.remove();
    expect(lock.isSet()).toBe(false);
    expect(lock.matches('owl-42')).toBe(false);
  });

  it('treats a record that is not its own as no lock, rather than lock the trainer out', () => {
    for (const junk of ['{', '"x"', '{"salt":1}', 'null', '[]']) {
      const storage = memory();
      storage.setItem('brink:trainer-lock', junk);
      expect(trainerLock(storage).isSet(), junk).toBe(false);
    }
  });

  it('says so when the browser keeps no storage or refuses it', () => {
    expect(trainerLock(null).set('owl-42')).toMatch(/keeps no storage/);
    const full = {
      ...memory(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(trainerLock(full).set('owl-42')).toMatch(/refused to store the lock/);
    expect(trainerLock(full).isSet()).toBe(false);
  });
});
