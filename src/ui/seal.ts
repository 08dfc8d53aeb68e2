// What the classroom channel carries for the trainer alone, once the trainer tools are locked: commands
// signed, and the trainer's view of the game sealed, with a key only a window given the passcode holds
// (derived from it by the lock's PBKDF2, never stored where other tabs read). Every tab of the origin
// hears the channel; without the key a tab can neither read the trainer's view nor forge a command.
// The game window loads this module (and its hashes) only once it holds a key; the shapes of a proof and
// a box, which every message is parsed against, are in channel.ts.
import { blake3 } from '@noble/hashes/blake3.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Proof, Sealed } from './channel.ts';

// One key, several uses: each gets its own subkey, so a signature can never pass for a seal's tag, nor a
// state's for a command's.
const sub = (key: Uint8Array, use: string) => hmac(sha256, key, utf8ToBytes(use));

/** What a signature is for: a console's command to the host, or the host's state to a view. */
type Signed = 'command' | 'state';

/** Signs a command for the host (or, `use` 'state', the host's public state for the presenter). */
export function prove(key: Uint8Array, command: unknown, use: Signed = 'command'): Proof {
  const nonce = bytesToHex(randomBytes(16));
  return {
    nonce,
    mac: bytesToHex(hmac(sha256, sub(key, use), utf8ToBytes(nonce + JSON.stringify(command)))),
  };
}

/** Whether a proof signs this command (or state) with this key. */
export function verify(key: Uint8Array, command: unknown, proof: Proof, use: Signed = 'command'): boolean {
  const want = hmac(sha256, sub(key, use), utf8ToBytes(proof.nonce + JSON.stringify(command)));
  return same(want, hexToBytes(proof.mac));
}

/** Seals a text: XOR with BLAKE3's keyed output stream for a fresh nonce, then HMAC-SHA-256 over both. */
export function seal(key: Uint8Array, text: string): Sealed {
  const nonce = randomBytes(16);
  const plain = utf8ToBytes(text);
  const data = xor(plain, blake3(nonce, { key: sub(key, 'stream'), dkLen: plain.length }));
  return { nonce, data, tag: hmac(sha256, sub(key, 'tag'), concatBytes(nonce, data)) };
}

/** The text of a sealed box, or null when the key is not the one it was sealed with or it was altered. */
export function open(key: Uint8Array, box: Sealed): string | null {
  const { nonce, data } = box;
  if (!same(hmac(sha256, sub(key, 'tag'), concatBytes(nonce, data)), box.tag)) return null;
  return new TextDecoder().decode(xor(data, blake3(nonce, { key: sub(key, 'stream'), dkLen: data.length })));
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  return out;
}

/** Compares in time independent of where they differ. */
function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return d === 0;
}
