import { expect, test, type Page } from '../support/loopback';
import { ISOLATED_PORT } from '../../playwright.config';

// Visit counting, on a server of its own so that no other test's visits change the numbers.
test.use({ baseURL: `http://127.0.0.1:${ISOLATED_PORT}` });
test.describe.configure({ mode: 'serial' });

async function shownStats(page: Page) {
  const block = page.getByRole('region', { name: 'Thống kê truy cập' });
  await expect(block.locator('.visits-total')).toHaveText(/\d/);
  const number = async (selector: string) =>
    Number((await block.locator(selector).textContent())!.replaceAll('.', ''));
  return { today: await number('.visits-today'), total: await number('.visits-total') };
}

test('a new session counts one visit; reloading and navigating count none', async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await page.goto('/');
  const start = await shownStats(page);
  expect(posts).toHaveLength(1);
  expect(start.total).toBeGreaterThanOrEqual(2325647);
  // Grouped the Vietnamese way.
  await expect(page.locator('.visits-total')).toHaveText(/^2\.325\.6\d\d$/);

  await page.reload();
  expect(await shownStats(page)).toEqual(start);
  await page.getByRole('link', { name: 'Thông báo' }).first().click();
  await page.getByRole('link', { name: /Thông báo số 1 / }).first().click();
  expect(await shownStats(page)).toEqual(start);
  expect(posts).toHaveLength(1);

  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto('/tin-tuc/hoi-nghi-tong-ket-cong-tac-quoc-phong-dia-phuong-nam-2024');
  expect(await shownStats(other)).toEqual({ today: start.today + 1, total: start.total + 1 });
  const cookies = await second.cookies();
  expect(cookies).toEqual([]);
  await first.close();
  await second.close();
});
