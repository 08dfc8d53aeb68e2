// What a player has entered in a form and not yet sent, kept across re-renders of the same screen.
// A screen is built anew on every snapshot (a trainer's inject, a proposal, a place clicked on the
// map), which would otherwise throw away a half-filled form. Controls are matched by `data-keep`:
// a radio group shares one key and is remembered by its checked value; a checkbox or select has its own.
import type { App } from './types.ts';

type Control = HTMLInputElement | HTMLSelectElement;
/** The remembered values of one form: `data-keep` → checked value (radios), ticked (checkboxes) or value. */
export type FormValues = Record<string, string | boolean>;

const controls = (form: HTMLElement) => [...form.querySelectorAll<Control>('[data-keep]')];

function read(form: HTMLElement): FormValues {
  const out: FormValues = {};
  for (const x of controls(form)) {
    const k = x.dataset.keep as string;
    if (x instanceof HTMLInputElement && x.type === 'radio') {
      if (x.checked) out[k] = x.value;
    } else if (x instanceof HTMLInputElement && x.type === 'checkbox') out[k] = x.checked;
    else out[k] = x.value;
  }
  return out;
}

function write(form: HTMLElement, values: FormValues): void {
  const all = controls(form);
  for (const x of all) {
    const v = values[x.dataset.keep as string];
    if (v === undefined) continue;
    if (x instanceof HTMLInputElement && x.type === 'radio') {
      // Only when the remembered choice is still open; else the group keeps its default.
      if (x.value === v)
        for (const r of all) if (r.dataset.keep === x.dataset.keep) (r as HTMLInputElement).checked = r === x;
    } else if (x instanceof HTMLInputElement && x.type === 'checkbox') x.checked = v === true;
    else if (x instanceof HTMLSelectElement) {
      if ([...x.options].some((o) => o.value === v)) x.value = String(v);
    } else x.value = String(v);
  }
}

/**
 * Restores what was last entered in the form named `key` (unique on its screen) and remembers every
 * later change. Call once the form holds all its controls. The app forgets every form before it
 * builds a new screen, so nothing entered on one screen reappears on another.
 */
export function keepForm(app: App, key: string, form: HTMLFormElement): void {
  const saved = app.ui.forms[key];
  if (saved) write(form, saved);
  const remember = () => {
    app.ui.forms[key] = read(form);
  };
  form.addEventListener('change', remember);
  form.addEventListener('input', remember);
}

/** Forgets the form named `key`, so it is built fresh (after it has been sent). */
export function forgetForm(app: App, key: string): void {
  delete app.ui.forms[key];
}
