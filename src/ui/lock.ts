// The trainer's lock on the classroom tools: a passcode, kept only as a salted PBKDF2 hash in this
// browser's storage, that keeps the facilitator console (and with it the presenter, the log import and
// the injects) from students at a shared device, and gives the key that signs and seals what the classroom channel carries for the trainer
// (seal.ts). It keeps the curious out; it is no defence against someone who clears the site's storage,
// which also removes the lock (and the game says so).
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { html, nothing, render as paint, type TemplateResult } from 'lit-html';

const KEY = 'brink:trainer-lock';
/** Enough that a stored hash is slow to guess from, little enough to check in a blink on a school laptop. */
const ITERATIONS = 20_000;
/** The shortest passcode taken. */
export const MIN_PASSCODE = 4;

/** What the storage holds: never the passcode itself, which a trainer may use elsewhere too. */
interface Stored {
  salt: string;
  hash: string;
}

/** The lock of this browser. */
export interface TrainerLock {
  /** Whether a passcode is set. */
  isSet(): boolean;
  /** Sets the passcode; returns what is wrong with it, or null once it is stored. */
  set(code: string): Promise<string | null>;
  /** Whether `code` is the passcode. */
  matches(code: string): Promise<boolean>;
  /**
   * The key that signs the console's commands and seals the trainer's view on the channel, derived from
   * the passcode with another salt than the stored hash, so nothing in storage gives it; null for a wrong code.
   */
  channelKey(code: string): Promise<Uint8Array | null>;
  /** Removes the passcode. */
  remove(): void;
}

/** Storage as the lock uses it (localStorage, or a stand-in in tests). */
export type LockStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// The hashes load with the first passcode set or given, not with the page: most games never lock.
async function derive(code: string, salt: string): Promise<Uint8Array> {
  const [{ pbkdf2 }, { sha256 }] = await Promise.all([
    import('@noble/hashes/pbkdf2.js'),
    import('@noble/hashes/sha2.js'),
  ]);
  return pbkdf2(sha256, code, salt, { c: ITERATIONS, dkLen: 32 });
}
const hashOf = async (code: string, salt: string) => bytesToHex(await derive(code, salt));

/** The lock kept in `storage`; with no storage (a private window, say), no passcode can be set. */
export function trainerLock(storage: LockStorage | null): TrainerLock {
  const read = (): Stored | null => {
    try {
      const value = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<Stored> | null;
      // A record that is not ours cannot be unlocked by anyone: treat it as no lock rather than lock the trainer out.
      return typeof value?.salt === 'string' && typeof value.hash === 'string'
        ? { salt: value.salt, hash: value.hash }
        : null;
    } catch {
      return null;
    }
  };
  /** The stored lock when `code` opens it, else null. */
  const verified = async (code: string): Promise<Stored | null> => {
    const stored = read();
    return stored && (await hashOf(code, stored.salt)) === stored.hash ? stored : null;
  };
  return {
    isSet: () => read() !== null,
    async set(code) {
      if (code.trim().length < MIN_PASSCODE) return `The passcode needs at least ${MIN_PASSCODE} characters.`;
      if (!storage) return 'This browser keeps no storage for this page, so the tools cannot be locked.';
      const salt = bytesToHex(randomBytes(16));
      const hash = await hashOf(code, salt);
      try {
        storage.setItem(KEY, JSON.stringify({ salt, hash } satisfies Stored));
      } catch {
        return 'The browser refused to store the lock (its storage may be full).';
      }
      return null;
    },
    async matches(code) {
      return (await verified(code)) !== null;
    },
    async channelKey(code) {
      const stored = await verified(code);
      return stored ? derive(code, `${stored.salt}:channel`) : null;
    },
    remove() {
      storage?.removeItem(KEY);
    },
  };
}

/** This window's localStorage, or null where the browser denies it. */
export function localLock(): TrainerLock {
  try {
    return trainerLock(window.localStorage);
  } catch {
    return trainerLock(null);
  }
}

