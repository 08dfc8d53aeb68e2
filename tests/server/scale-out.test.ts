// Scale-out: with a redis-server of the test's own, two server processes share the rooms; a room created
// on one is joined through the other, and the student's connection goes to the process holding the room.
import { describe, expect, it } from 'vitest';
import { RoomConnection } from '../../src/net/room-client.ts';
import { TWO_SIDES } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';
import { startRedis } from './redis.ts';

describe('two processes sharing Redis', () => {
  it('a room created on one is joined through the other', async () => {
    const redisUrl = await startRedis();
    const a = await startServerProcess({ dataDir: tempDir(), redisUrl });
    const b = await startServerProcess({ dataDir: tempDir(), redisUrl });
    const trainer = await RoomConnection.create(a.endpoint, {
      scenario: 'tutorial',
      name: 'T',
      seats: TWO_SIDES,
    });
    const { code } = await trainer.until((v) => v.code.length === 6);

    // Colyseus places a new room on the process with the fewest rooms, whichever was asked: find the holder.
    const created = new RegExp(`room ${code}: T joined`);
    // The process that does not hold it never prints the line: its wait is left pending, not failed.
    const holder = await Promise.race(
      [a, b].map((p) =>
        p.waitFor(created).then(
          () => p,
          () => new Promise<never>(() => {}),
        ),
      ),
    );
    const other = holder === a ? b : a;

    const student = await RoomConnection.join(other.endpoint, code, { name: 'Via B' });
    const v = await student.until((x) => x.code === code);
    expect(v.you.kind).toBe('student');
    // The holder logged the join, not the process asked; the trainer sees the student.
    await holder.waitFor(new RegExp(`room ${code}: Via B joined as student`));
    expect(other.lines.some((l) => l.includes(`room ${code}`))).toBe(false);
    await trainer.until((x) => x.people.some((p) => p.name === 'Via B' && p.connected));
    // The same game: the student picks a role and the trainer sees it.
    student.send({ type: 'pick', role: 'south' });
    await trainer.until((x) => x.people.some((p) => p.name === 'Via B' && p.role === 'south'));
  });
});
