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
  it('opens for its passcode only', async () => {
    const lock = trainerLock(memory());
    expect(lock.isSet()).toBe(false);
    expect(await lock.set('owl-42')).toBeNull();
    expect(lock.isSet()).toBe(true);
    expect(await lock.matches('owl-42')).toBe(true);
    expect(await lock.matches('owl-43')).toBe(false);
    expect(await lock.matches('')).toBe(false);
    expect(await lock.matches(' owl-42')).toBe(false);
  });

  it('gives the channel key for its passcode only, never the stored hash', async () => {
    const storage = memory();
    const lock = trainerLock(storage);
    await lock.set('owl-42');
    const key = await lock.channelKey('owl-42');
    expect(key).toHaveLength(32);
    expect(await lock.channelKey('owl-43')).toBeNull();
    // The same key from the same passcode, in any tab; none of it in storage.
    expect(await trainerLock(storage).channelKey('owl-42')).toEqual(key);
    const hex = Buffer.from(key ?? []).toString('hex');
    expect([...storage.items.values()].join()).not.toContain(hex);
  });

  it('never stores the passcode as typed, and salts each one afresh', async () => {
    const a = memory();
    const b = memory();
    await trainerLock(a).set('correct horse');
    await trainerLock(b).set('correct horse');
    const stored = [...a.items.values(), ...b.items.values()];
    expect(stored).toHaveLength(2);
    for (const s of stored) expect(s).not.toContain('correct horse');
    expect(stored[0]).not.toBe(stored[1]);
    // A second tab of the same browser reads the same lock.
    expect(await trainerLock(a).matches('correct horse')).toBe(true);
  });

  it(`refuses a passcode shorter than ${MIN_PASSCODE} characters, and keeps the old one`, async () => {
    const lock = trainerLock(memory());
    expect(await lock.set('owl-42')).toBeNull();
    expect(await lock.set('ab ')).toBe(`The passcode needs at least ${MIN_PASSCODE} characters.`);
    expect(await lock.matches('owl-42')).toBe(true);
  });

  it('is removed with its passcode, and then opens for nothing', async () => {
    const lock = trainerLock(memory());
    await lock.set('owl-42');
    lock.remove();
    expect(lock.isSet()).toBe(false);
    expect(await lock.matches('owl-42')).toBe(false);
  });

  it('treats a record that is not its own as no lock, rather than lock the trainer out', () => {
    for (const junk of ['{', '"x"', '{"salt":1}', 'null', '[]']) {
      const storage = memory();
      storage.setItem('brink:trainer-lock', junk);
      expect(trainerLock(storage).isSet(), junk).toBe(false);
    }
  });

  it('says so when the browser keeps no storage or refuses it', async () => {
    expect(await trainerLock(null).set('owl-42')).toMatch(/keeps no storage/);
    const full = {
      ...memory(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(await trainerLock(full).set('owl-42')).toMatch(/refused to store the lock/);
    expect(trainerLock(full).isSet()).toBe(false);
  });
});
