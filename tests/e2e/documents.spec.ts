import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '../support/loopback';

// The documents library (văn bản) as a citizen uses it: filtering through the form, searching
// a number as people type it, opening a document, downloading its PDF; and where the library
// shows elsewhere (the menu, the home page, the search page). The content is the demo
// documents (content/documents), which the fixture copies.

const MAIN = {
  slug: '125-qd-ubnd-quy-che-lam-viec-ubnd-huyen',
  number: '125/QĐ-UBND',
  title: 'Quyết định 125/QĐ-UBND',
};
const REPLACED = { slug: '56-qd-ubnd-quy-che-lam-viec-2021', number: '56/QĐ-UBND' };

interface Summary {
  slug: string;
  number: string;
  type: { slug: string; name: string };
  field: { slug: string; name: string };
  issued_on: string;
  summary: string;
  status: { code: string; label: string };
}

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`);
  expect(response.status(), path).toBe(200);
  return response.json();
}

/** `2025-03-14` as the pages show it: `14/03/2025`. */
const shownDay = (day: string) => day.split('-').reverse().join('/');

/** A fact of the document's page (`Số ký hiệu`, ...): its value. */
const fact = (page: Page, label: string) =>
  page.locator('.document-facts > div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');

/** The rows on the page are the API's first page of these documents, each with its number,
 *  type, issue date, abstract and status as words. */
async function expectRows(page: Page, query: string) {
  const list = await api<{ items: Summary[]; total: number }>(page, `/documents?${query}`);
  expect(list.total).toBeGreaterThan(0);
  await expect(page.locator('.list-total')).toHaveText(new RegExp(`^${list.total} văn bản`));
  const rows = page.locator('.document-list > li');
  await expect(rows.locator('.document-card-title')).toHaveText(list.items.map((item) => item.number));
  for (const [index, item] of list.items.entries()) {
    const row = rows.nth(index);
    await expect(row.locator('.article-meta')).toHaveText(
      `${item.type.name} · Ban hành ${shownDay(item.issued_on)} · ${item.status.label}`,
    );
    await expect(row.locator('.document-card-summary')).toHaveText(item.summary);
  }
  return list;
}

test('the library filters by type through its form, and the address keeps the filter', async ({ page }) => {
  await page.goto('/van-ban');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Văn bản');
  await expectRows(page, '');
  const kind = page.getByRole('combobox', { name: 'Loại văn bản' });
  await kind.selectOption('quyet-dinh');
  // Choosing alone changes nothing: the reader asks.
  await expect(page).toHaveURL(/\/van-ban$/);
  await page.getByRole('button', { name: 'Tìm văn bản' }).click();
  await expect(page).toHaveURL(/\/van-ban\?loai=quyet-dinh$/);
  const list = await expectRows(page, 'type=quyet-dinh');
  expect(list.items.every((item) => item.type.slug === 'quyet-dinh')).toBe(true);
  await expect(page.locator('.document-list .article-meta').first()).toContainText('Quyết định');

  // The next page keeps the filter; a shared address opens the same list, form filled in.
  if (list.total > 10) {
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang 2', exact: true }).click();
    await expect(page).toHaveURL(/\/van-ban\?loai=quyet-dinh&trang=2$/);
    await expect(page.locator('.list-total')).toContainText('Trang 2/');
  }
  const other = await page.context().newPage();
  await other.goto('/van-ban?loai=quyet-dinh');
  await expect(other.getByRole('combobox', { name: 'Loại văn bản' })).toHaveValue('quyet-dinh');
  await expectRows(other, 'type=quyet-dinh');
});

test('the library filters by field, with the type too, and back returns to the last list', async ({ page }) => {
  await page.goto('/van-ban');
  const field = page.getByRole('combobox', { name: 'Lĩnh vực' });
  // Each choice says how many documents it has.
  await expect(field.locator('option', { hasText: /^Y tế \(\d+\)$/ })).toHaveCount(1);
  await field.selectOption('y-te');
  await page.getByRole('button', { name: 'Tìm văn bản' }).click();
  await expect(page).toHaveURL(/\/van-ban\?linh-vuc=y-te$/);
  const byField = await expectRows(page, 'field=y-te');
  expect(byField.items.every((item) => item.field.name === 'Y tế')).toBe(true);

  await page.getByRole('combobox', { name: 'Loại văn bản' }).selectOption('ke-hoach');
  await page.getByRole('button', { name: 'Tìm văn bản' }).click();
  await expect(page).toHaveURL(/\/van-ban\?loai=ke-hoach&linh-vuc=y-te$/);
  const both = await expectRows(page, 'type=ke-hoach&field=y-te');
  expect(both.total).toBeLessThan(byField.total);

  await page.goBack();
  await expect(page).toHaveURL(/\/van-ban\?linh-vuc=y-te$/);
  await expect(page.getByRole('combobox', { name: 'Loại văn bản' })).toHaveValue('');
  await expectRows(page, 'field=y-te');
  await page.getByRole('link', { name: 'Bỏ mọi điều kiện' }).click();
  await expect(page).toHaveURL(/\/van-ban$/);
  await expect(page.getByRole('combobox', { name: 'Lĩnh vực' })).toHaveValue('');
});

test('searching "125 qd" finds 125/QĐ-UBND first', async ({ page }) => {
  await page.goto('/van-ban');
  const box = page.getByRole('searchbox', { name: 'Số ký hiệu hoặc từ khóa' });
  await box.fill('125 qd');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/van-ban\?q=125%20qd$/);
  const first = page.locator('.document-list > li').first();
  await expect(first.getByRole('link')).toHaveText(MAIN.number);
  // The typed words are marked in the number.
  await expect(first.locator('.document-card-title mark').first()).toBeVisible();
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/van-ban/${MAIN.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MAIN.title);
});

test('a document shows its facts and status, and its PDF downloads whole', async ({ page }) => {
  await page.goto(`/van-ban/${MAIN.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MAIN.title);
  await expect(page).toHaveTitle(new RegExp(`^${MAIN.title} \\|`));
  const document = await api<
    Summary & {
      issuer: { name: string };
      signer: string;
      files: Array<{ name: string; size: number; format: string; url: string }>;
    }
  >(page, `/documents/${MAIN.slug}`);
  await expect(page.locator('article .article-summary')).toHaveText(document.summary);
  for (const [label, value] of [
    ['Số ký hiệu', MAIN.number],
    ['Loại văn bản', 'Quyết định'],
    ['Cơ quan ban hành', document.issuer.name],
    ['Người ký', document.signer],
    ['Ngày ban hành', '14/03/2025'],
    ['Ngày hiệu lực', '14/03/2025'],
    ['Ngày hết hiệu lực', 'Không xác định'],
    ['Lĩnh vực', 'Nội vụ'],
    ['Tình trạng', 'Còn hiệu lực'],
  ]) {
    await expect(fact(page, label), label).toHaveText(value);
  }
  await expect(page.locator('article .article-body p').first()).toContainText('Căn cứ Luật Tổ chức chính quyền địa phương');
  const related = page.getByRole('region', { name: 'Văn bản liên quan' });
  await expect(related.getByRole('listitem').first()).toContainText(`Thay thế: ${REPLACED.number}`);

  // The file: its type and size on the link, and the download is that size, a PDF.
  const [file] = document.files;
  const link = page.getByRole('region', { name: 'Tệp đính kèm' }).getByRole('link', { name: /^Tải về \(PDF, / });
  await expect(link).toHaveAttribute('href', file.url);
  const shown = /^Tải về \(PDF, (\d+),?(\d)? KB\)/.exec((await link.textContent()) ?? '');
  expect(shown, 'the size in KB with a decimal comma').not.toBeNull();
  const shownBytes = Number(`${shown![1]}.${shown![2] ?? '0'}`) * 1024;
  expect(Math.abs(shownBytes - file.size)).toBeLessThanOrEqual(52);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(file.name);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBe(file.size);
  // The page stayed where it was.
  await expect(page).toHaveURL(new RegExp(`/van-ban/${MAIN.slug}$`));
});

