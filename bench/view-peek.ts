// The load generator's clients read, of each view the server sends, only what the bench waits on (the
// phase, the round, who has given orders, the client's place): a msgpack reader that builds those fields
// and steps over the rest without building it. Decoding the whole view, the game state with it, was most of
// a simulated client's CPU, which a real client spends on its own device.
import { Protocol } from '@colyseus/sdk';
import { MESSAGES, type SharedView } from '../src/net/protocol.ts';

/** The fields to build, by key; `true` builds the whole value. Anything not named is skipped. */
type Wanted = { readonly [key: string]: Wanted | true };

/** What the bench reads of a view (the rest of SharedView is left out). */
export type PeekedView = Pick<SharedView, 'code' | 'you' | 'phase'> & {
  projection: { state: { round: number }; submitted: string[] } | null;
};

const WANTED: Wanted = {
  code: true,
  you: true,
  phase: true,
  projection: { state: { round: true }, submitted: true },
};

/** How the server's frame of a view starts: ROOM_DATA, then the message type "view" as a short string. */
const VIEW_FRAME = Uint8Array.of(
  Protocol.ROOM_DATA,
  0xa0 | MESSAGES.view.length,
  ...Buffer.from(MESSAGES.view),
);

/** The bench's fields of the view in a frame from the server, or null when the frame is not a view. */
export function peekFrame(frame: Uint8Array): PeekedView | null {
  if (!VIEW_FRAME.every((b, i) => frame[i] === b)) return null;
  return new Reader(frame, VIEW_FRAME.length).value(WANTED) as PeekedView;
}

class Reader {
  readonly #view: DataView;
  readonly #text = new TextDecoder();
  constructor(
    readonly bytes: Uint8Array,
    public at: number,
  ) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The next value: built when `want` is given (a map keeps only the keys `want` names), else skipped. */
  value(want?: Wanted | true): unknown {
    const b = this.#u8();
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    if ((b & 0xf0) === 0x80) return this.#map(b & 0x0f, want);
    if ((b & 0xf0) === 0x90) return this.#array(b & 0x0f, want);
    if ((b & 0xe0) === 0xa0) return this.#str(b & 0x1f, want);
    const v = this.#view;
    switch (b) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
        return this.#skip(this.#u8());
      case 0xc5:
        return this.#skip(this.#u16());
      case 0xc6:
        return this.#skip(this.#u32());
      case 0xc7:
        return this.#skip(this.#u8() + 1);
      case 0xc8:
        return this.#skip(this.#u16() + 1);
      case 0xc9:
        return this.#skip(this.#u32() + 1);
      case 0xca:
        return this.#num(4, v.getFloat32(this.at));
      case 0xcb:
        return this.#num(8, v.getFloat64(this.at));
      case 0xcc:
        return this.#u8();
      case 0xcd:
        return this.#u16();
      case 0xce:
        return this.#u32();
      case 0xcf:
        return this.#num(8, Number(v.getBigUint64(this.at)));
      case 0xd0:
        return this.#num(1, v.getInt8(this.at));
      case 0xd1:
        return this.#num(2, v.getInt16(this.at));
      case 0xd2:
        return this.#num(4, v.getInt32(this.at));
      case 0xd3:
        return this.#num(8, Number(v.getBigInt64(this.at)));
      // fixext 1, 2, 4, 8, 16 (msgpackr writes undefined as a fixext 1): a type byte and the data.
      case 0xd4:
        return this.#skip(2);
      case 0xd5:
        return this.#skip(3);
      case 0xd6:
        return this.#skip(5);
      case 0xd7:
        return this.#skip(9);
      case 0xd8:
        return this.#skip(17);
      case 0xd9:
        return this.#str(this.#u8(), want);
      case 0xda:
        return this.#str(this.#u16(), want);
      case 0xdb:
        return this.#str(this.#u32(), want);
      case 0xdc:
        return this.#array(this.#u16(), want);
      case 0xdd:
        return this.#array(this.#u32(), want);
      case 0xde:
        return this.#map(this.#u16(), want);
      case 0xdf:
        return this.#map(this.#u32(), want);
      default:
        throw new Error(`view-peek: byte 0x${b.toString(16)} at ${this.at - 1} is no msgpack type`);
    }
  }

  #map(n: number, want?: Wanted | true): unknown {
    if (want === undefined) {
      for (let i = 0; i < 2 * n; i++) this.value();
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const key = String(this.value(true));
      const inner = want === true ? true : want[key];
      const v = this.value(inner);
      if (inner !== undefined) out[key] = v;
    }
    return out;
  }

  #array(n: number, want?: Wanted | true): unknown {
    if (want === undefined) {
      for (let i = 0; i < n; i++) this.value();
      return undefined;
    }
    return Array.from({ length: n }, () => this.value(true));
  }

  #str(n: number, want?: Wanted | true): string | undefined {
    const at = this.at;
    this.at += n;
    if (want === undefined) return undefined;
    // Keys and ids are short ASCII: built here, without a TextDecoder call for each.
    if (n <= 32) {
      let s = '';
      for (let i = at; i < at + n; i++) {
        const c = this.bytes[i] ?? 0;
        if (c >= 0x80) return this.#text.decode(this.bytes.subarray(at, at + n));
        s += String.fromCharCode(c);
      }
      return s;
    }
    return this.#text.decode(this.bytes.subarray(at, at + n));
  }

  #skip(n: number): undefined {
    this.at += n;
    return undefined;
  }

  #num(size: number, n: number): number {
    this.at += size;
    return n;
  }

  #u8(): number {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new Error('view-peek: the view ends early');
    return b;
  }

  #u16(): number {
    return this.#num(2, this.#view.getUint16(this.at));
  }

  #u32(): number {
    return this.#num(4, this.#view.getUint32(this.at));
  }
}
