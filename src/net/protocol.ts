// What travels between a room server and its clients: the options a room is created and joined with,
// every request a client may send (one Zod schema, parsed on the server before anything reads it), and
// the view the server sends each client after every change. Shared by src/server and the browser.
import * as z from 'zod';
import { Scenario } from '../scenario/schema.ts';
import { Id, Order, Seat, Time } from '../sim/events.ts';
import { LogBody } from '../sim/log.ts';
import { Phase } from '../sim/phase.ts';
import { Advice } from '../sim/plan-protocol.ts';
import type { Projection as GameProjection } from '../sim/projection.ts';
import { ProjectedStateSchema } from '../sim/state-schema.ts';

/** The room type's name on the server. */
export const ROOM_NAME = 'brink';

/** The largest request, as JSON, a client may send: an inject with its news fits in far less. */
export const MAX_REQUEST_BYTES = 16 * 1024;
/** Requests per second a client may send before the server drops it (Colyseus's own cap). */
export const MAX_REQUESTS_PER_SECOND = 20;
/** The longest chat line or in-character message. */
export const MAX_TEXT = 1000;

/** A join code: six characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const JoinCode = z
  .string()
  .length(CODE_LENGTH)
  .regex(new RegExp(`^[${CODE_ALPHABET}]+$`), 'not a join code');

/** A secret handed to one client (trainer, presenter or participant): 128 random bits in hex. */
export const Secret = z.string().regex(/^[0-9a-f]{32}$/, 'not a key');

/** A display name: printable text, trimmed, 1 to 40 characters. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'a name is needed')
  .max(40, 'a name has at most 40 characters')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'a name has no control characters');

const Text = z.string().trim().min(1).max(MAX_TEXT);

/** How a trainer sets a room up. */
export const CreateOptions = z.strictObject({
  /** The id of a bundled scenario. */
  scenario: Id,
  name: DisplayName,
  /** Who sits in each playable seat; a seat not named is a person's. */
  seats: z.record(Id, Seat).optional(),
  /** Every join waits for the trainer's approval. */
  approval: z.boolean().default(false),
  /** A seat nobody holds when a round opens, or with nobody connected at a deadline, is played by its computer player. */
  autoplay: z.boolean().default(false),
  /** Minutes each round's orders may take; none means the trainer moves the game on. */
  roundMinutes: z.number().int().min(1).max(240).nullable().default(null),
  /** Students pick their role (else the trainer assigns them). */
  pick: z.boolean().default(true),
});
export type CreateOptions = z.input<typeof CreateOptions>;

/** How anyone else comes in: with a name, or with a key the server handed out earlier. */
export const JoinOptions = z.strictObject({
  name: DisplayName.optional(),
  /** The trainer's key, the presenter's key, or a participant's own key (back after a server restart). */
  key: Secret.optional(),
});
export type JoinOptions = z.input<typeof JoinOptions>;

/** Every request a client may send, as the one message type `REQUEST`. */
export const REQUEST = 'do';
export const Request = z.discriminatedUnion('type', [
  /** A game event; the server checks it against the sender's seat, then parseEvent and the machine. */
  z.strictObject({ type: z.literal('event'), event: z.unknown() }),
  z.strictObject({ type: z.literal('undo') }),
  z.strictObject({ type: z.literal('pick'), role: Id.nullable() }),
  z.strictObject({ type: z.literal('assign'), participant: Id, role: Id.nullable() }),
  z.strictObject({ type: z.literal('remove'), participant: Id }),
  z.strictObject({ type: z.literal('approve'), participant: Id, accept: z.boolean() }),
  z.strictObject({ type: z.literal('lock'), locked: z.boolean() }),
  z.strictObject({ type: z.literal('autoplay'), on: z.boolean() }),
  z.strictObject({ type: z.literal('deadline'), minutes: z.number().int().min(1).max(240).nullable() }),
  /** The team's working draft of its orders, with a note: the rest of the team sees it change. */
  z.strictObject({
    type: z.literal('draft'),
    orders: z.array(Order).max(50),
    note: z.string().max(MAX_TEXT),
  }),
  /** A line in the team's private chat. */
  z.strictObject({ type: z.literal('chat'), text: Text }),
  /** An in-character message to one role (private) or to all (a public statement). */
  z.strictObject({ type: z.literal('say'), to: z.union([Id, z.literal('*')]), text: Text }),
  /** The trainer's transcript and game log. */
  z.strictObject({ type: z.literal('export') }),
]);
export type Request = z.output<typeof Request>;

