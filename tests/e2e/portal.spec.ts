import { expect, test, type Page } from '../support/loopback';
import { categories, districtNews, mainArticle, notices } from '../support/fixture.mjs';

// What a reader sees on the home, article, category and 404 pages, against the real server.

test('an article shows its title, time, author, category and paragraphs', async ({ page }) => {
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  const article = page.locator('article.article');
  await expect(article.locator('time')).toHaveText(mainArticle.shownTime);
  await expect(article.locator('.article-author')).toHaveText(mainArticle.author);
  await expect(article.locator('.article-summary')).toHaveText(mainArticle.summary);
  const paragraphs = article.locator('.article-body p');
  await expect(paragraphs).toHaveText(mainArticle.paragraphs);
  const breadcrumb = page.getByRole('navigation', { name: 'Đường dẫn' });
  await expect(breadcrumb.getByRole('link', { name: 'Quốc phòng – An ninh' })).toHaveAttribute(
    'href',
    '/chuyen-muc/quoc-phong-an-ninh',
  );
  await expect(page).toHaveTitle(new RegExp(`^${mainArticle.title} \\|`));
});

test('an article page asks for its article and the site once, both preloaded by the page', async ({
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === `/api/v1/articles/${mainArticle.slug}` || path === '/api/v1/site') asked.push(path);
  });
  const response = await page.goto(`/tin-tuc/${mainArticle.slug}`);
  const html = await response!.text();
  expect(html).toContain(
    `<link rel="preload" href="/api/v1/articles/${mainArticle.slug}" as="fetch" crossorigin="anonymous">`,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await expect(page.locator('.article-body p').first()).toHaveText(mainArticle.paragraphs[0]);
  // Once the app has drawn the article, a preload its own request did not match would show
  // as a second request.
  await expect(page.locator('#server-page')).toHaveCount(0);
  expect(asked.sort()).toEqual([`/api/v1/articles/${mainArticle.slug}`, '/api/v1/site'].sort());
});

