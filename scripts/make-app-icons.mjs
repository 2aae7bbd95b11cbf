// Draws the icons of the installable app (assets/icon-192.png, icon-512.png and
// icon-maskable-512.png, named in assets/manifest.webmanifest) in Debian's Chromium, from the
// favicon's emblem. The maskable icon keeps the star inside the middle 80 %, the circle that
// every launcher's mask leaves whole. Run by hand when the emblem changes:
// node scripts/make-app-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const emblem = readFileSync(new URL('../assets/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // The maskable icon: a full red square, the emblem at 60 % in its middle.
  const inner = maskable ? Math.round(size * 0.6) : size;
  await page.setContent(`<!doctype html><html><head><style>
    html, body { margin: 0; width: ${size}px; height: ${size}px; background: ${maskable ? '#a3161b' : 'transparent'}; }
    body { display: flex; align-items: center; justify-content: center; }
    svg { width: ${inner}px; height: ${inner}px; display: block; }
  </style></head><body>${emblem}</body></html>`);
  await page.screenshot({
    path: new URL(`../assets/${name}`, import.meta.url).pathname,
    omitBackground: !maskable,
  });
  await page.close();
}
await browser.close();
