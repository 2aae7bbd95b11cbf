import { expect, test, type Page, type Route } from '../support/loopback';
import { mainArticle, notices } from '../support/fixture.mjs';

// The app keeps API answers in memory as long as the server's Cache-Control allows, and only
// answers that parsed. Each test answers one API address itself (`page.route`) and counts the
// requests the page makes for it.

/** The first page of the Thông báo category, as its page asks for it (ten a page). */
const isNoticeList = (url: URL) =>
  url.pathname === '/api/v1/articles' &&
  url.searchParams.get('category') === 'thong-bao' &&
  url.searchParams.get('per_page') === '10';

function countRequests(page: Page, matches: (url: URL) => boolean) {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (matches(new URL(request.url()))) seen.push(request.url());
  });
  return seen;
}

/** The server's answer, with the first title replaced (so the reader can tell answers apart)
 *  and the freshness given. */
async function answerNotices(route: Route, firstTitle: string, cacheControl: string) {
  const response = await route.fetch();
  const body = await response.json();
  body.items[0].title = firstTitle;
  await route.fulfill({ status: 200, json: body, headers: { 'cache-control': cacheControl } });
}

const menuLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name, exact: true });

/** Leaves the category for another one inside the app (a click: `goto` would reload it). */
async function leaveNotices(page: Page) {
  await menuLink(page, 'Tin trong huyện').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tin trong huyện');
}

async function openNotices(page: Page) {
  await menuLink(page, 'Thông báo').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo');
}

/** Lets the page's own clock run past `seconds` from now: answers kept for that long expire. */
async function letPageClockPass(page: Page, seconds: number) {
  const now = await page.evaluate(() => performance.now());
  await page.waitForFunction((until) => performance.now() > until, now + seconds * 1000 + 50);
}

/** Records whether a loading placeholder appears in the content from now on, even briefly. */
async function watchPlaceholders(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { placeholderShown: boolean };
    w.placeholderShown = false;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element && (node.matches('.placeholder') || node.querySelector('.placeholder'))) {
            w.placeholderShown = true;
          }
        }
      }
    }).observe(document.getElementById('main')!, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { placeholderShown: boolean }).placeholderShown);
}

test('a malformed 200 is not kept: “Thử lại” asks the server again and shows the article', async ({ page }) => {
  const articlePath = `/api/v1/articles/${mainArticle.slug}`;
  const asked = countRequests(page, (url) => url.pathname === articlePath);
  let broken = true;
  await page.route(`**${articlePath}`, (route) =>
    broken
      ? route.fulfill({
          status: 200,
          contentType: 'text/html',
          headers: { 'cache-control': 'public, max-age=60, stale-while-revalidate=600' },
          body: '<html>proxy error</html>',
        })
      : route.fallback(),
  );
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  const notice = page.getByRole('alert').filter({ hasText: 'Dữ liệu nhận được không hợp lệ.' });
  await expect(notice).toBeVisible();
  const askedBeforeRetry = asked.length;

  broken = false;
  await notice.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await expect(page.locator('.article-body p')).toHaveText(mainArticle.paragraphs);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(asked.length).toBe(askedBeforeRetry + 1);
});

test('an answer older than its max-age is fetched again when its page is revisited', async ({ page }) => {
  const asked = countRequests(page, isNoticeList);
  let answers = 0;
  await page.route(isNoticeList, async (route) => {
    answers += 1;
    await answerNotices(route, `Bản tin lần ${answers}`, 'public, max-age=1');
  });
  await page.goto('/chuyen-muc/thong-bao');
  const firstTitle = page.locator('main .article-card-title').first();
  await expect(firstTitle).toHaveText('Bản tin lần 1');

  await leaveNotices(page);
  await letPageClockPass(page, 1);
  await openNotices(page);
  await expect(firstTitle).toHaveText('Bản tin lần 2');
  expect(asked).toHaveLength(2);
});

test('within stale-while-revalidate, a revisit shows the kept answer at once and refreshes it behind', async ({
  page,
}) => {
  const asked = countRequests(page, isNoticeList);
  let answers = 0;
  await page.route(isNoticeList, async (route) => {
    answers += 1;
    // The refreshed answer is fresh for a minute: the third visit needs no request.
    const cacheControl = answers === 1 ? 'public, max-age=1, stale-while-revalidate=600' : 'public, max-age=60';
    await answerNotices(route, `Bản tin lần ${answers}`, cacheControl);
  });
  await page.goto('/chuyen-muc/thong-bao');
  const firstTitle = page.locator('main .article-card-title').first();
  await expect(firstTitle).toHaveText('Bản tin lần 1');

  await leaveNotices(page);
  await letPageClockPass(page, 1);
  const placeholderShown = await watchPlaceholders(page);
  const refreshed = page.waitForEvent('requestfinished', (request) => isNoticeList(new URL(request.url())));
  await openNotices(page);
  // The stale copy, at once; the refresh runs behind it.
  await expect(firstTitle).toHaveText('Bản tin lần 1');
  expect(await placeholderShown()).toBe(false);
  await refreshed;
  expect(asked).toHaveLength(2);

  await leaveNotices(page);
  await openNotices(page);
  await expect(firstTitle).toHaveText('Bản tin lần 2');
  expect(asked).toHaveLength(2);
});

test('going back to a page whose answer is fresh is instant: no request, no placeholder', async ({ page }) => {
  const asked = countRequests(page, isNoticeList);
  await page.goto('/chuyen-muc/thong-bao');
  const titles = page.locator('main .article-card-title');
  await expect(titles).toHaveText(notices.slice(0, 10).map((n) => n.title));
  expect(asked).toHaveLength(1);

  await leaveNotices(page);
  const placeholderShown = await watchPlaceholders(page);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo');
  await expect(titles).toHaveText(notices.slice(0, 10).map((n) => n.title));
  expect(await placeholderShown()).toBe(false);
  expect(asked).toHaveLength(1);
});

test('an answer the server says not to store is asked for again on every visit', async ({ page }) => {
  const asked = countRequests(page, isNoticeList);
  let answers = 0;
  await page.route(isNoticeList, async (route) => {
    answers += 1;
    await answerNotices(route, `Bản tin lần ${answers}`, 'no-store');
  });
  await page.goto('/chuyen-muc/thong-bao');
  const firstTitle = page.locator('main .article-card-title').first();
  await expect(firstTitle).toHaveText('Bản tin lần 1');
  await leaveNotices(page);
  await openNotices(page);
  await expect(firstTitle).toHaveText('Bản tin lần 2');
  expect(asked).toHaveLength(2);
});

test('a home page category block that cannot be found says so inside the block, not as a 404 page', async ({
  page,
}) => {
  await page.route(
    (url) => url.pathname === '/api/v1/articles' && url.searchParams.get('category') === 'thong-bao',
    (route) =>
      route.fulfill({
        status: 404,
        json: { error: { code: 'not_found', message: 'No such category' } },
      }),
  );
  await page.goto('/');
  const block = page.getByRole('region', { name: 'Thông báo', exact: true });
  await expect(block).toContainText('Không tìm thấy chuyên mục này.');
  await expect(block.getByRole('heading', { level: 2 })).toHaveText('Thông báo');
  // The rest of the home page is there, and it is still the home page.
  await expect(
    page.getByRole('region', { name: 'Tin trong huyện', exact: true }).locator('.article-card-title').first(),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toHaveCount(0);
});
