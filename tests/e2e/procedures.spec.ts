import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '../support/loopback';

// Thủ tục hành chính and Giới thiệu as a citizen uses them (issue #20): filtering procedures by
// field, finding one by its name typed without tone marks, reading what to bring and what to
// do, printing it on A4, and finding a unit's phone in the organisation's tree. The content is
// content/procedures.json, content/organization.json and content/pages/, which the fixture
// copies.

interface ContentProcedure {
  slug: string;
  name: string;
  field: string;
  steps: string[];
  requirements: Array<{ name: string; copies: string; form?: string }>;
}

const content: { fields: Array<{ slug: string; name: string }>; procedures: ContentProcedure[] } = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'content', 'procedures.json'), 'utf8'),
);
const birth = content.procedures.find((procedure) => procedure.slug === 'dang-ky-khai-sinh')!;

/** The list's rows: each procedure's link and its line of facts. */
const rows = (page: Page) => page.locator('.procedure-list > li');

test('procedures filter by field', async ({ page }) => {
  await page.goto('/thu-tuc');
  await expect(rows(page)).toHaveCount(10);
  const residence = content.fields.find((field) => field.slug === 'cu-tru')!;
  const expected = content.procedures.filter((procedure) => procedure.field === residence.slug);
  await page.getByLabel('Lĩnh vực').selectOption({ label: residence.name });
  await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
  await expect(page).toHaveURL(/\/thu-tuc\?linh-vuc=cu-tru$/);
  await expect(page.locator('.list-total')).toHaveText(`${expected.length} thủ tục`);
  const names = await rows(page).getByRole('heading').allInnerTexts();
  expect(names.sort()).toEqual(expected.map((procedure) => procedure.name).sort());
  for (const meta of await rows(page).locator('.article-meta').all()) {
    await expect(meta).toContainText(`· ${residence.name} ·`);
  }
  // The address keeps the choice: a reload (or a shared link) shows the same list and form.
  await page.reload();
  await expect(page.getByLabel('Lĩnh vực')).toHaveValue('cu-tru');
  await expect(rows(page)).toHaveCount(expected.length);
});

