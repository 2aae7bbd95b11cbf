import { expect, test } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

// Every route runs under the server's strict Content-Security-Policy without a violation.

const routes = [
  '/',
  `/tin-tuc/${mainArticle.slug}`,
  '/chuyen-muc/thong-bao?trang=2',
  '/tim-kiem?q=quoc%20phong',
  '/lich-cong-tac',
  '/lien-ket',
  '/ban-do',
  '/nhung',
  '/embed/tin-moi',
  '/embed/ban-do',
  '/gui-y-kien',
  '/tra-cuu-phan-hoi?ma=PH-2026-000001',
  '/hoi-dap',
  '/hoi-dap/PH-2026-000001',
  '/thu-tuc?linh-vuc=ho-tich&q=khai%20sinh',
  '/thu-tuc/dang-ky-khai-sinh',
  '/thu-tuc/khong-co-thu-tuc-nay',
  '/gioi-thieu',
  '/co-cau-to-chuc',
  '/khong-co-trang-nay',
];

test('no route violates the Content-Security-Policy or throws', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The 404 page's own status is reported as a failed load, and an unknown procedure's
    // (the page and the API's answer alike): those are expected.
    const own404 =
      message.text().includes('404') &&
      ['/khong-co-trang-nay', '/khong-co-thu-tuc-nay'].some((end) => message.location().url.endsWith(end));
    // So is every request beyond loopback, closed in the tests (the map's tiles).
    const outside = !new URL(message.location().url || 'http://127.0.0.1/').hostname.startsWith('127.');
    if (message.type() === 'error' && !own404 && !outside) errors.push(`${message.location().url}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    (window as any).violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as any).violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  for (const route of routes) {
    const response = await page.goto(route);
    const policy = response!.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(policy).not.toContain('unsafe-inline');
    await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
    await expect(page.locator('.placeholder')).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).violations), route).toEqual([]);
  }
  expect(errors).toEqual([]);
});
