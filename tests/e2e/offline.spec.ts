import { chromium } from '@playwright/test';
import { expect, test } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

// Reading offline: the service worker (/sw.js) keeps the app and the articles a reader opened.
// The other specs block service workers (playwright.config.ts); these need it.
test.use({ serviceWorkers: 'allow' });

/** Opens the home page and waits until the service worker controls it. */
async function underServiceWorker(page: import('@playwright/test').Page) {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function savedPaths(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() =>
    fetch('/da-luu.json').then((r) => r.json()).then((list: { path: string }[]) => list.map((a) => a.path)),
  );
}

test('an article read once opens again offline, and an unread one leads to the saved articles', async ({
  page,
  context,
}) => {
  await underServiceWorker(page);
  const path = `/tin-tuc/${mainArticle.slug}`;
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await expect.poll(() => savedPaths(page)).toContain(path);

  await context.setOffline(true);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await expect(page.locator('.article-body')).toContainText(mainArticle.paragraphs[1]);

  // An article never opened: the saved list, with a notice saying why.
  await page.goto(`/tin-tuc/thong-bao-so-6-ve-lich-tiep-cong-dan`);
  await expect(page).toHaveURL(/\/da-luu\?ngoai-tuyen=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bài đã lưu để đọc khi không có mạng');
  await expect(page.getByRole('status').filter({ hasText: 'chưa được lưu' })).toBeVisible();
  await page.getByRole('link', { name: mainArticle.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await context.setOffline(false);
});

test('the staff area and what readers send are never kept', async ({ page }) => {
  await underServiceWorker(page);
  // With the worker in charge: the staff area, staff answers, a rating, the visit counts.
  await page.goto('/quan-tri/dang-nhap');
  await page.goto('/');
  await page.evaluate(async () => {
    await fetch('/api/v1/admin/session');
    await fetch('/api/v1/admin/articles');
    await fetch('/api/v1/stats');
    await fetch('/api/v1/ratings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: '/', useful: true, comment: '' }),
    });
  });
  const kept = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      urls.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
    }
    return urls;
  });
  expect(kept).toContain('/api/v1/site');
  for (const path of kept) {
    expect(path).not.toMatch(/^\/(quan-tri|api\/v1\/(admin|feedback|ratings|visits|stats))/);
  }
});

// Chromium never offers to install from an off-the-record profile, which every test context
// is: this one runs in a profile of its own on disk.
test('the portal is installable: a manifest with icons, and a service worker', async ({}, testInfo) => {
  const context = await chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    ...testInfo.project.use.launchOptions,
    baseURL: testInfo.project.use.baseURL,
    serviceWorkers: 'allow',
  });
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort('internetdisconnected'),
  );
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}');
    expect(parsed.short_name).toBe('Bình Liêu');
    for (const icon of parsed.icons) {
      const response = await page.request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
    }
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
