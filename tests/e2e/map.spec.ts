import { expect, test, type Page } from '../support/loopback';
import { ISOLATED_PORT } from '../../playwright.config';
import { mainArticle, places } from '../support/fixture.mjs';

// The district map: every place of the API drawn with nothing but loopback reachable (see
// tests/support/loopback.ts: OpenStreetMap's tiles fail as they do offline), popups,
// layers, the list beside the map, tiles from the server's settings, and Leaflet loaded only
// where a map is shown.

const points = places.filter((place) => place.geometry.type === 'Point');
const gate = places.find((place) => place.id === 'cua-khau-hoanh-mo')!;

// A 1×1 PNG: what the made-up tile server of the isolated portal answers.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function openMap(page: Page) {
  await page.goto('/ban-do');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bản đồ huyện Bình Liêu');
  await expect(page.locator('.leaflet-marker-icon')).toHaveCount(points.length);
}

test('every place of the API is drawn, on a plain background when tiles cannot load', async ({ page, request }) => {
  const api = await (await request.get('/api/v1/map')).json();
  expect(api.features.map((feature: { id: string }) => feature.id)).toEqual(places.map((place) => place.id));

  await openMap(page);
  for (const place of points) {
    await expect(page.locator(`.leaflet-marker-icon[title="${place.properties.name}"]`)).toHaveClass(
      new RegExp(`kind-${place.properties.kind}`),
    );
  }
  await expect(page.locator('path.place-outline')).toHaveCount(1);
  await expect(page.getByText('Không tải được bản đồ nền')).toBeVisible();
  await expect(page.getByText('Vị trí và ranh giới trên bản đồ là gần đúng')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bản đồ huyện Bình Liêu' })).toBeVisible();
});

test('clicking a marker opens its popup, whose link leads to the news', async ({ page }) => {
  await openMap(page);
  await page.locator(`.leaflet-marker-icon[title="${gate.properties.name}"]`).click();
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toContainText(gate.properties.name);
  await expect(popup).toContainText('Cửa khẩu');
  await expect(popup).toContainText(gate.properties.address!);
  await expect(popup).toContainText('Vị trí gần đúng');
  // Opening the popup pans the map to show it; a click during that pan can land beside the
  // moving link, as it would for a person, so click again until the page changes.
  await expect(async () => {
    if (!page.url().endsWith(`/tin-tuc/${mainArticle.slug}`)) {
      await popup.getByRole('link', { name: mainArticle.title }).click({ timeout: 2_000 });
    }
    await expect(page).toHaveURL(`/tin-tuc/${mainArticle.slug}`, { timeout: 1_000 });
  }).toPass();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);

  // The district's outline has its popup too.
  await openMap(page);
  // Near the bottom edge, in the middle: inside the outline and away from every marker.
  const outline = page.locator('path.place-outline');
  const box = (await outline.boundingBox())!;
  await outline.click({ position: { x: box.width * 0.5, y: box.height * 0.9 } });
  await expect(page.locator('.leaflet-popup')).toContainText('Huyện Thử Nghiệm');
});

test('the list filters as you type, without tone marks, and opens a place by keyboard', async ({ page }) => {
  await openMap(page);
  const list = page.locator('.place-list .place-name');
  await expect(list).toHaveCount(places.length);
  await expect(page.locator('.place-count')).toHaveText(`${places.length} địa điểm`);

  await page.getByLabel('Tìm địa điểm theo tên hoặc địa chỉ').fill('dong van');
  await expect(list).toHaveText(['Xã Đồng Văn', 'Trạm Y tế xã Đồng Văn', 'Chợ Đồng Văn']);
  await page.getByLabel('Tìm địa điểm theo tên hoặc địa chỉ').fill('cua khau hoanh');
  await expect(list).toHaveText([gate.properties.name]);
  await expect(page.locator('.place-count')).toHaveText('1 địa điểm');

  // Tab from the filter to the place, Enter: the map shows it and the keyboard is in its popup.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: new RegExp(gate.properties.name) })).toBeFocused();
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toContainText(gate.properties.name);
  await expect(page.locator('.place-popup')).toBeFocused();
  // Escape closes it and gives the keyboard back to the list.
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(gate.properties.name) })).toBeFocused();

  await page.getByLabel('Tìm địa điểm theo tên hoặc địa chỉ').fill('khong co noi nay');
  await expect(list).toHaveCount(0);
  await expect(page.locator('.place-count')).toHaveText('Không có địa điểm nào phù hợp.');
});

test('layers switch off and on by kind, on the map and in the list', async ({ page }) => {
  await openMap(page);
  const schools = page.getByRole('checkbox', { name: /Trường học/ });
  await schools.uncheck();
  await expect(page.locator('.leaflet-marker-icon.kind-truong-hoc')).toHaveCount(0);
  await expect(page.locator('.leaflet-marker-icon')).toHaveCount(points.length - 1);
  await expect(page.locator('.place-list')).not.toContainText('Trường Phổ thông Dân tộc Nội trú');
  await page.getByRole('checkbox', { name: /Ranh giới huyện/ }).uncheck();
  await expect(page.locator('path.place-outline')).toHaveCount(0);
  await schools.check();
  await expect(page.locator('.leaflet-marker-icon.kind-truong-hoc')).toHaveCount(1);
  await expect(page.locator('.place-list')).toContainText('Trường Phổ thông Dân tộc Nội trú');
});

test('only pages with a map load Leaflet', async ({ page }) => {
  const leafletFiles: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/leaflet/')) leafletFiles.push(new URL(request.url()).pathname);
  });
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  // The sidebar's map is a drawing: every place, no tiles, no Leaflet.
  const sketch = page.getByRole('img', { name: /Sơ đồ huyện Bình Liêu với 7 địa điểm/ });
  await expect(sketch).toBeVisible();
  await expect(sketch.locator('circle')).toHaveCount(points.length);
  await page.waitForLoadState('networkidle');
  expect(leafletFiles).toEqual([]);

  // Its link opens the map page, which does load Leaflet, once.
  await page.getByRole('link', { name: 'Xem bản đồ huyện ›' }).click();
  await expect(page.locator('.leaflet-marker-icon')).toHaveCount(points.length);
  expect(leafletFiles.sort()).toEqual(['/leaflet/leaflet.css', '/leaflet/leaflet.js']);
});

test('when Leaflet cannot load, the list still works and a retry draws the map', async ({ page }) => {
  await page.route('**/leaflet/leaflet.js', (route) => route.abort());
  await page.goto('/ban-do');
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('Không kết nối được');
  await expect(page.locator('.place-list .place-name')).toHaveCount(places.length);
  await page.unroute('**/leaflet/leaflet.js');
  await notice.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.locator('.leaflet-marker-icon')).toHaveCount(points.length);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('with tiles from the server settings', () => {
  test.use({ baseURL: `http://127.0.0.1:${ISOLATED_PORT}` });

  test('the base map comes from the configured tile server, credited', async ({ page }) => {
    const tiles: string[] = [];
    await page.route('https://tiles.example.test/**', (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
    });
    const response = await page.goto('/ban-do');
    expect(response!.headers()['content-security-policy']).toContain('img-src \'self\' data: https://tiles.example.test;');
    await expect(page.locator('.leaflet-marker-icon')).toHaveCount(points.length);
    await expect(page.locator('img.leaflet-tile-loaded').first()).toBeVisible();
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.every((url) => /^https:\/\/tiles\.example\.test\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
    await expect(page.locator('.leaflet-control-attribution')).toContainText('Bản đồ nền thử nghiệm');
    await expect(page.getByText('Không tải được bản đồ nền')).toHaveCount(0);
  });
});
