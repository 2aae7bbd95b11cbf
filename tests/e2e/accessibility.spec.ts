import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Route } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

/** A demo document (content/documents) with a body, a file and relations. */
const mainDocument = '125-qd-ubnd-quy-che-lam-viec-ubnd-huyen';

// axe-core finds no WCAG 2.2 AA violation on any route, loaded, empty, error and 404, on a
// phone and on a desktop, with axe's experimental rules too (off unless asked for by their tag).

const routes: Array<[string, string]> = [
  ['home', '/'],
  ['article', `/tin-tuc/${mainArticle.slug}`],
  ['category', '/chuyen-muc/thong-bao?trang=2'],
  ['search', '/tim-kiem?q=quoc%20phong'],
  ['search, no result', '/tim-kiem?q=khongcogica'],
  ['search, empty form', '/tim-kiem'],
  ['documents', '/van-ban'],
  ['documents, filtered and searched', '/van-ban?q=quy%20che&loai=quyet-dinh&nam=2025'],
  ['documents, none found', '/van-ban?q=khongcogica'],
  ['document', `/van-ban/${mainDocument}`],
  ['document, replaced', '/van-ban/56-qd-ubnd-quy-che-lam-viec-2021'],
  ['schedule', '/lich-cong-tac'],
  ['schedule, empty week', '/lich-cong-tac?tuan=2030-W10'],
  ['links', '/lien-ket'],
  ['map', '/ban-do'],
  ['widget gallery', '/nhung'],
  ['embed: latest news', '/embed/tin-moi?so=3&chuyen-muc=thong-bao'],
  ['embed: latest documents', '/embed/van-ban-moi?so=3'],
  ['embed: featured news', '/embed/tin-tieu-diem'],
  ['embed: schedule', '/embed/lich-cong-tac'],
  ['embed: visits', '/embed/thong-ke-truy-cap'],
  ['embed: links', '/embed/lien-ket'],
  ['embed: map', '/embed/ban-do'],
  ['embed: unknown', '/embed/khong-co'],
  ['feedback', '/gui-y-kien'],
  ['questions', '/hoi-dap'],
  ['questions, searched by field', '/hoi-dap?linh-vuc=dat-dai&q=giay%20chung%20nhan'],
  ['questions, none found', '/hoi-dap?q=khongcogica'],
  ['question', '/hoi-dap/PH-2026-000001'],
  ['feedback look-up', '/tra-cuu-phan-hoi?ma=PH-2026-000001'],
  ['procedures', '/thu-tuc'],
  ['procedures of a field', '/thu-tuc?linh-vuc=ho-tich'],
  ['procedures, unknown field', '/thu-tuc?linh-vuc=khong-co'],
  ['procedure', '/thu-tuc/dang-ky-khai-sinh'],
  ['introduction', '/gioi-thieu'],
  ['organisation', '/co-cau-to-chuc'],
  ['embed: questions', '/embed/hoi-dap?so=3'],
  ['saved articles, offline notice', '/da-luu?ngoai-tuyen=%2Ftin-tuc%2Fkhong-co'],
  ['404', '/khong-co-trang-nay'],
];

