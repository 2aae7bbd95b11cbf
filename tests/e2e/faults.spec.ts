import { expect, test, type Page, type Route } from '../support/loopback';
import { mainArticle, notices } from '../support/fixture.mjs';

// Whatever goes wrong with the API, every route shows a Vietnamese message and a retry
// button: never a blank page, never an uncaught error.

const routes = [
  '/',
  `/tin-tuc/${mainArticle.slug}`,
  '/chuyen-muc/thong-bao',
  '/tim-kiem?q=quoc%20phong',
  '/lich-cong-tac',
  '/lien-ket',
  '/thu-tuc',
  '/thu-tuc/dang-ky-khai-sinh',
  '/co-cau-to-chuc',
];

const TIMEOUT_MS = 1000;

type Fault = { name: string; message: string; apply: (route: Route) => Promise<void> };

const faults: Fault[] = [
  {
    name: '500',
    message: 'Máy chủ đang gặp sự cố',
    apply: (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal","message":"x"}}' }),
  },
  { name: '503', message: 'Máy chủ đang gặp sự cố', apply: (route) => route.fulfill({ status: 503, body: 'busy' }) },
  {
    name: 'malformed JSON',
    message: 'Dữ liệu nhận được không hợp lệ',
    apply: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [' }),
  },
  {
    name: 'slower than the timeout',
    message: 'Máy chủ phản hồi quá lâu',
    apply: async (route) => {
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2.5));
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }).catch(() => {});
    },
  },
  { name: 'refused connection', message: 'Không kết nối được tới máy chủ', apply: (route) => route.abort('connectionrefused') },
];

/** A short request timeout, set the way a deployment would: in index.html. */
async function shortenTimeout(page: Page) {
  await page.route(
    (url) => !url.pathname.startsWith('/api/') && !/\.\w+$/.test(url.pathname),
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        '<meta name="portal-api-base"',
        `<meta name="portal-api-timeout-ms" content="${TIMEOUT_MS}"><meta name="portal-api-base"`,
      );
      await route.fulfill({ response, body });
    },
  );
}

function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

for (const fault of faults) {
  test(`every route explains a ${fault.name} and offers a retry`, async ({ page }) => {
    const errors = watchErrors(page);
    await shortenTimeout(page);
    await page.route('**/api/v1/**', fault.apply);
    for (const path of routes) {
      await page.goto(path);
      const alert = page.getByRole('alert').first();
      await expect(alert, path).toContainText(fault.message, { timeout: TIMEOUT_MS * 5 });
      await expect(alert.getByRole('button', { name: 'Thử lại' })).toBeVisible();
      // The frame is still there: the reader can go elsewhere.
      await expect(page.getByRole('link', { name: 'Chuyển đến nội dung chính' })).toBeAttached();
      await expect(page.locator('footer')).toBeAttached();
    }
    expect(errors).toEqual([]);
  });
}

test('retry recovers on every route once the API is back', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  for (const path of routes) {
    let failing = true;
    await page.unrouteAll();
    await page.route('**/api/v1/**', (route) =>
      failing ? route.fulfill({ status: 503, body: '' }) : route.fallback(),
    );
    await page.goto(path);
    await expect(page.getByRole('alert').first()).toBeVisible();
    failing = false;
    // Each retry re-renders its own block; press the remaining buttons one at a time.
    const retries = page.getByRole('button', { name: 'Thử lại' });
    for (let pressed = 0; pressed < 20 && (await retries.count()) > 0; pressed++) {
      await retries.first().click({ timeout: 2000 }).catch(() => {});
    }
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
  }
  expect(errors).toEqual([]);
});

test('going offline shows a notice, keeps what is shown, and coming back recovers', async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await context.setOffline(true);
  await expect(page.getByText('Bạn đang ngoại tuyến.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);

  await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thông báo' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Không kết nối được tới máy chủ');
  await expect(page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thông báo' })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText('Bạn đang ngoại tuyến.')).toBeHidden();
  await expect(page.locator('main .article-card-title').first()).toHaveText(notices[0].title);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('leaving a page cancels the requests it was waiting for', async ({ page }) => {
  const aborted: string[] = [];
  page.on('requestfailed', (request) => {
    if (request.url().includes(`/api/v1/articles/${mainArticle.slug}`)) aborted.push(request.failure()?.errorText ?? '');
  });
  await page.route(`**/api/v1/articles/${mainArticle.slug}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await route.continue().catch(() => {});
  });
  await page.goto('/');
  await page.getByRole('region', { name: 'Tin tiêu điểm' }).getByRole('link', { name: mainArticle.title }).click();
  await expect(page.locator('main .placeholder').first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thông báo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo');
  await expect.poll(() => aborted, { timeout: 3000 }).toEqual(['net::ERR_ABORTED']);
});
