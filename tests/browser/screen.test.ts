// The student's screen in Chromium: gauges with the round's change, the map legend, actions in words,
// a trainer's inject shown at once, the phone layout, and the built game played with the network cut.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { openStart, openTab, sendFirstInject, toFirstOrders } from './pages.ts';

const browser = useChromium();

/** A gauge's change as the Situation table writes it: "−3", "+0.2", "0". */
function signedOf(text: string): string {
  if (/no change/.test(text)) return '0';
  return /[+−]\d+(?:\.\d+)?/.exec(text)?.[0] ?? `unreadable: ${text}`;
}

/** Each gauge's meter name and its change, as shown. */
function gauges(page: Page): Promise<{ name: string; change: string }[]> {
  return page.locator('.gauge-meters .gauge').evaluateAll((els) =>
    els.map((e) => ({
      name: e.querySelector('.gauge-name')?.textContent ?? '',
      change: e.querySelector('.gauge-change')?.textContent ?? '',
    })),
  );
}

describe('the student’s screen', () => {
  it('shows gauges with the round’s change, a legend, and actions by what they do', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await toFirstOrders(context, '7');
    const strip = page.getByTestId('gauges');
    expect(await strip.isVisible()).toBe(true);
    expect(await strip.locator('.gauge-round').textContent()).toMatch(/^Round 1 of \d+/);
    expect(await strip.locator('.gauge-rung .gauge-next').textContent()).toMatch(
      /^(Next rung up: .+ at escalation \d+|The top)/,
    );
    // The meters are few, in plain words: no ranges such as "(0–100000)".
    const before = await gauges(page);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThanOrEqual(4);
    expect(await strip.textContent()).not.toMatch(/\(\d+–\d+\)/);
    expect(before.every((g) => g.change.endsWith('in the opening'))).toBe(true);

    // The legend draws the map's shapes, one per kind of place the scenario has.
    const legend = page.getByTestId('legend');
    expect(await legend.isVisible()).toBe(true);
    for (const shape of ['capital', 'city', 'province', 'crossing-open', 'crossing-closed'])
      expect(await legend.locator(`li[data-shape="${shape}"] svg`).count()).toBe(1);

    // Actions say what they do; the conflict weight waits in a closed detail for trainers.
    const does = await page.locator('form.orders .does').allTextContents();
    expect(does.length).toBeGreaterThan(5);
    for (const t of does) expect(t).not.toMatch(/Goldstein/);
    expect(new Set(does).size).toBeGreaterThan(does.length / 2);
    expect(await page.locator('form.orders details.weight[open]').count()).toBe(0);
    expect(await page.locator('form.orders details.weight').first().textContent()).toMatch(
      /Goldstein weight/,
    );

    await page.locator('form.orders button[type="submit"]').click();
    await page.waitForSelector('h2:has-text("what happened")');
    const after = await gauges(page);
    expect(after.every((g) => g.change.endsWith('in round 1'))).toBe(true);
    // Each gauge's change is the Situation table's "Change this round" for the same meter.
    await openTab(page, 'situation');
    const table = await page
      .locator('table.meters tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector('th')?.textContent ?? '',
          r.querySelectorAll('td')[1]?.textContent ?? '',
        ]),
      );
    const byName = new Map(table.map(([n, ch]) => [n, ch]));
    for (const g of after)
      expect({ meter: g.name, change: signedOf(g.change) }).toEqual({
        meter: g.name,
        change: byName.get(g.name),
      });
    expect(after.some((g) => signedOf(g.change) !== '0')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows a trainer’s inject to the student at once, labelled as the trainer’s', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await toFirstOrders(context, '8');
    expect(await page.getByTestId('trainer-news').count()).toBe(0);
    // The tests' contexts block service workers (chromium.ts): this page installed none.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(
      0,
    );
    await sendFirstInject(page);
    const box = page.getByTestId('trainer-news');
    await box.waitFor();
    expect(await box.locator('.tag').textContent()).toBe('From the trainer');
    expect((await box.locator('.headline').textContent())?.length).toBeGreaterThan(5);
    // Still the orders of round 1: nothing waited for the round to resolve.
    expect(await page.locator('#panel h2').first().textContent()).toMatch(/^Orders for .*: round 1/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the briefing', () => {
  it('starts with one screen of summary and the role’s goals, the details folded', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openStart(context);
    await page.locator('button:text-is("Start")').click();
    await page.waitForSelector('h2:has-text("Briefing")');
    expect(await page.locator('.brief-summary .goals li').count()).toBeGreaterThan(1);
    const folded = page.locator('.briefing details.brief-more');
    expect(await folded.count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.briefing details.brief-more[open]').count()).toBe(0);
    // What shows before anything is unfolded: a screen's reading, not the 1,221 words of old.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, which leaves out folded <details>
    const words = (await page.locator('.screen.briefing').innerText()).split(/\s+/).filter(Boolean).length;
    expect(words).toBeLessThan(300);
    await folded.first().locator('summary').click();
    expect(await page.locator('.briefing .timeline li').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('on a phone (390×844)', () => {
  it('shows the gauges and the map without horizontal scrolling, touch targets of 44 px, no overlapping labels', async () => {
    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const { page, errors } = await toFirstOrders(context, '7');
    await page.waitForSelector('#map canvas');
    await page.evaluate(() => window.scrollTo(0, 0));
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(width[0]).toBeLessThanOrEqual(width[1] ?? 0);
    for (const sel of ['#map canvas', '[data-testid="gauges"]']) {
      const box = await page.locator(sel).boundingBox();
      expect({ sel, box: !!box }).toEqual({ sel, box: true });
      if (!box) continue;
      // Both on the first screen, within its width.
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390.5);
      expect(box.y).toBeLessThan(844);
    }
    // Every control a finger aims at is at least 44 px each way.
    const small = await page
      .locator('button:visible, select:visible, [role="tab"]:visible, summary:visible')
      .evaluateAll((els) =>
        els
          .map((e) => ({ what: e.textContent?.trim().slice(0, 40), r: e.getBoundingClientRect() }))
          .filter((x) => x.r.width > 0 && (x.r.height < 44 || x.r.width < 44))
          .map((x) => `${x.what} ${Math.round(x.r.width)}×${Math.round(x.r.height)}`),
      );
    expect(small).toEqual([]);
    // The gauges' labels and values do not overlap one another.
    const overlaps = await page.locator('.gauges .gauge-name, .gauges .gauge-value').evaluateAll((els) => {
      const rs = els.map((e) => e.getBoundingClientRect());
      const out: number[][] = [];
      for (const [i, a] of rs.entries())
        for (const [j, b] of rs.entries())
          if (
            j > i &&
            a.left < b.right - 1 &&
            b.left < a.right - 1 &&
            a.top < b.bottom - 1 &&
            b.top < a.bottom - 1
          )
            out.push([i, j]);
      return out;
    });
    expect(overlaps).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the installed game', () => {
  it('starts and plays a round with the network cut, after one load', async () => {
    // The one test that lets the game's service worker install (every other context blocks it).
    const context = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'allow',
    });
    const { page } = await openStart(context);
    // The service worker has installed once it is ready: the game is precached.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(new URL('/', inject('baseUrl')).href);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href') ?? '';
      return (await fetch(href)).json();
    });
    expect(manifest.icons.some((i: { sizes: string }) => i.sizes === '512x512')).toBe(true);

    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/no-such-file.txt').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    await page.reload();
    await page.waitForSelector('h2:has-text("Start a game")');
    await page.getByLabel('Seed').fill('9');
    await page.locator('button:text-is("Start")').click();
    await page.locator('button:text-is("Begin round 1")').click();
    await page.waitForSelector('h2:has-text("Orders for")');
    // The map draws from the cache too (Phaser's chunk and the borders).
    await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 60_000 });
    await page.locator('form.orders button[type="submit"]').click();
    await page.waitForSelector('h2:has-text("Round 1 of")');
    expect(await page.locator('#panel h2').first().textContent()).toMatch(/what happened/);
    await page.locator('button.next').click();
    await page.waitForSelector('h2:has-text("round 2 of")');
    await context.close();
  }, 180_000);
});