// `experimental` runs every rule axe marks so (label-content-name-mismatch, p-as-heading,
// css-orientation-lock, table-fake-caption, …), which axe leaves out by default, even when a
// rule also carries a WCAG tag named here.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'];

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const [name, path] of routes) {
      test(`${name} has no violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expect(page.locator('.placeholder')).toHaveCount(0);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
        // Every page has its own title and exactly one description.
        await expect(page).toHaveTitle(/Cổng thông tin điện tử huyện Bình Liêu$/);
        const description = page.locator('meta[name="description"]');
        await expect(description).toHaveCount(1);
        await expect(description).toHaveAttribute('content', /.{20,}/);
      });
    }

    for (const [name, path] of [
      ['an article', `/tin-tuc/${mainArticle.slug}`],
      ['a document', `/van-ban/${mainDocument}`],
      ['a procedure', '/thu-tuc/dang-ky-khai-sinh'],
      ['the introduction', '/gioi-thieu'],
      ['the organisation', '/co-cau-to-chuc'],
      ['the home page', '/'],
      ['a category', '/chuyen-muc/thong-bao'],
      ['the search results', '/tim-kiem?q=thong%20bao'],
      ['a search without hits', '/tim-kiem?q=kh%C3%B4ng%20c%C3%B3&chuyen-muc=thong-bao'],
      ['the decisions in the documents library', '/van-ban?loai=quyet-dinh'],
      ['the questions', '/hoi-dap'],
      ['the procedures of a field', '/thu-tuc?linh-vuc=ho-tich'],
      ['the schedule', '/lich-cong-tac'],
      ['the linked websites', '/lien-ket'],
      ['the English home page', '/en'],
    ]) {
      test(`${name} before the app has started (the reading view the server sends) has no violations`, async ({
        page,
      }) => {
        // The page as the server sends it, without the script that starts the app.
        await page.route((url) => url.pathname + url.search === path, async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(/<script type="module">[\s\S]*?<\/script>/, '');
          await route.fulfill({ response, body: html });
        });
        await page.goto(path);
        await expect(page.locator('#server-page')).toHaveCount(1);
        await expect(page.locator('#server-page nav.main-menu')).toBeAttached();
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      });
    }

    test('the error state has no violations', async ({ page }) => {
      await page.route('**/api/v1/articles**', (route) => route.fulfill({ status: 503, body: '' }));
      await page.goto(`/tin-tuc/${mainArticle.slug}`);
      await expect(page.getByRole('alert').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });

    test('the map, the embeds and the documents library have no violations when their data fails or is empty', async ({ page }) => {
      const cases: Array<[string, string, (route: Route) => Promise<void>]> = [
        ['/ban-do', '**/api/v1/map', (route) => route.fulfill({ status: 503, body: '' })],
        ['/ban-do', '**/api/v1/map', (route) => route.fulfill({ json: { type: 'FeatureCollection', features: [] } })],
        ['/embed/tin-moi', '**/api/v1/articles**', (route) => route.fulfill({ status: 503, body: '' })],
        ['/embed/van-ban-moi', '**/api/v1/documents**', (route) => route.fulfill({ status: 503, body: '' })],
        ['/van-ban', '**/api/v1/documents**', (route) => route.fulfill({ status: 503, body: '' })],
        ['/embed/lich-cong-tac', '**/api/v1/schedule**', (route) => route.fulfill({ status: 500, body: '' })],
        ['/embed/ban-do', '**/api/v1/map', (route) => route.fulfill({ json: { type: 'FeatureCollection', features: [] } })],
      ];
      for (const [path, api, answer] of cases) {
        await page.route(api, answer);
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expect(page.locator('.placeholder')).toHaveCount(0);
        await expect(page.locator('[role="alert"], .empty').first()).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(results.violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
        await page.unroute(api);
      }
    });
  });
}

test('no page scrolls sideways at 320, 360, 768 or 1280 px', async ({ page }) => {
  // Four widths of every route: more page loads than one test's usual 30 s.
  test.setTimeout(180_000);
  for (const width of [320, 360, 768, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [name, path] of routes) {
      await page.goto(path);
      // The app draws after the load event: without its heading there is nothing to measure.
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.locator('.placeholder')).toHaveCount(0);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
});

test('after a link is followed, focus is on the new page heading and the page is announced', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Tin tiêu điểm' }).getByRole('link', { name: mainArticle.title }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(mainArticle.title);
  await expect(heading).toBeFocused();
  await expect(page.locator('[aria-live="polite"]').first()).toHaveText(new RegExp(`^${mainArticle.title} \\|`));
});

test('the skip link and the phone menu work from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  // The skip link is the app's: wait for the app to take over before pressing Tab.
  await expect(page.locator('#server-page')).toHaveCount(0);
  await expect(page.locator('.placeholder')).toHaveCount(0);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Chuyển đến nội dung chính' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const menuButton = page.getByRole('button', { name: 'Danh mục' });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
  await menu.getByRole('link', { name: 'Thông báo' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/chuyen-muc\/thong-bao$/);
});

test('the text size control changes and keeps the size', async ({ page }) => {
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  const before = await size();
  await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
  await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
  const larger = await size();
  expect(parseFloat(larger)).toBeGreaterThan(parseFloat(before));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  // The h1 is the server's reading view's before the app starts; the app applies the kept
  // size when it does.
  await expect.poll(size).toBe(larger);
  await page.getByRole('button', { name: 'Cỡ chữ mặc định' }).click();
  expect(await size()).toBe(before);
});

test('an article prints without menus or sidebars, with its address', async ({ page }) => {
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await expect(page.getByRole('button', { name: 'In bài viết' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.locator('article.article time')).toBeVisible();
  for (const hidden of ['header', 'footer', 'aside', '.breadcrumb', '.related']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  await expect(page.getByRole('button', { name: 'In bài viết' })).toBeHidden();
  await expect(page.getByText(`Địa chỉ bài viết: http://127.0.0.1:`)).toBeVisible();
});
