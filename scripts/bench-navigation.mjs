// Times route changes to data the app has already loaded: `node bench-navigation.mjs BASE SLUG`.
// Prints JSON: medians in milliseconds, from the click (or history.back) to the new heading.
import { chromium } from '@playwright/test';

const [base, slug] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(action, expected) {
  return page.evaluate(async ({ action, expected }) => {
    const start = performance.now();
    if (action === 'back') history.back();
    else document.querySelector(action).click();
    while (document.querySelector('main h1')?.textContent !== expected || document.querySelector('main .placeholder')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - start;
  }, { action, expected });
}

await page.goto(`${base}/tin-tuc/${slug}`);
await page.waitForSelector('main h1');
const title = await page.textContent('main h1');
const categoryHref = await page.getAttribute('.breadcrumb li:nth-child(2) a', 'href');
const categoryName = await page.textContent('.breadcrumb li:nth-child(2) a');
const back = [];
const category = [];
for (let i = 0; i < 6; i++) {
  const toCategory = await timed('.breadcrumb li:nth-child(2) a', categoryName);
  if (i > 0) category.push(toCategory);
  back.push(await timed('back', title));
}
console.log(JSON.stringify({ back_ms: median(back.slice(1)), category_ms: median(category), category: categoryHref }));
await browser.close();
