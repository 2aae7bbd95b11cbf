import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

// Widgets on another site: a host page on a second loopback origin embeds each widget with
// the loader, as a government site would, and the portal itself refuses to be framed there.

const WIDGETS: Array<[string, string, string]> = [
  ['tin-moi', 'Tin mới', 'data-so="3"'],
  ['van-ban-moi', 'Văn bản mới', 'data-so="3"'],
  ['hoi-dap', 'Hỏi đáp', 'data-so="3"'],
  ['tin-tieu-diem', 'Tin tiêu điểm', ''],
  ['lich-cong-tac', 'Lịch công tác', ''],
  ['thong-ke-truy-cap', 'Thống kê truy cập', ''],
  ['lien-ket', 'Website liên kết', ''],
  ['ban-do', 'Bản đồ huyện', ''],
];

let host: Server;
let hostPort = 0;
let portal = '';
const hostPage = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>Trang của xã</h1>${body}</body></html>`;

test.beforeAll(async ({}, testInfo) => {
  portal = String(testInfo.project.use.baseURL);
  const pages: Record<string, string> = {
    // The two lines the gallery gives, once per widget, in a column like a sidebar's.
    '/widgets.html': hostPage(
      WIDGETS.map(([name, , options]) => `<div class="w" style="width:320px" data-portal-widget="${name}" ${options}></div>`).join('') +
        `<script async src="${portal}/embed.js"></script>`,
    ),
    // A widget; a frame of the host's own that pretends to be one; and a portal widget the
    // loader did not make, which reports its own (different) height from the portal's origin.
    '/foreign.html': hostPage(
      `<div data-portal-widget="thong-ke-truy-cap"></div><iframe id="foreign" src="/liar.html" title="Khác"></iframe>` +
        `<iframe id="other" src="${portal}/embed/ban-do" title="Bản đồ" style="height:120px"></iframe>` +
        `<script async src="${portal}/embed.js"></script>`,
    ),
    '/liar.html': hostPage(`<p>Không phải tiện ích</p>`),
    // A host page that names widgets after Object's own members, next to a real one.
    '/hostile.html': hostPage(
      ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']
        .map((name) => `<div data-portal-widget="${name}"></div>`)
        .join('') +
        `<div data-portal-widget="tin-moi" data-so="2"></div><script async src="${portal}/embed.js"></script>`,
    ),
    // The portal's home page in the host's frame: refused.
    '/framed-home.html': hostPage(`<iframe id="home" src="${portal}/" title="Cổng"></iframe>`),
  };
  host = createServer((request, response) => {
    const body = pages[request.url ?? ''];
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
  });
  // Any free port: each test worker runs its own host site.
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostPort = (host.address() as { port: number }).port;
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

const hostUrl = (path: string) => `http://127.0.0.1:${hostPort}${path}`;

/** The frame's height and its content's, once the widget has loaded and reported. */
async function heights(page: Page, name: string) {
  const element = page.locator(`iframe[data-portal-frame="${name}"]`);
  // Browsers pause rendering in frames out of view; a reader scrolls to them.
  await element.scrollIntoViewIfNeeded();
  const frame = (await (await element.elementHandle())!.contentFrame())!;
  await expect(frame.locator('.embed h1')).toBeAttached();
  await expect(frame.locator('.embed .placeholder')).toHaveCount(0);
  return {
    element,
    frame,
    outer: await element.evaluate((iframe: HTMLIFrameElement) => iframe.getBoundingClientRect().height),
    inner: await frame.evaluate(() => document.documentElement.scrollHeight),
  };
}

