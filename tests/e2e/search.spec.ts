import { expect, test } from '../support/loopback';
import { districtNews, mainArticle, notices } from '../support/fixture.mjs';

// Searching as a citizen does: often without tone marks, from the header of any page.

test('typing "quoc phong" without marks finds the article, words highlighted', async ({ page }) => {
  await page.goto('/chuyen-muc/thong-bao');
  const box = page.getByRole('search').first().getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
  await box.fill('quoc phong');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/tim-kiem\?q=quoc%20phong$/);
  const hits = page.locator('.search-hits > li');
  await expect(hits.first().getByRole('link')).toHaveText(mainArticle.title);
  await expect(hits.first().locator('.article-card-title mark')).toHaveText(['quốc phòng']);
  await expect(page.getByText('Tìm thấy 1 kết quả')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Từ khóa' })).toHaveValue('quoc phong');
  await expect(page).toHaveTitle(/^Tìm kiếm: quoc phong/);
  await hits.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
});

test('category and dates narrow the search, all in the address', async ({ page }) => {
  await page.goto('/tim-kiem');
  await expect(page.getByText('có thể gõ không dấu')).toBeVisible();
  await page.getByLabel('Từ khóa').fill('thong bao');
  await page.getByRole('combobox', { name: 'Chuyên mục' }).selectOption({ label: 'Thông báo' });
  await page.getByLabel('Từ ngày').fill('2024-10-20');
  await page.getByLabel('Đến ngày').fill('2024-10-25');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(
    /\/tim-kiem\?q=thong%20bao&chuyen-muc=thong-bao&tu-ngay=2024-10-20&den-ngay=2024-10-25$/,
  );
  // Notices 4 to 9 were published from 25 down to 20 October.
  await expect(page.getByText('Tìm thấy 6 kết quả')).toBeVisible();
  await expect(page.locator('.search-hits .article-card-title')).toHaveText(
    notices.slice(3, 9).map((n) => n.title),
  );

  // A shared link opens the same search, form filled in.
  const address = page.url();
  const other = await page.context().newPage();
  await other.goto(address);
  await expect(other.getByText('Tìm thấy 6 kết quả')).toBeVisible();
  await expect(other.getByRole('combobox', { name: 'Chuyên mục' })).toHaveValue('thong-bao');
  await expect(other.getByLabel('Từ ngày')).toHaveValue('2024-10-20');
});

test('back and forward move between searches', async ({ page }) => {
  await page.goto('/tim-kiem?q=dong%20van');
  await expect(page.locator('.search-hits .article-card-title')).toHaveText([districtNews[0].title]);
  await expect(page.locator('.search-hits mark').first()).toHaveText('Đồng Văn');
  await page.getByLabel('Từ khóa').fill('soong co');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page.locator('.search-hits .article-card-title')).toHaveText([districtNews[1].title]);
  await page.goBack();
  await expect(page.locator('.search-hits .article-card-title')).toHaveText([districtNews[0].title]);
  await expect(page.getByLabel('Từ khóa')).toHaveValue('dong van');
  await page.goForward();
  await expect(page.getByLabel('Từ khóa')).toHaveValue('soong co');
});

test('results are paged', async ({ page }) => {
  await page.goto('/tim-kiem?q=lich%20tiep');
  await expect(page.getByText('Tìm thấy 24 kết quả · Trang 1/3')).toBeVisible();
  await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang 3', exact: true }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=lich%20tiep&trang=3$/);
  await expect(page.locator('.search-hits > li')).toHaveCount(4);
});

test('no result explains what to try', async ({ page }) => {
  // Search syntax is only punctuation: the words inside it are still searched.
  await page.goto('/tim-kiem?q=%22quoc%22%20phong*&chuyen-muc=thong-bao');
  await expect(page.getByText('Không tìm thấy bài viết nào có “"quoc" phong*”.')).toBeVisible();
  await page.getByRole('link', { name: 'tìm trong mọi chuyên mục và thời gian' }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=%22quoc%22%20phong\*$/);
  await expect(page.locator('.search-hits .article-card-title').first()).toHaveText(mainArticle.title);
});

test('a start date after the end date is caught before searching', async ({ page }) => {
  await page.goto('/tim-kiem');
  await page.getByLabel('Từ ngày').fill('2024-05-02');
  await page.getByLabel('Đến ngày').fill('2024-05-01');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page.getByRole('alert')).toHaveText('“Từ ngày” phải trước hoặc trùng “Đến ngày”.');
  await expect(page.getByLabel('Từ ngày')).toHaveAttribute('aria-describedby', 'date-error');
  await expect(page).toHaveURL(/\/tim-kiem$/);
});

test('a search with more hits than the server counts says "more than", and pages up to where it counted', async ({ page }) => {
  // The fixture has tens of articles, not thousands: the answer is the server's own, with the
  // count as the server gives it past its limit (API: `total: 1000, more_than_total: true`).
  await page.route(
    (url) => url.pathname === '/api/v1/articles' && url.searchParams.get('q') === 'thong bao',
    async (route) => {
      const body = await (await route.fetch()).json();
      await route.fulfill({ json: { ...body, total: 1000, more_than_total: true } });
    },
  );
  await page.goto('/tim-kiem?q=thong%20bao');
  await expect(page.getByRole('status').filter({ hasText: 'Tìm thấy' })).toHaveText('Tìm thấy hơn 1.000 kết quả · Trang 1/100');
  await expect(page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang 100' })).toBeVisible();
});

test('what a reader types into the search form before the app has started is kept when it takes over', async ({ page }) => {
  // Hold the app's request for the documents, which its search page waits for before it takes
  // over from the server's view of the page: the reader meanwhile types into the view's form.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/api/v1/documents',
    async (route) => {
      await held;
      await route.continue();
    },
  );
  const arriving = page.goto('/tim-kiem?q=quoc%20phong');
  const view = page.locator('#server-page');
  await view.getByLabel('Từ khóa').fill('thong bao');
  await view.getByRole('combobox', { name: 'Chuyên mục' }).selectOption({ label: 'Thông báo' });
  await view.getByLabel('Từ khóa').focus();
  await expect(view).toHaveCount(1);
  release();
  await arriving;

  await expect(view).toHaveCount(0);
  const box = page.getByRole('searchbox', { name: 'Từ khóa' });
  await expect(box).toHaveValue('thong bao');
  await expect(box).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Chuyên mục' })).toHaveValue('thong-bao');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/tim-kiem\?q=thong%20bao&chuyen-muc=thong-bao$/);
  await expect(page.locator('.search-hits > li').first().getByRole('link')).toHaveText(notices[0]!.title);
});
