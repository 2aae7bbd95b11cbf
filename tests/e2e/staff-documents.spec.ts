import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '../support/loopback';
import { STAFF_PORT } from '../../playwright.config';
import { approver, editor, type StaffAccount } from '../support/staff-accounts';

// The documents library in the staff area (/quan-tri/van-ban): an approver uploads a PDF,
// adds a document with it and a related document, and citizens then read it at
// /van-ban/{slug} with its download link; editors have no way in; axe on its pages. On the
// staff tests' own server, whose fixture holds the demo documents.

test.use({ baseURL: `http://127.0.0.1:${STAFF_PORT}` });

/** A demo document (content/documents) the staff server has. */
const DEMO = { slug: '125-qd-ubnd-quy-che-lam-viec-ubnd-huyen', number: '125/QĐ-UBND' };

async function signIn(page: Page, account: StaffAccount) {
  await page.goto('/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bài viết' })).toBeVisible();
}

/** A small PDF that PDF readers open: one page saying `text` (ASCII), its cross-reference
 *  table at the offsets it claims. */
function tinyPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 20 50 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A fact of the public document page (`Số ký hiệu`, ...): its value. */
const fact = (page: Page, label: string) =>
  page.locator('.document-facts > div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');

test('an approver uploads a PDF and adds a document with it; citizens read it and download the file', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const serial = Date.now() % 100000;
  const number = `${serial}/QĐ-UBND`;
  const summary = `Về việc ban hành quy chế quản lý nhà văn hóa thôn, bản lần ${serial}`;
  const pdf = tinyPdf(`Quyet dinh ${serial}`);

  await signIn(page, approver);
  await page.getByRole('navigation', { name: 'Khu vực quản trị' }).getByRole('link', { name: 'Văn bản' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Văn bản');
  await page.getByRole('link', { name: 'Thêm văn bản' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thêm văn bản');

  // An empty form says what is missing next to each field, and nothing is sent.
  await page.getByRole('button', { name: 'Lưu văn bản' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa lưu' })).toBeVisible();
  await expect(page.getByLabel('Số ký hiệu', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Số ký hiệu', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#document-number-error')).toHaveText('Vui lòng nhập số ký hiệu.');

  await page.getByLabel('Số ký hiệu', { exact: true }).fill(number);
  await page.getByLabel('Loại văn bản', { exact: true }).selectOption('quyet-dinh');
  await page.getByLabel('Cơ quan ban hành', { exact: true }).fill('UBND huyện Bình Liêu');
  await page.getByLabel('Người ký', { exact: true }).fill('Chủ tịch UBND huyện');
  await page.getByLabel('Lĩnh vực', { exact: true }).fill('Văn hóa – Du lịch');
  await page.getByLabel('Ngày ban hành', { exact: true }).fill('2026-11-25');
  await page.getByLabel('Trích yếu', { exact: true }).fill(summary);
  await page.getByRole('textbox', { name: 'Nội dung (không bắt buộc)' }).click();
  await page.keyboard.type('Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý nhà văn hóa.');

  // A file that only calls itself a PDF is refused by its content, in Vietnamese.
  const chooser = page.getByLabel('Chọn tệp để tải lên');
  await chooser.setInputFiles({ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html></html>') });
  await page.getByRole('button', { name: 'Tải tệp lên' }).click();
  await expect(page.locator('#document-file-error')).toContainText('không phải là tệp PDF');
  await expect(chooser).toBeFocused();

  // The real one.
  const fileName = `Quyết định ${serial}-QĐ-UBND.pdf`;
  await chooser.setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Tải tệp lên' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã tải tệp lên.' })).toBeVisible();
  await expect(page.getByLabel('Tên tệp 1 khi tải về', { exact: true })).toHaveValue(fileName);
  await expect(page.getByLabel('Tên tệp 1 khi tải về', { exact: true })).toBeFocused();

  // A related document, found by its number.
  await page.getByLabel('Văn bản này', { exact: true }).selectOption({ label: 'Hướng dẫn' });
  await page.getByLabel('Văn bản liên quan (số ký hiệu hoặc từ trong trích yếu)').fill(DEMO.number);
  await page.getByRole('group', { name: 'Văn bản liên quan' }).getByRole('button', { name: 'Tìm' }).click();
  await page.getByRole('button', { name: `Chọn ${DEMO.number}` }).click();
  await expect(page.getByRole('group', { name: 'Văn bản liên quan' })).toContainText(`Hướng dẫn: ${DEMO.number}`);

  await page.getByRole('button', { name: 'Lưu văn bản' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/van-ban\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sửa văn bản');
  await expect(page.getByRole('status').filter({ hasText: `Đã thêm văn bản ${number}.` })).toBeVisible();
  const slug = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByLabel('Số ký hiệu', { exact: true })).toHaveValue(number);
  await expect(page.getByLabel('Loại văn bản', { exact: true })).toHaveValue('quyet-dinh');

  // Citizens read it: the number, the abstract, the download link to the same bytes.
  await page.goto(`/van-ban/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Quyết định ${number}`);
  await expect(fact(page, 'Số ký hiệu')).toHaveText(number);
  await expect(page.locator('article .article-summary')).toHaveText(summary);
  await expect(page.locator('article .article-body')).toContainText('Quy chế quản lý nhà văn hóa');
  const related = page.getByRole('region', { name: 'Văn bản liên quan' });
  await expect(related).toContainText(`Hướng dẫn: ${DEMO.number}`);
  const download = page.getByRole('region', { name: 'Tệp đính kèm' }).getByRole('link', { name: /^Tải về \(PDF, / });
  const href = await download.getAttribute('href');
  expect(href).toMatch(/^\/files\/\d+\//);
  const served = await page.request.get(href!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('application/pdf');
  expect(Buffer.compare(await served.body(), pdf)).toBe(0);
  // The library finds it by its number as people type it.
  const found = await page.request.get(`/api/v1/documents?q=${encodeURIComponent(`${serial} qd ubnd`)}`);
  expect((await found.json()).items[0].slug).toBe(slug);

  // Back in the staff area, an edit shows at once.
  await page.goto(`/quan-tri/van-ban/${slug}`);
  await page.getByLabel('Trích yếu', { exact: true }).fill(`${summary} (sửa đổi)`);
  await page.getByRole('button', { name: 'Lưu văn bản' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu lúc' })).toBeVisible();
  await page.goto(`/van-ban/${slug}`);
  await expect(page.locator('article .article-summary')).toHaveText(`${summary} (sửa đổi)`);
});

test('editors have no documents library', async ({ page }) => {
  await signIn(page, editor);
  await expect(page.getByRole('navigation', { name: 'Khu vực quản trị' }).getByRole('link', { name: 'Văn bản' })).toHaveCount(0);
  await page.goto('/quan-tri/van-ban');
  await expect(page.getByText('Chỉ người duyệt và quản trị viên mới dùng được trang này.')).toBeVisible();
});

// As accessibility.spec.ts: every WCAG 2.2 AA rule and axe's experimental ones.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'];

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    const pages: Array<[string, string]> = [
      ['the documents list', '/quan-tri/van-ban'],
      ['a new document, its mistakes shown and a search for a related one', '/quan-tri/van-ban/moi'],
      ['a document with its files and relations', `/quan-tri/van-ban/${DEMO.slug}`],
    ];
    for (const [name, path] of pages) {
      test(`${name} has no violations`, async ({ page }) => {
        await signIn(page, approver);
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expect(page.locator('.staff-loading')).toHaveCount(0);
        if (path.endsWith('/moi')) {
          await page.getByRole('button', { name: 'Lưu văn bản' }).click();
          await expect(page.locator('#document-number-error')).toBeVisible();
          await page.getByLabel('Văn bản liên quan (số ký hiệu hoặc từ trong trích yếu)').fill('quy chế');
          await page.getByRole('group', { name: 'Văn bản liên quan' }).getByRole('button', { name: 'Tìm' }).click();
          await expect(page.getByRole('button', { name: /^Chọn / }).first()).toBeVisible();
        } else if (path.endsWith(DEMO.slug)) {
          await expect(page.getByLabel('Tên tệp 1 khi tải về', { exact: true })).not.toHaveValue('');
        } else {
          await expect(page.locator('.staff-list > li').first()).toBeVisible();
        }
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
        await expect(page).toHaveTitle(/– Quản trị – Cổng thông tin điện tử huyện Bình Liêu$/);
      });
    }
  });
}
