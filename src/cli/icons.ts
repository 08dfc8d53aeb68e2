// Renders the game's PNG icons from assets/icons/icon.svg with Chromium (the browser tests' own), so the
// icons are drawn once, as SVG, and every size follows from it: `npx tsx src/cli/icons.ts`.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../../tests/browser/chromium.ts';

/** Each PNG and its size in pixels; the drawing is full bleed, so the 512 one also serves as the maskable icon. */
const SIZES: [string, number][] = [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['apple-touch-icon.png', 180],
];

const svg = readFileSync('assets/icons/icon.svg', 'utf8');
const browser = await launchChromium();
try {
  for (const [file, size] of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `assets/icons/${file}`, omitBackground: false });
    await page.close();
    console.log(`assets/icons/${file}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