test('each widget renders in the host page at its content height', async ({ page, context }) => {
  const origins = new Set<string>();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  await page.goto(hostUrl('/widgets.html'));
  for (const [name, title] of WIDGETS) {
    const iframe = page.locator(`iframe[data-portal-frame="${name}"]`);
    await expect(iframe).toHaveAttribute('title', `${title} – Cổng thông tin điện tử huyện Bình Liêu`);
    await expect(iframe).toHaveAttribute('loading', 'lazy');
    await iframe.scrollIntoViewIfNeeded();
    const frame = page.frameLocator(`iframe[data-portal-frame="${name}"]`);
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(title);
    // The frame grows to its content: no scrollbar inside it.
    await expect
      .poll(async () => {
        const { outer, inner } = await heights(page, name);
        return Math.abs(outer - inner) <= 1 && inner > 100;
      }, { message: name })
      .toBe(true);
  }
  const latest = page.frameLocator('iframe[data-portal-frame="tin-moi"]');
  await expect(latest.locator('.article-list > li')).toHaveCount(3);
  await expect(page.frameLocator('iframe[data-portal-frame="van-ban-moi"]').locator('.document-links > li')).toHaveCount(3);
  await expect(page.frameLocator('iframe[data-portal-frame="hoi-dap"]').locator('.question-links > li')).toHaveCount(3);
  await expect(page.frameLocator('iframe[data-portal-frame="ban-do"]').locator('svg circle')).not.toHaveCount(0);
  await expect(page.frameLocator('iframe[data-portal-frame="thong-ke-truy-cap"]').locator('.visits-total')).toContainText('.');
  // Nothing but the host and the portal was asked for anything, and nobody set a cookie.
  expect([...origins].sort()).toEqual([hostUrl(''), portal].sort());
  expect(await context.cookies()).toEqual([]);
});

test('the frame follows its content when it grows or shrinks', async ({ page }) => {
  await page.goto(hostUrl('/widgets.html'));
  const before = await heights(page, 'tin-moi');
  await expect.poll(async () => (await heights(page, 'tin-moi')).outer).toBe(before.inner);
  await before.frame.evaluate(() => {
    const extra = document.createElement('div');
    extra.id = 'extra';
    extra.style.height = '300px';
    document.querySelector('.embed')!.append(extra);
  });
  await expect.poll(async () => (await heights(page, 'tin-moi')).outer).toBe(before.inner + 300);
  await before.frame.evaluate(() => document.getElementById('extra')!.remove());
  await expect.poll(async () => (await heights(page, 'tin-moi')).outer).toBe(before.inner);
});