test.describe('without JavaScript (or before the app has loaded)', () => {
  test.use({ javaScriptEnabled: false });

  test('an article can be read: title, time, author, summary, paragraphs, breadcrumb, menu', async ({
    page,
  }) => {
    const response = await page.goto(`/tin-tuc/${mainArticle.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
    const article = page.locator('article.article');
    await expect(article.locator('time')).toHaveText(mainArticle.shownTime);
    await expect(article.locator('.article-author')).toHaveText(mainArticle.author);
    await expect(article.locator('.article-summary')).toHaveText(mainArticle.summary);
    await expect(article.locator('.article-body p')).toHaveText(mainArticle.paragraphs);
    const breadcrumb = page.getByRole('navigation', { name: 'Đường dẫn' });
    await expect(breadcrumb.getByRole('link', { name: 'Quốc phòng – An ninh' })).toHaveAttribute(
      'href',
      '/chuyen-muc/quoc-phong-an-ninh',
    );
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    await expect(menu.getByRole('link')).toHaveText(['Trang chủ', ...categories.map((c) => c.name), 'Văn bản', 'Hỏi đáp', 'Thủ tục', 'Giới thiệu']);
    await expect(page).toHaveTitle(new RegExp(`^${mainArticle.title}`));
    // The note that the page needs JavaScript is gone: this one does not.
    expect(await response!.text()).not.toContain('<noscript>');
  });
});

test.describe('without JavaScript (or before the app has loaded), other pages', () => {
  test.use({ javaScriptEnabled: false });

  test('show the portal name and the category menu', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Cổng thông tin điện tử huyện Bình Liêu' })).toHaveAttribute(
      'href',
      '/',
    );
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    await expect(menu.getByRole('link')).toHaveText(['Trang chủ', ...categories.map((c) => c.name), 'Văn bản', 'Hỏi đáp', 'Thủ tục', 'Giới thiệu']);
  });
});

test('the app takes an article page over from the reading view the server sent', async ({ page }) => {
  const response = await page.goto(`/tin-tuc/${mainArticle.slug}`);
  expect(await response!.text()).toContain('<div id="server-page">');
  // The app's own article: its related articles and print button, and one h1 on the page.
  await expect(page.getByRole('region', { name: 'Tin cùng chuyên mục' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'In bài viết' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.locator('#server-page')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Chuyên mục' })).toHaveCount(1);
});

test('an article lists related articles of its category', async ({ page }) => {
  await page.goto('/tin-tuc/thong-bao-so-5-ve-lich-tiep-cong-dan');
  const related = page.getByRole('region', { name: 'Tin cùng chuyên mục' });
  await expect(related.getByRole('listitem')).toHaveCount(5);
  await expect(related.getByRole('link').first()).toHaveText(notices[0].title);
  await related.getByRole('link', { name: notices[1].title }).click();
  await expect(page).toHaveURL(/thong-bao-so-2-ve-lich-tiep-cong-dan$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(notices[1].title);
});

test('the home page shows featured news and the latest of each category', async ({ page }) => {
  await page.goto('/');
  const featured = page.getByRole('region', { name: 'Tin tiêu điểm' });
  await expect(featured.getByRole('link', { name: mainArticle.title })).toBeVisible();
  await expect(featured.getByRole('link', { name: districtNews[0].title })).toBeVisible();
  await expect(featured.getByRole('link', { name: notices[0].title })).toHaveCount(0);

  for (const category of categories) {
    const block = page.getByRole('region', { name: category.name, exact: true });
    await expect(block.getByRole('heading', { level: 2 })).toHaveText(category.name);
  }
  const noticesBlock = page.getByRole('region', { name: 'Thông báo', exact: true });
  await expect(noticesBlock.locator('.article-card-title')).toHaveText(
    notices.slice(0, 4).map((n) => n.title),
  );
  await expect(page.locator('footer')).toContainText('0203 3878 000');

  await featured.getByRole('link', { name: mainArticle.title }).click();
  await expect(page).toHaveURL(new RegExp(`/tin-tuc/${mainArticle.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
});

test('a category lists its articles page by page', async ({ page }) => {
  await page.goto('/chuyen-muc/thong-bao');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo');
  await expect(page.locator('.list-total')).toHaveText('24 bài viết · Trang 1/3');
  const titles = page.locator('main .article-card-title');
  await expect(titles).toHaveText(notices.slice(0, 10).map((n) => n.title));

  const pages = page.getByRole('navigation', { name: 'Phân trang' });
  await pages.getByRole('link', { name: 'Trang 2', exact: true }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/thong-bao\?trang=2$/);
  await expect(titles).toHaveText(notices.slice(10, 20).map((n) => n.title));
  await expect(pages.getByRole('link', { name: 'Trang 2, trang hiện tại' })).toHaveAttribute('aria-current', 'page');

  await pages.getByRole('link', { name: 'Sau ›' }).click();
  await expect(titles).toHaveText(notices.slice(20).map((n) => n.title));
  await expect(page.locator('.list-total')).toHaveText('24 bài viết · Trang 3/3');

  await page.goBack();
  await expect(titles).toHaveText(notices.slice(10, 20).map((n) => n.title));
});

test('reloading a deep link shows the same page', async ({ page }) => {
  await page.goto('/chuyen-muc/thong-bao?trang=2');
  const titles = page.locator('main .article-card-title');
  await expect(titles.first()).toHaveText(notices[10].title);
  await page.reload();
  await expect(titles.first()).toHaveText(notices[10].title);
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
});

test('unknown addresses show the 404 page inside the frame', async ({ page }) => {
  for (const path of ['/khong-co-trang-nay', '/tin-tuc/khong-co-bai-nay', '/chuyen-muc/khong-co']) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
    await expect(page.getByRole('link', { name: 'Về trang chủ' })).toBeVisible();
    await expect(page.locator('header').getByRole('link', { name: 'Thông báo' })).toBeAttached();
    await expect(page).toHaveTitle(/^Không tìm thấy trang/);
  }
});

test('a failing API shows a Vietnamese message and the retry button recovers', async ({ page }) => {
  let failures = 0;
  await page.route('**/api/v1/articles/*', async (route) => {
    if (failures < 1) {
      failures += 1;
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'boom' } }),
      });
    } else {
      await route.continue();
    }
  });
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Máy chủ đang gặp sự cố');
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('on a 360×740 phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('pages fit the screen without horizontal scrolling', async ({ page }) => {
    for (const path of ['/', `/tin-tuc/${mainArticle.slug}`, '/chuyen-muc/thong-bao', '/khong-co']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
      await expect(page.locator('.placeholder')).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    }
  });

  test('the category menu opens from the menu button', async ({ page }) => {
    await page.goto('/');
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    const button = page.getByRole('button', { name: 'Danh mục' });
    await expect(menu.getByRole('link', { name: 'Thông báo' })).toBeHidden();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await menu.getByRole('link', { name: 'Thông báo' }).click();
    await expect(page).toHaveURL(/\/chuyen-muc\/thong-bao$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });
});
