// Who may sit in a seat, in plain words, for the start screen and the trainer's console: a person, or a
// computer player of a character, and for the planner its strength.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { PlannerLevel, PolicyName, Seat } from '../sim/types.ts';

/** A seat's occupant as the forms choose it. */
export type SeatChoice = 'person' | PolicyName;

export const SEAT_CHOICES: readonly { value: SeatChoice; label: string }[] = [
  { value: 'person', label: 'A person (you or your team)' },
  { value: 'tit-for-tat', label: 'Computer: tit-for-tat (answers in kind, forgives)' },
  { value: 'hawk', label: 'Computer: hawk (leans to force)' },
  { value: 'dove', label: 'Computer: dove (looks for a way down)' },
  { value: 'planner', label: 'Computer: planner (thinks ahead to its goals)' },
];

/** The planner's strengths, weakest first; absent on a seat means 'standard'. */
export const LEVEL_CHOICES: readonly { value: PlannerLevel; label: string }[] = [
  { value: 'quick', label: 'Quick (looks a short way ahead)' },
  { value: 'standard', label: 'Standard' },
  { value: 'deep', label: 'Deep (thinks longest)' },
];

/** What a seat's select shows for it. */
export const choiceOf = (seat: Seat | undefined): SeatChoice =>
  seat?.by === 'person' ? 'person' : (seat?.policy ?? 'tit-for-tat');

/**
 * The seat a form's choices make, keeping what the choice does not say: a person's seat keeps the
 * character it had (the computer's if the seat is given back) and its advisor; a planner its level.
 */
export function seatOf(choice: SeatChoice, level: PlannerLevel, was?: Seat): Seat {
  if (choice === 'person')
    return {
      by: 'person',
      policy: was?.policy ?? 'tit-for-tat',
      ...(was?.level ? { level: was.level } : {}),
      ...(was?.advisor ? { advisor: true } : {}),
    };
  return choice === 'planner'
    ? { by: 'computer', policy: choice, level }
    : { by: 'computer', policy: choice };
}

/** The options of a seat's select, `choice` selected. */
export const seatOptions = (choice: SeatChoice): TemplateResult[] =>
  SEAT_CHOICES.map((x) => html`<option value=${x.value} ?selected=${x.value === choice}>${x.label}</option>`);

/** A planner seat's strength, beside its select; nothing for any other seat. */
export function levelField(o: {
  id: string;
  role: string;
  choice: SeatChoice;
  level: PlannerLevel;
  disabled?: boolean;
  onLevel(level: PlannerLevel): void;
}): TemplateResult | typeof nothing {
  if (o.choice !== 'planner') return nothing;
  const strength = (e: Event) => o.onLevel((e.currentTarget as HTMLSelectElement).value as PlannerLevel);
  return html`<div class="field seat-level"><label for=${o.id}>Strength of the planner</label><select id=${o.id} data-level-for=${o.role}
    ?disabled=${!!o.disabled} @change=${strength}>${LEVEL_CHOICES.map(
      (x) => html`<option value=${x.value} ?selected=${x.value === o.level}>${x.label}</option>`,
    )}</select></div>`;
}

/**
 * A seat's controls in a trainer's console (the local game's and a room's): who plays it, a planner's
 * strength, and a person's advisor. `prefix` keeps the ids of two consoles apart; `set` sends SET_SEAT.
 */
export function seatControls(o: {
  prefix: string;
  role: string;
  name: string;
  seat: Seat | undefined;
  disabled: boolean;
  set(seat: Seat): void;
}): TemplateResult {
  const { prefix, role, name, seat, disabled, set } = o;
  const choice = choiceOf(seat);
  const level: PlannerLevel = seat?.level ?? 'standard';
  const change = (e: Event) =>
    set(seatOf((e.currentTarget as HTMLSelectElement).value as SeatChoice, level, seat));
  const advise = (e: Event) => {
    if (!seat) return;
    const { advisor: _, ...rest } = seat;
    set((e.currentTarget as HTMLInputElement).checked ? { ...rest, advisor: true } : rest);
  };
  return html`<div class="fc-seat" data-fc-seat=${role}><div class="field"><label for=${`${prefix}-seat-${role}`}>Who plays ${name}</label><select id=${`${prefix}-seat-${role}`}
      data-seat=${role} ?disabled=${disabled} @change=${change}>${seatOptions(choice)}</select></div>
      ${levelField({ id: `${prefix}-seat-${role}-level`, role, choice, level, disabled, onLevel: (l) => set(seatOf('planner', l)) })}
      ${
        choice === 'person'
          ? html`<div class="choice"><input type="checkbox" id=${`${prefix}-advisor-${role}`} data-advisor=${role} ?disabled=${disabled}
              .checked=${seat?.advisor === true} @change=${advise}><label for=${`${prefix}-advisor-${role}`}>Advisor for ${name}: show the planner's suggestion on its orders screen</label></div>`
          : nothing
      }</div>`;
}
