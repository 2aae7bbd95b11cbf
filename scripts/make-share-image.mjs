// Draws the portal's share image (assets/share-image.png, 1200×630: the size Facebook and
// Zalo show in a link preview) in Debian's Chromium, from the portal's own colours and
// emblem, with DejaVu Sans (Debian's fonts-dejavu, which has every Vietnamese letter).
// Run by hand when the portal's name or look changes: node scripts/make-share-image.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const emblem = readFileSync(new URL('../assets/favicon.svg', import.meta.url), 'utf8');
const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { font-family: 'DejaVu Sans', sans-serif; background: #a3161b; color: #fff;
         display: flex; flex-direction: column; justify-content: center; padding: 0 90px;
         box-sizing: border-box; }
  .emblem { width: 150px; height: 150px; margin-bottom: 40px; }
  .emblem svg { width: 100%; height: 100%; }
  .small { font-size: 34px; letter-spacing: 1px; opacity: .92; margin: 0 0 14px; }
  h1 { font-size: 68px; line-height: 1.15; margin: 0; }
  .band { position: absolute; left: 0; right: 0; bottom: 0; height: 28px; background: #ffd84d; }
</style></head><body>
  <div class="emblem">${emblem}</div>
  <p class="small">CỔNG THÔNG TIN ĐIỆN TỬ</p>
  <h1>Huyện Bình Liêu<br>tỉnh Quảng Ninh</h1>
  <div class="band"></div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: new URL('../assets/share-image.png', import.meta.url).pathname });
await browser.close();
console.log('assets/share-image.png: 1200×630');
