// axe-core run in a page of the browser tests (WCAG 2.0/2.1 A and AA, colour contrast included).
import type { Page } from 'playwright-core';

export interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the page and returns its violations, printed when there are any. */
export async function axe(page: Page, screen: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    // Rules that passed prove axe really ran; an empty result would prove nothing.
    if ((r as unknown as { passes: unknown[] }).passes.length === 0) throw new Error('axe checked nothing');
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  if (violations.length > 0) console.log(`axe on the ${screen} screen:`, JSON.stringify(violations, null, 2));
  return violations;
}