/**
 * A one-field passcode form: a password input, a submit button and an alert line. `submit` returns the
 * error to show, or null; the field is emptied either way, so no passcode stays on screen. `id` names the input.
 */
export function passcodeForm(opts: {
  id: string;
  label: string;
  action: string;
  hint?: string;
  submit: (code: string) => Promise<string | null>;
}): TemplateResult {
  const { id } = opts;
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = form.querySelector('input') as HTMLInputElement;
    const error = form.querySelector('.error') as HTMLElement;
    const code = input.value;
    input.value = '';
    const problem = await opts.submit(code);
    // The form may have left the page with a right passcode.
    error.textContent = problem ?? '';
    if (problem) input.focus();
  };
  return html`<form class="passcode" @submit=${submit}>
    <label for=${id}>${opts.label}</label><input type="password" id=${id} autocomplete="off" aria-describedby=${opts.hint ? `${id}-hint` : nothing}>
    <button type="submit">${opts.action}</button>
    ${opts.hint ? html`<p class="hint" id=${`${id}-hint`}>${opts.hint}</p>` : nothing}
    <p class="error" role="alert"></p>
  </form>`;
}

const SETUP_HINT =
  'The console window then asks for the passcode, and this way in to it asks for it after every game, so students at this device see only their game. The presenter view stays open. Clearing this site’s data in the browser removes the lock.';

/**
 * The lock's controls: a form to set a passcode; once set, a form to unlock; once unlocked, "lock again"
 * and "remove". `apply` shows or hides the tools it guards. Unlocking lasts as long as these controls: a
 * reload, "lock again", or (on the game's start screen) the next game finds the tools locked.
 */
export function lockControls(opts: {
  lock: TrainerLock;
  apply: (locked: boolean) => void;
  focusTools: () => void;
  /** Told the channel key when the passcode is set or given, and null when it is removed. */
  onKey?: (key: Uint8Array | null) => void;
}): HTMLElement {
  const { lock } = opts;
  const area = document.createElement('div');
  area.className = 'lock';
  let unlocked = false;
  const unlock = async (code: string) => {
    const key = await lock.channelKey(code);
    if (!key) return 'That is not the passcode.';
    opts.onKey?.(key);
    unlocked = true;
    show('tools');
    return null;
  };
  const setCode = async (code: string) => {
    const problem = await lock.set(code);
    if (problem) return problem;
    opts.onKey?.(await lock.channelKey(code));
    unlocked = false;
    show('form');
    return null;
  };
  const again = () => {
    unlocked = false;
    show('form');
  };
  const remove = () => {
    lock.remove();
    opts.onKey?.(null);
    show('tools');
  };
  function view(locked: boolean): TemplateResult {
    if (locked)
      return html`<p class="hint">The trainer tools are locked.</p>${passcodeForm({
        id: 'lock-unlock',
        label: 'Trainer passcode',
        action: 'Unlock the trainer tools',
        submit: unlock,
      })}`;
    if (lock.isSet())
      return html`<div class="buttons">
        <button type="button" @click=${again}>Lock the trainer tools again</button>
        <button type="button" @click=${remove}>Remove the passcode</button>
      </div>`;
    return html`<details class="lock-setup"><summary>Lock the trainer tools</summary>${passcodeForm({
      id: 'lock-set',
      label: 'Passcode to lock the trainer tools',
      action: 'Lock',
      hint: SETUP_HINT,
      submit: setCode,
    })}</details>`;
  }
  function show(focus?: 'form' | 'tools'): void {
    const locked = lock.isSet() && !unlocked;
    opts.apply(locked);
    paint(view(locked), area);
    if (focus === 'form') area.querySelector<HTMLElement>('input, button')?.focus();
    if (focus === 'tools') opts.focusTools();
  }
  show();
  return area;
}
