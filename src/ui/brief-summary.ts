// The briefing's first screen: what the crisis is, where it stands, what the role wants and how a round
// goes, in a few lines; the timeline, the opening's news and the full brief unfold below it (briefing.ts).
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Compiled } from '../sim/compile.ts';
import type { GameState } from '../sim/types.ts';

/** What the first screen of the briefing says. */
export interface BriefSummary {
  summary: string;
  /** The rung the opening left the crisis on, and what it means. */
  standing: string;
  /** The role's goals with their points, or none on a shared screen (hot-seat: each brief is private). */
  role: string | null;
  goals: string[];
  /** How the game is played, in one sentence. */
  rules: string;
}

/** The summary for the screen of `role` (null on a screen several people share). */
export function briefSummary(c: Compiled, s: GameState, role: string | null): BriefSummary {
  const m = c.scenario.meta;
  const rung = c.scenario.ladder[s.rung];
  const actor = role ? c.actors.get(role) : undefined;
  const actions = m.actionsPerRound === 1 ? 'one action' : `up to ${m.actionsPerRound} actions`;
  return {
    summary: m.summary,
    standing: rung ? `After the opening the crisis stands at “${rung.name}”: ${rung.description}` : '',
    role: actor?.name ?? null,
    goals: (actor?.objectives ?? []).map((o) => `${o.description} (${o.points} points)`),
    rules:
      `Each round stands for ${m.hoursPerRound} hours; you choose ${actions}, or hold, and the other ` +
      `parties move at the same time. The game lasts at most ${m.maxRounds} rounds.`,
  };
}

/** The summary itself: a few paragraphs and the role's goals. */
export function briefSummaryView(b: BriefSummary): TemplateResult {
  return html`<section class="brief-summary" data-testid="brief-summary">
    <p>${b.summary}</p>
    ${b.standing ? html`<p>${b.standing}</p>` : nothing}
    ${
      b.role
        ? html`<h3>Your goals as ${b.role}</h3>
          ${b.goals.length > 0 ? html`<ul class="goals">${b.goals.map((g) => html`<li>${g}</li>`)}</ul>` : html`<p>No goals are written for this role.</p>`}`
        : nothing
    }
    <p>${b.rules}</p>
  </section>`;
}