test('a replaced document says so and links to its replacement', async ({ page }) => {
  await page.goto(`/van-ban/${REPLACED.slug}`);
  const status = fact(page, 'Tình trạng');
  await expect(status).toHaveText(`Bị thay thế bởi ${MAIN.number}`);
  await expect(status.locator('.document-status')).toHaveText('Bị thay thế');
  await status.getByRole('link', { name: MAIN.number }).click();
  await expect(page).toHaveURL(new RegExp(`/van-ban/${MAIN.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MAIN.title);

  // The list of replaced documents shows the status in each row.
  await page.goto('/van-ban?tinh-trang=bi-thay-the');
  await expect(page.getByRole('combobox', { name: 'Tình trạng' })).toHaveValue('bi-thay-the');
  const list = await expectRows(page, 'status=bi-thay-the');
  expect(list.items.map((item) => item.number)).toContain(REPLACED.number);
});

test('the menu leads to the library, and the home page shows the newest documents', async ({ page }) => {
  await page.goto('/');
  const newest = await api<{ items: Summary[] }>(page, '/documents?per_page=5');
  const block = page.getByRole('region', { name: 'Văn bản mới' });
  const items = block.locator('.document-links > li');
  await expect(items).toHaveCount(5);
  for (const [index, item] of newest.items.entries()) {
    await expect(items.nth(index).getByRole('link')).toHaveText(`${item.number} ${item.summary}`);
    await expect(items.nth(index).locator('time')).toHaveText(shownDay(item.issued_on));
  }
  await items.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/van-ban/${newest.items[0].slug}$`));
  await page.goBack();
  await page.getByRole('region', { name: 'Văn bản mới' }).getByRole('link', { name: 'Xem tất cả văn bản' }).click();
  await expect(page).toHaveURL(/\/van-ban$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Văn bản');

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Văn bản', exact: true }).click();
  await expect(page).toHaveURL(/\/van-ban$/);
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Văn bản', exact: true })).toHaveAttribute(
    'href',
    '/van-ban',
  );
});

test('the search page offers documents next to articles', async ({ page }) => {
  await page.goto('/tim-kiem?q=125%20qd');
  const section = page.getByRole('region', { name: 'Văn bản', exact: true });
  await expect(section.locator('.document-list > li').first().getByRole('link')).toHaveText(MAIN.number);
  const all = section.getByRole('link', { name: /^Xem tất cả \d+ văn bản tìm được ›$/ });
  await expect(all).toHaveAttribute('href', '/van-ban?q=125%20qd');
  await all.click();
  await expect(page).toHaveURL(/\/van-ban\?q=125%20qd$/);
  await expect(page.getByRole('searchbox', { name: 'Số ký hiệu hoặc từ khóa' })).toHaveValue('125 qd');
  await expect(page.locator('.document-list > li').first().getByRole('link')).toHaveText(MAIN.number);

  // Words no document has: the section says so, the articles' results stay.
  await page.goto('/tim-kiem?q=tong%20ket%20cong%20tac%20quoc%20phong');
  await expect(page.locator('.search-hits > li').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Văn bản', exact: true })).toContainText('Không có văn bản nào có');
});

test('an unknown document is the 404 page', async ({ page }) => {
  const response = await page.goto('/van-ban/khong-co-van-ban-nay');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.document-facts')).toHaveCount(0);
});
