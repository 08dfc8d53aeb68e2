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