test('a field or level the portal does not have is said so, with the way back', async ({ page }) => {
  await page.goto('/thu-tuc?muc-do=cap-thon');
  const notice = page.getByRole('status').filter({ hasText: 'Lĩnh vực hoặc cấp thực hiện này không có trong danh sách.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('link', { name: 'Xem tất cả thủ tục' }).click();
  await expect(page).toHaveURL(/\/thu-tuc$/);
  await expect(rows(page)).toHaveCount(10);
});

test('a procedure is found by its name typed without tone marks, and reads as a checklist', async ({ page }) => {
  await page.goto('/thu-tuc');
  await page.getByRole('searchbox', { name: 'Tên thủ tục' }).fill('dang ky khai sinh');
  await page.getByRole('searchbox', { name: 'Tên thủ tục' }).press('Enter');
  await expect(page).toHaveURL(/\/thu-tuc\?q=dang%20ky%20khai%20sinh$/);
  await rows(page).getByRole('link', { name: birth.name, exact: true }).click();

  await expect(page).toHaveURL(/\/thu-tuc\/dang-ky-khai-sinh$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(birth.name);
  await expect(page).toHaveTitle(new RegExp(`^${birth.name} \\|`));
  await expect(page.getByText('mang tính minh họa, chưa đối chiếu với Cơ sở dữ liệu quốc gia về thủ tục hành chính')).toBeVisible();

  // The steps in order, as the content writes them.
  const steps = page.getByRole('region', { name: 'Trình tự thực hiện' }).getByRole('listitem');
  await expect(steps).toHaveText(birth.steps);

  // What to bring: a box to tick per paper, named by the paper and how many copies.
  const papers = page.getByRole('region', { name: 'Thành phần hồ sơ' });
  const boxes = papers.getByRole('checkbox');
  await expect(boxes).toHaveCount(birth.requirements.length);
  for (const [index, requirement] of birth.requirements.entries()) {
    await expect(boxes.nth(index)).toHaveAccessibleName(`${requirement.name} (${requirement.copies})`);
  }
  // Its words tick it too, a large target on a phone.
  await papers.locator('label', { hasText: birth.requirements[0]!.name }).click();
  await expect(boxes.first()).toBeChecked();

  // The blank form: its type and size on the link, a PDF that downloads, and the document
  // that publishes it.
  const form = papers.getByRole('link', { name: /^Tải mẫu \(PDF, [\d,]+ (KB|byte)\)/ });
  await expect(form).toHaveCount(1);
  await expect(form).toHaveAttribute('href', /^\/files\/\d+\/.+\.pdf$/);
  await expect(form).toHaveAttribute('download', '');
  const file = await page.request.get((await form.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(papers.getByRole('link', { name: 'Văn bản ban hành mẫu' })).toHaveAttribute(
    'href',
    `/van-ban/${birth.requirements[0]!.form}`,
  );

  // Online, on the national portal: the portal takes no applications itself.
  await expect(page.getByRole('link', { name: 'Làm thủ tục này trên Cổng Dịch vụ công quốc gia' })).toHaveAttribute(
    'href',
    /^https:\/\/dichvucong\.gov\.vn\//,
  );
  const legal = page.getByRole('region', { name: 'Căn cứ pháp lý' });
  await expect(legal.getByRole('link')).toHaveAttribute('href', `/van-ban/${birth.requirements[0]!.form}`);
});

test('an unknown procedure is the 404 page', async ({ page }) => {
  const response = await page.goto('/thu-tuc/khong-co-thu-tuc-nay');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
});

test("the organisation's tree gives the People's Committee's phone as a link to call", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Giới thiệu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giới thiệu huyện Bình Liêu');
  await page.getByRole('link', { name: 'Cơ cấu tổ chức ›' }).click();
  await expect(page).toHaveURL(/\/co-cau-to-chuc$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cơ cấu tổ chức');

  const committee = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: 'Ủy ban nhân dân huyện Bình Liêu', exact: true }) });
  await expect(committee).toHaveCount(1);
  // Its children by kind, each kind under its own heading.
  await expect(committee.getByRole('heading', { level: 3 })).toHaveText(['Cơ quan chuyên môn', 'Đơn vị sự nghiệp', 'Xã, thị trấn']);
  // Clicking a tel: link would hand it to the system's dialler: that it is a link to it is enough.
  const phone = committee.getByRole('link', { name: '0203 3878 125', exact: true });
  await expect(phone).toHaveAttribute('href', 'tel:02033878125');
  await expect(committee.getByRole('link', { name: 'ubnd.binhlieu@quangninh.gov.vn' }).first()).toHaveAttribute(
    'href',
    'mailto:ubnd.binhlieu@quangninh.gov.vn',
  );
  await expect(committee.getByRole('link', { name: 'Xem trên bản đồ' }).first()).toHaveAttribute('href', '/ban-do');
});

/** Elements inside `main` whose content is wider than their box (cut off on paper), but for
 *  the visually hidden texts for screen readers, which are meant to be. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((element) => !element.closest('.visually-hidden'))
      .filter((element) => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.localName}.${[...element.classList].join('.')}: ${element.scrollWidth} > ${element.clientWidth}`),
  );
}

/** The pages of a PDF: its `/Type /Page` objects (not the `/Pages` tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test('a procedure prints on A4 without navigation, with nothing cut off, on one or two sheets', async ({ page }) => {
  // Every procedure of the content, the longest included: one PDF each.
  test.setTimeout(120_000);
  // A4's width at 96 dpi.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto(`/thu-tuc/${birth.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(birth.name);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of [
    page.getByRole('navigation', { name: 'Chuyên mục' }),
    page.locator('header'),
    page.locator('footer'),
    page.getByRole('search').first(),
    page.locator('.share-actions'),
    page.locator('.useful-question'),
    page.getByRole('button', { name: 'In thủ tục' }),
  ]) {
    await expect(hidden).toBeHidden();
  }
  await expect(page.getByRole('region', { name: 'Thành phần hồ sơ' }).getByRole('checkbox').first()).toBeVisible();
  // Links print as their words: the form's link too, and the national portal's address after its link.
  await expect(page.getByRole('link', { name: /^Tải mẫu/ })).toBeVisible();
  await expect(page.getByText(/^Địa chỉ trang: http:\/\/127\.0\.0\.1:\d+\/thu-tuc\/dang-ky-khai-sinh$/)).toBeVisible();
  expect(await clipped(page)).toEqual([]);

  for (const procedure of content.procedures) {
    if (procedure.slug !== birth.slug) {
      await page.goto(`/thu-tuc/${procedure.slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(procedure.name);
      expect(await clipped(page), procedure.slug).toEqual([]);
    }
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    expect(pages, `${procedure.slug} prints on ${pages} pages`).toBeGreaterThanOrEqual(1);
    expect(pages, `${procedure.slug} prints on ${pages} pages`).toBeLessThanOrEqual(2);
  }
});
