import { expect, test } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

// Reading pages get the reader app (no map, no widget gallery: a smaller download); the map,
// the gallery and the widgets get the full app. A reader moves between them without noticing.

function wasmDownloads(page: import('@playwright/test').Page) {
  const downloads: { path: string; bytes: Promise<number> }[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.wasm')) downloads.push({ path, bytes: response.body().then((b) => b.length) });
  });
  return downloads;
}

test('an article downloads the reader app, and the footer link opens the map in the full app', async ({
  page,
}) => {
  const downloads = wasmDownloads(page);
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  // The app has taken over from the reading view (it starts after the page has painted).
  await expect(page.locator('#server-page')).toHaveCount(0);
  expect(downloads.map((d) => d.path)).toEqual([expect.stringMatching(/^\/reader\/portal-web-[0-9a-f]+_bg\.wasm$/)]);

  await page.getByRole('contentinfo').getByRole('link', { name: 'Bản đồ huyện' }).click();
  await expect(page).toHaveURL(/\/ban-do$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bản đồ huyện Bình Liêu');
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
  expect(downloads.map((d) => d.path)).toEqual([
    expect.stringMatching(/^\/reader\//),
    expect.stringMatching(/^\/portal-web-[0-9a-f]+_bg\.wasm$/),
  ]);
  const [reader, full] = await Promise.all(downloads.map((d) => d.bytes));
  expect(reader).toBeLessThan(full);
});

test('a page that arrives readable asks for the app only after it has painted and loaded', async ({
  page,
}) => {
  const started = () =>
    page.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { wasm: wasm?.startTime, paint: paint?.startTime, loaded: navigation.loadEventEnd };
    });
  for (const path of [`/tin-tuc/${mainArticle.slug}`, '/', '/tim-kiem?q=quoc%20phong', '/lich-cong-tac']) {
    await page.goto(path);
    await expect(page.locator('#server-page')).toHaveCount(0);
    const { wasm, paint, loaded } = await started();
    expect(wasm, path).toBeDefined();
    expect(paint, path).toBeDefined();
    expect(wasm!, `${path}: the wasm after the first paint`).toBeGreaterThan(paint!);
    expect(wasm!, `${path}: the wasm after the load event`).toBeGreaterThanOrEqual(loaded);
  }
});

test('a link to the map inside the reader app (in an article, say) loads the map anew', async ({
  page,
}) => {
  const followLinkToMap = async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
    await page.locator('.article-body').evaluate((body) => {
      const link = document.createElement('a');
      link.href = '/ban-do';
      link.textContent = 'Xem trên bản đồ';
      body.append(link);
    });
    await page.getByRole('link', { name: 'Xem trên bản đồ' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bản đồ huyện Bình Liêu');
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
  };
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await followLinkToMap();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/tin-tuc/${mainArticle.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  // Later in the same session, from a newly opened article, the map opens again too.
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await followLinkToMap();
});

test('a web server that sends the reader app for the map gets a message, not a loop of loads', async ({
  page,
  request,
}) => {
  // The reader app's page with the portal's name and menu only, as a static web server that
  // knows no routes would send it (most reading pages' views have content of their own).
  const readerPage = await (await request.get('/gui-y-kien')).text();
  expect(readerPage).toContain('/reader/');
  let documents = 0;
  await page.route('**/ban-do', (route) => {
    documents += 1;
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readerPage });
  });
  // A load would start with a `navigate` event (the Navigation API fires it, synchronously,
  // for location.replace/assign/reload too) to another document: count those.
  await page.addInitScript(() => {
    const w = window as unknown as { __loadsAsked: number; navigation?: EventTarget };
    w.__loadsAsked = 0;
    w.navigation?.addEventListener('navigate', (event) => {
      if (!(event as Event & { destination: { sameDocument: boolean } }).destination.sameDocument) w.__loadsAsked += 1;
    });
  });
  await page.goto('/ban-do');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chưa mở được trang này');
  await expect(page.getByRole('link', { name: 'Về trang chủ' })).toBeVisible();
  expect(await page.evaluate(() => 'navigation' in window), 'the Navigation API').toBe(true);
  // The stand-in decides while it draws (src/pages/in_full_app.rs): it either shows this message
  // or sets a zero-delay timer that loads the address again. A zero-delay timer set now runs
  // after any such timer (timers of equal delay run in the order they were set), so by then a
  // load would have been asked for.
  const loadsAsked = await page.evaluate(
    () =>
      new Promise<number>((done) =>
        setTimeout(() => done((window as unknown as { __loadsAsked: number }).__loadsAsked), 0),
      ),
  );
  expect(loadsAsked).toBe(0);
  expect(documents).toBe(1);
});
