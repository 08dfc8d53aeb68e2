// The debrief in a real Chromium: its uPlot charts are made and destroyed with the review (no window
// listener outlives its chart), and its printed report is concise: a 4-round game prints on at most 5 A4
// pages, with the timeline and the charts, each chart's markers explained once, no legend left empty.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { pdfPages, playToEnd, toFirstOrders } from './pages.ts';

const browser = useChromium();

/** How many event listeners the window holds, by Chromium's own count (CDP's DOMDebugger). */
async function windowListeners(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId ?? '' });
  await cdp.detach();
  return listeners.length;
}

async function openDebrief(page: Page): Promise<void> {
  await page.locator('button:text-is("Debrief")').click();
  await page.waitForSelector('.full-debrief #chart-escalation canvas');
}

describe('the debrief', () => {
  it('leaves no chart listener behind after opening and closing it ten times', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    // Seed 389, the first military action each round: the seed scenario ends in round 4.
    const { page, errors } = await toFirstOrders(context, '389');
    await playToEnd(page);
    // The first visit loads uPlot, whose module listens on the window once for all its charts.
    await openDebrief(page);
    await page.locator('button:text-is("Back to the ending")').click();
    await page.waitForSelector('h2:has-text("The end")');
    const before = await windowListeners(page);
    await openDebrief(page);
    const charts = await page.locator('.chart canvas').count();
    expect(charts).toBeGreaterThan(5);
    // The open charts listen on the window too (uPlot follows the screen's pixel ratio), one each...
    expect(await windowListeners(page)).toBeGreaterThanOrEqual(before + charts);
    await page.locator('button:text-is("Back to the ending")').click();
    for (let i = 2; i < 10; i++) {
      await openDebrief(page);
      await page.locator('button:text-is("Back to the ending")').click();
    }
    await page.waitForSelector('h2:has-text("The end")');
    // ...and stop when they close, every time.
    expect(await windowListeners(page)).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('prints a 4-round game on at most 5 pages, with the timeline and the charts', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await toFirstOrders(context, '389');
    await playToEnd(page);
    await openDebrief(page);
    expect(await page.locator('.timeline-round').count()).toBe(5); // the opening and rounds 1 to 4
    // Each chart's markers are explained once, above the charts, not under every chart.
    expect(await page.locator('.chart-marks').count()).toBeLessThanOrEqual(1);
    expect(await page.locator('.chart .chart-marks').count()).toBe(0);
    // The legends name the series, with no empty value ("Round: --").
    const legends = await page.locator('.u-legend').allTextContents();
    expect(legends.length).toBeGreaterThan(5);
    for (const text of legends) expect(text).not.toMatch(/--/);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeLessThanOrEqual(5);
    const printed = pages.join('\n');
    expect(printed).toContain('Timeline');
    expect(printed).toContain('The opening (historical)');
    expect(printed).toMatch(/Round 4: /);
    expect(printed).toContain('Charts');
    expect(printed).toContain('Escalation: Goldstein sum per actor per round');
    expect(printed).not.toContain('Round: --');
    // The charts are in it: each canvas becomes an image.
    expect((pdf.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? []).length).toBeGreaterThan(5);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
