// The room store keeps what it kept before appends stopped running their DELETEs: appended events in order,
// an undo's replacement taking later events and the snapshots that held them, the same after a reopen, and a
// room this store has not counted (written by another store on the same file) is replaced as before.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/server/store.ts';
import { tempDir } from './process.ts';

const ev = (round: number, type: string) => ({ round, event: { type } });
const types = (store: Store, code: string) =>
  store.openRoom(code)?.events.map((e) => `${e.round}:${(JSON.parse(e.event) as { type: string }).type}`);

describe('the room store', () => {
  it('appends, replaces on undo with the snapshots past it, and does the same after a reopen', () => {
    const dir = tempDir();
    const store = new Store(dir);
    store.createRoom('AAAAAA', { n: 1 });
    store.writeEvents('AAAAAA', 0, [ev(0, 'BEGIN')]);
    store.writeEvents('AAAAAA', 1, [ev(1, 'ORDERS'), ev(1, 'ORDERS')]);
    store.snapshot('AAAAAA', 1, 3, { at: 1 });
    store.writeEvents('AAAAAA', 3, [ev(1, 'NEXT')]);
    store.writeEvents('AAAAAA', 4, [ev(2, 'ORDERS')]);
    store.snapshot('AAAAAA', 2, 5, { at: 2 });
    expect(types(store, 'AAAAAA')).toEqual(['0:BEGIN', '1:ORDERS', '1:ORDERS', '1:NEXT', '2:ORDERS']);
    expect(store.openRoom('AAAAAA')?.snapshot).toEqual({ round: 2, seq: 5, save: '{"at":2}' });

    // An undo back to round 1's report: the later events and round 2's snapshot go.
    store.writeEvents('AAAAAA', 3, []);
    expect(types(store, 'AAAAAA')).toEqual(['0:BEGIN', '1:ORDERS', '1:ORDERS']);
    expect(store.openRoom('AAAAAA')?.snapshot).toEqual({ round: 1, seq: 3, save: '{"at":1}' });
    store.writeEvents('AAAAAA', 3, [ev(1, 'NEXT')]);
    store.close();

    // Reopened (a restart): appends go on after the stored events, an undo still replaces.
    const again = new Store(dir);
    expect(again.openCodes()).toEqual(['AAAAAA']);
    expect(types(again, 'AAAAAA')).toEqual(['0:BEGIN', '1:ORDERS', '1:ORDERS', '1:NEXT']);
    again.writeEvents('AAAAAA', 4, [ev(2, 'PAUSE')]);
    again.writeEvents('AAAAAA', 2, [ev(1, 'ORDERS')]);
    expect(types(again, 'AAAAAA')).toEqual(['0:BEGIN', '1:ORDERS', '1:ORDERS']);
    again.close();
  });

  it('replaces the events of a room it has not counted, as another store on the same file wrote them', () => {
    const dir = tempDir();
    const first = new Store(dir);
    const second = new Store(dir);
    first.createRoom('BBBBBB', {});
    first.writeEvents('BBBBBB', 0, [ev(0, 'BEGIN'), ev(1, 'ORDERS'), ev(1, 'NEXT')]);
    first.snapshot('BBBBBB', 1, 3, { at: 1 });
    second.writeEvents('BBBBBB', 1, [ev(1, 'PAUSE')]);
    expect(types(second, 'BBBBBB')).toEqual(['0:BEGIN', '1:PAUSE']);
    expect(second.openRoom('BBBBBB')?.snapshot).toBeNull();
    first.close();
    second.close();
  });
});
