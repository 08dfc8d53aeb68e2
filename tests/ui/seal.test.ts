// The channel's seal and signatures: only the key opens or signs; any change to a box or a command fails.
import { describe, expect, it } from 'vitest';
import { open, prove, seal, verify } from '../../src/ui/seal.ts';

const key = new Uint8Array(32).fill(7);
const other = new Uint8Array(32).fill(8);

describe('seal', () => {
  it('opens with its key only, and not once altered', () => {
    const text = JSON.stringify({ orders: { north: [{ action: 'strike' }] }, brief: 'Ünïcode ✓' });
    const box = seal(key, text);
    expect(Buffer.from(box.data).toString('latin1')).not.toContain('strike');
    expect(open(key, box)).toBe(text);
    expect(open(other, box)).toBeNull();
    const flipped = box.data.slice();
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(open(key, { ...box, data: flipped })).toBeNull();
    expect(seal(key, text).nonce).not.toBe(box.nonce);
  });

  it('signs a command so that only the key verifies it, for that command alone', () => {
    const command = { type: 'send', event: { type: 'PAUSE', now: 1 } };
    const proof = prove(key, command);
    expect(verify(key, command, proof)).toBe(true);
    expect(verify(other, command, proof)).toBe(false);
    expect(verify(key, { type: 'undo' }, proof)).toBe(false);
    expect(verify(key, command, { ...proof, nonce: '0'.repeat(32) })).toBe(false);
  });
});