test('links in a widget open the portal in the top window', async ({ page }) => {
  await page.goto(hostUrl('/widgets.html'));
  const latest = page.frameLocator('iframe[data-portal-frame="tin-tieu-diem"]');
  await latest.getByRole('link', { name: mainArticle.title }).click();
  await expect(page).toHaveURL(`${portal}/tin-tuc/${mainArticle.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
});

test('a message from anything but the widget changes nothing', async ({ page }) => {
  // Every height message the host page gets, recorded once all its listeners (the loader's
  // among them) have had it: a zero-delay timer set during the dispatch runs after it. So the
  // test waits for the loader to have handled a message, not for a while.
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const handled: Array<{ from: string; height: unknown }> = [];
    (window as unknown as { __heightMessages: typeof handled }).__heightMessages = handled;
    window.addEventListener('message', (event) => {
      if (event.data?.type !== 'portal-widget-height') return;
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
      const from = frame ? frame.id || `widget ${frame.dataset.portalFrame}` : event.source === window ? 'host' : 'unknown';
      setTimeout(() => handled.push({ from, height: event.data.height }), 0);
    });
  });
  const handled = (from: string, height?: number) =>
    page.evaluate(
      ({ from, height }) =>
        (window as unknown as { __heightMessages: Array<{ from: string; height: unknown }> }).__heightMessages.some(
          (message) => message.from === from && (height === undefined || message.height === height),
        ),
      { from, height },
    );
  await page.goto(hostUrl('/foreign.html'));
  const { element, inner } = await heights(page, 'thong-ke-truy-cap');
  await expect.poll(async () => (await heights(page, 'thong-ke-truy-cap')).outer).toBe(inner);
  // A frame of the host's own origin, and the host page itself, claim a new height.
  const liar = page.frameLocator('#foreign');
  await expect(liar.locator('p')).toHaveText('Không phải tiện ích');
  await page.locator('#other').scrollIntoViewIfNeeded();
  await expect(page.frameLocator('#other').locator('svg circle')).not.toHaveCount(0);
  // The portal widget the loader did not make has reported its height, and the loader left
  // its frame alone.
  await expect.poll(() => handled('other')).toBe(true);
  expect(await page.locator('#other').evaluate((frame: HTMLIFrameElement) => frame.style.height)).toBe('120px');
  // From inside the host's frame (its own window is the message's source).
  const liarFrame = (await (await page.locator('#foreign').elementHandle())!.contentFrame())!;
  await liarFrame.evaluate(() => window.parent.postMessage({ type: 'portal-widget-height', height: 1234 }, '*'));
  await page.evaluate(() => window.postMessage({ type: 'portal-widget-height', height: 4321 }, '*'));
  await expect.poll(() => handled('foreign', 1234)).toBe(true);
  await expect.poll(() => handled('host', 4321)).toBe(true);
  expect(await element.evaluate((iframe: HTMLIFrameElement) => iframe.getBoundingClientRect().height)).toBe(inner);
});

test('the portal itself cannot be framed by another site', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refused.push(message.text());
  });
  await page.goto(hostUrl('/framed-home.html'));
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  const frame = page.frameLocator('#home');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(frame.locator('.site-header')).toHaveCount(0);
});

test('the gallery shows each widget live, with options and code to copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/nhung');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhúng tiện ích vào trang web khác');
  for (const [name, title] of WIDGETS) {
    const section = page.getByRole('region', { name: title, exact: true });
    await expect(section.locator(`iframe[data-portal-frame="${name}"]`)).toHaveCount(1);
  }
  const latest = page.getByRole('region', { name: 'Tin mới', exact: true });
  await latest.getByLabel('Số tin (1–20)').fill('2');
  await latest.getByLabel('Số tin (1–20)').blur();
  await latest.getByLabel('Chuyên mục').selectOption('thong-bao');
  const code = latest.locator('pre').first();
  await expect(code).toHaveText(
    `<div data-portal-widget="tin-moi" data-so="2" data-chuyen-muc="thong-bao"></div>\n<script async src="${portal}/embed.js"></script>`,
  );
  await expect(latest.locator('pre').nth(1)).toContainText(`src="${portal}/embed/tin-moi?so=2&amp;chuyen-muc=thong-bao"`);
  const preview = latest.frameLocator('iframe[data-portal-frame="tin-moi"]');
  await expect(preview.locator('.article-list > li')).toHaveCount(2);
  await expect(preview.locator('.embed-subtitle')).toHaveText('Thông báo');

  await latest.getByRole('button', { name: 'Chép mã' }).first().click();
  await expect(latest.getByRole('status').first()).toHaveText('Đã chép mã.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.textContent());

  const documents = page.getByRole('region', { name: 'Văn bản mới', exact: true });
  await documents.getByLabel('Số văn bản (1–20)').fill('2');
  await documents.getByLabel('Số văn bản (1–20)').blur();
  await expect(documents.locator('pre').first()).toHaveText(
    `<div data-portal-widget="van-ban-moi" data-so="2"></div>\n<script async src="${portal}/embed.js"></script>`,
  );
  await expect(documents.locator('pre').nth(1)).toContainText(`src="${portal}/embed/van-ban-moi?so=2"`);
  await expect(documents.frameLocator('iframe[data-portal-frame="van-ban-moi"]').locator('.document-links > li')).toHaveCount(2);
});

test('widget names that are Object members do not stop the others, and frames are sandboxed', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(hostUrl('/hostile.html'));
  const frame = page.locator('iframe[data-portal-frame]');
  await expect(frame).toHaveCount(1);
  await expect(frame).toHaveAttribute('data-portal-frame', 'tin-moi');
  await expect(page.frameLocator('iframe[data-portal-frame="tin-moi"]').getByRole('link').first()).toBeVisible();
  expect(errors).toEqual([]);
  // Each hostile name was looked up and refused as unknown, not found on Object.
  await expect.poll(() => warnings.filter((text) => text.includes('unknown widget')).length).toBe(5);
  await expect(frame).toHaveAttribute('referrerpolicy', 'strict-origin');
  const sandbox = ((await frame.getAttribute('sandbox')) ?? '').split(' ').sort();
  expect(sandbox).toEqual(
    [
      'allow-popups',
      'allow-popups-to-escape-sandbox',
      'allow-same-origin',
      'allow-scripts',
      'allow-top-navigation-by-user-activation',
    ].sort(),
  );
});
