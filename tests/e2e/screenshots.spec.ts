import { expect, test } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

// Screenshots of the main pages on a phone and a desktop, for people to look at; `make test`
// prints the folder. They assert nothing beyond the page having loaded.

const DIR = 'target/screenshots';
const pages: Array<[string, string]> = [
  ['home', '/'],
  ['article', `/tin-tuc/${mainArticle.slug}`],
  ['category', '/chuyen-muc/thong-bao'],
  ['search', '/tim-kiem?q=quoc%20phong'],
  ['documents', '/van-ban'],
  ['document', '/van-ban/125-qd-ubnd-quy-che-lam-viec-ubnd-huyen'],
  ['schedule', '/lich-cong-tac'],
  ['map', '/ban-do'],
];

for (const width of [360, 1280]) {
  test(`screenshots at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    for (const [name, path] of pages) {
      await page.goto(path);
      // The app draws after the page's load event: wait for it, then for its data.
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.placeholder')).toHaveCount(0);
      await page.screenshot({ path: `${DIR}/${name}-${width}.png`, fullPage: true });
    }
  });
}