export const Kind = z.enum(['trainer', 'presenter', 'student']);
export type Kind = z.output<typeof Kind>;

/** The most people, lines and drafts a view may list: far beyond any classroom's session. */
const MAX_LIST = 200_000;
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST);
/** A sentence from the server (a notice, what undo takes back): bounded like any text. */
const Said = z.string().max(10_000);

/** A person in the room, as others see them. */
export const Person = z.strictObject({
  id: Id,
  name: z.string().max(40),
  role: Id.nullable(),
  connected: z.boolean(),
  /** Waiting for the trainer's approval (shown to the trainer only). */
  pending: z.boolean(),
});
export type Person = z.output<typeof Person>;

/** A line of a team's chat, or an in-character message (`to`: a role, or '*' for everyone). */
export const Line = z.strictObject({
  at: Time,
  from: z.string().max(40),
  /** The sender's role (in-character messages and team chat), or null. */
  role: Id.nullable(),
  to: z.union([Id, z.literal('*')]).nullable(),
  team: z.boolean(),
  text: z.string().max(MAX_TEXT),
});
export type Line = z.output<typeof Line>;

export const Draft = z.strictObject({
  orders: z.array(Order).max(50),
  note: z.string().max(MAX_TEXT),
  by: z.string().max(40),
});
export type Draft = z.output<typeof Draft>;

/** The game as one viewer may see it (projectFor): its projected state and who has given orders. */
const Projection: z.ZodType<GameProjection> = z.strictObject({
  state: ProjectedStateSchema,
  submitted: z.array(Id).max(1000),
});

/** Who this client is: its place in the room (the view), its id and name (the welcome). */
const Place = z.strictObject({ kind: Kind, role: Id.nullable(), pending: z.boolean() });

/**
 * A view as it travels, what the server sends each client after every change: without the receiver's
 * own id and name (they come in the welcome), so that every client with the same place in the room
 * (kind, role, waiting or not) is sent the very same bytes.
 */
export const SharedView = z.strictObject({
  code: JoinCode,
  you: Place,
  phase: Phase,
  /** The game as this client may see it (projectFor), or null while waiting for approval. */
  projection: Projection.nullable(),
  people: list(Person),
  locked: z.boolean(),
  approval: z.boolean(),
  autoplay: z.boolean(),
  pick: z.boolean(),
  /** The drafts this client may see, by role. */
  drafts: z.record(Id, Draft),
  lines: list(Line),
  /** Why this client's last request was refused, or null. */
  notice: Said.nullable(),
  /** What undo would take back (trainer only). */
  undoes: Said.nullable(),
  /** Planner seats whose orders are being planned on the server (the round waits for them). */
  thinking: z.array(Id).max(1000),
  /** The advisor's suggestion for this client's own seat, when the trainer switched it on (students only). */
  advice: Advice.nullable(),
});
export type SharedView = z.output<typeof SharedView>;

/** A view as the client holds it: the shared view with the client's own id and name from its welcome. */
export type View = Omit<SharedView, 'you'> & {
  you: SharedView['you'] & { id: string; name: string };
};

/** The first message to a client after joining (and after its role changes): its keys and the scenario it may read. */
export const Welcome = z.strictObject({
  /** Who this client is in the room. */
  id: Id,
  name: z.string().max(40),
  /** This client's own key: back into the same place after a server restart (empty once handed over). */
  key: z.union([Secret, z.literal('')]),
  /** The trainer also gets the presenter's key, for the projector's link. */
  presenterKey: Secret.optional(),
  /** The scenario as this client may read it (scenarioFor), or null while waiting for approval. */
  scenario: Scenario.nullable(),
});
export type Welcome = z.output<typeof Welcome>;

/** The trainer's export: the log's structure (its events are parsed when a log is read back) and every line. */
export const Export = z.strictObject({ log: LogBody, lines: list(Line) });
export type Export = z.output<typeof Export>;

export const MESSAGES = { view: 'view', welcome: 'welcome', export: 'export' } as const;
