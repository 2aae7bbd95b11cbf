import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '../support/loopback';
import { STAFF_PORT } from '../../playwright.config';
import { approver, editor, type StaffAccount } from '../support/staff-accounts';

// The staff area (/quan-tri): writing, reviewing and publishing an article as citizens will
// read it, the work schedule, what a word processor pastes, two people saving the same
// article, the copy kept in the browser, and axe on its pages. Its own server: these tests
// publish articles and fill next week's schedule, which the other tests read as the fixture
// has them.

test.use({ baseURL: `http://127.0.0.1:${STAFF_PORT}` });

async function signIn(page: Page, account: StaffAccount) {
  await page.goto('/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bài viết' })).toBeVisible();
}

/** A real photo: a JPEG the browser's own encoder writes, `width` pixels wide. */
async function jpeg(page: Page, width: number, height: number, label: string) {
  const base64 = await page.evaluate(
    ([w, h, text]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const context = canvas.getContext('2d')!;
      const gradient = context.createLinearGradient(0, 0, w, h);
      gradient.addColorStop(0, '#2a6f97');
      gradient.addColorStop(1, '#f4a259');
      context.fillStyle = gradient;
      context.fillRect(0, 0, w, h);
      context.fillStyle = '#fff';
      context.font = '64px sans-serif';
      context.fillText(text, 40, h / 2);
      return canvas.toDataURL('image/jpeg', 0.85).split(',')[1];
    },
    [width, height, label] as const,
  );
  return { name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

/** A new draft with a title and a category, saved; its editor's address. */
async function newDraft(page: Page, title: string) {
  await page.goto('/quan-tri/bai-viet/moi');
  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Thông báo' });
  await page.getByLabel('Tác giả').fill('Văn phòng HĐND và UBND huyện');
  await page.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.type('Nội dung ban đầu của thông báo.');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp.' })).toBeVisible();
  return new URL(page.url()).pathname;
}

test('an editor writes and submits an article; an approver previews and publishes it for citizens', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const title = `Hội nghị tổng kết công tác năm ${Date.now() % 100000}`;
  await signIn(page, editor);
  await expect(page.locator('.staff-user')).toContainText('bientap · Biên tập viên');
  await page.getByRole('link', { name: 'Viết bài mới' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Viết bài mới');

  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Tin trong huyện' });
  await page.getByLabel('Tác giả').fill('Phòng Văn hóa và Thông tin');
  await page.getByLabel('Tóm tắt').fill('Huyện Bình Liêu tổng kết một năm hoàn thành các chỉ tiêu.');

  const body = page.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  await page.keyboard.type('Kết quả nổi bật');
  await page.getByRole('button', { name: 'Tiêu đề 2' }).click();
  await expect(body.locator('h2')).toHaveText('Kết quả nổi bật');
  await expect(page.getByRole('button', { name: 'Tiêu đề 2' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Năm nay huyện hoàn thành và vượt các chỉ tiêu chủ yếu.');
  await expect(body.locator('p').first()).toHaveText('Năm nay huyện hoàn thành và vượt các chỉ tiêu chủ yếu.');

  await page.getByRole('button', { name: /^Bảng/ }).click();
  await expect(body.locator('table thead th')).toHaveText(['Cột 1', 'Cột 2', 'Cột 3']);
  await body.locator('table tbody td').first().click();
  await page.keyboard.type('Thu ngân sách');

  // A photo in the body: uploaded from the toolbar, described, captioned.
  await page.getByRole('button', { name: 'Ảnh', exact: true }).click();
  const bodyPhoto = page.getByRole('group', { name: 'Chèn ảnh vào nội dung' });
  await bodyPhoto.getByLabel('Chọn ảnh').setInputFiles(await jpeg(page, 960, 640, 'hoi-nghi'));
  await bodyPhoto.getByLabel('Mô tả ảnh').fill('Toàn cảnh hội nghị tổng kết');
  await bodyPhoto.getByLabel('Chú thích ảnh (không bắt buộc)').fill('Hội nghị tổng kết năm');
  await bodyPhoto.getByRole('button', { name: 'Tải lên và chèn ảnh' }).click();
  const figure = body.locator('figure');
  await expect(figure.locator('img')).toHaveAttribute('alt', 'Toàn cảnh hội nghị tổng kết');
  await expect(figure.locator('img')).toHaveAttribute('src', /^\/media\//);
  await expect(figure.locator('figcaption')).toHaveText('Hội nghị tổng kết năm');

  // The lead image, with its description.
  const lead = page.getByRole('group', { name: 'Ảnh đại diện' });
  await lead.getByLabel('Chọn ảnh').setInputFiles(await jpeg(page, 1280, 720, 'dai-dien'));
  await lead.getByLabel('Mô tả ảnh').fill('Đại biểu dự hội nghị');
  await lead.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(lead.locator('img')).toBeVisible();
  await expect(lead.getByLabel('Mô tả ảnh')).toHaveValue('Đại biểu dự hội nghị');

  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp.' })).toBeVisible();
  await expect(page.locator('.staff-status-line')).toContainText('Nháp');
  // An editor cannot publish: the button the server would refuse is not there; the preview is.
  await expect(page.getByRole('button', { name: 'Đăng bài' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Xem trước' })).toBeVisible();
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã gửi bài cho người duyệt.' })).toBeVisible();
  await expect(page.locator('.staff-status-line')).toContainText('Chờ duyệt');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/dang-nhap/);
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();

  await signIn(page, approver);
  await page.getByRole('navigation', { name: 'Lọc theo trạng thái' }).getByRole('link', { name: 'Chờ duyệt' }).click();
  await expect(page).toHaveURL(/trang-thai=submitted/);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(title);

  await page.getByRole('button', { name: 'Xem trước' }).click();
  await expect(page).toHaveURL(/\/xem-truoc$/);
  const preview = page.locator('.preview-page');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(preview.locator('table')).toContainText('Thu ngân sách');
  await expect(preview.locator('img[alt="Toàn cảnh hội nghị tổng kết"]')).toBeVisible();
  await page.getByRole('link', { name: 'Quay lại sửa' }).click();

  await page.getByRole('button', { name: 'Đăng bài' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đăng bài' })).toBeVisible();
  await expect(page.locator('.staff-status-line')).toContainText('Đã đăng');
  const href = await page.getByRole('link', { name: 'Xem trên cổng thông tin' }).getAttribute('href');
  expect(href).toMatch(/^\/tin-tuc\/[a-z0-9-]+$/);

  // Citizens read it: on the home page, and on its own page with the lead image in every size.
  await page.goto('/');
  await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const article = page.locator('article.article');
  await expect(article.locator('.article-body h2')).toHaveText('Kết quả nổi bật');
  await expect(article.locator('.article-body table')).toContainText('Thu ngân sách');
  await expect(article.locator('.article-body figure img')).toHaveAttribute('alt', 'Toàn cảnh hội nghị tổng kết');
  const leadImage = page.locator('img[alt="Đại biểu dự hội nghị"]').first();
  await expect(leadImage).toHaveAttribute('srcset', /\s\d+w(,|$)/);
});

test('an approver adds an entry to next week’s schedule and citizens see it', async ({ page }) => {
  await signIn(page, approver);
  await page.getByRole('navigation', { name: 'Khu vực quản trị' }).getByRole('link', { name: 'Lịch công tác' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch công tác');
  await page.getByRole('link', { name: 'Tuần sau ›' }).click();
  await expect(page).toHaveURL(/tuan=\d{4}-W\d\d$/);
  const week = new URL(page.url()).searchParams.get('tuan')!;
  await expect(page.getByText('Tuần này chưa có lịch.')).toBeVisible();

  await page.getByRole('button', { name: 'Thêm mục' }).click();
  const entry = page.getByRole('group', { name: 'Mục 1' });
  await expect(entry.getByLabel('Ngày')).toBeFocused();
  await entry.getByLabel('Ngày').selectOption({ index: 2 });
  await entry.getByLabel('Giờ').fill('09:30');
  await entry.getByLabel('Nội dung').fill('Làm việc với Đoàn công tác của tỉnh về chuyển đổi số');
  await entry.getByLabel('Chủ trì').fill('Chủ tịch UBND huyện');
  await entry.getByLabel('Thành phần').fill('Phòng Văn hóa và Thông tin');
  await entry.getByLabel('Địa điểm').fill('Hội trường UBND huyện');
  await page.getByRole('button', { name: 'Lưu lịch tuần' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu lịch tuần' })).toBeVisible();

  await page.goto(`/lich-cong-tac?tuan=${week}`);
  const shown = page.locator('.schedule-entry');
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText('09:30 Làm việc với Đoàn công tác của tỉnh về chuyển đổi số');
  await expect(shown).toContainText('Chủ trì: Chủ tịch UBND huyện');
  await expect(page.getByRole('heading', { level: 2, name: /^Thứ Tư, / })).toBeVisible();
});

test('the schedule explains a refused entry next to its field', async ({ page }) => {
  await signIn(page, approver);
  await page.goto('/quan-tri/lich-cong-tac?tuan=2030-W10');
  await page.getByRole('button', { name: 'Thêm mục' }).click();
  const entry = page.getByRole('group', { name: 'Mục 1' });
  await entry.getByLabel('Nội dung').fill('Mục thiếu giờ');
  await page.getByRole('button', { name: 'Lưu lịch tuần' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa lưu được lịch tuần.' })).toBeVisible();
  await expect(entry.getByLabel('Giờ')).toHaveAttribute('aria-invalid', 'true');
  await expect(entry.getByLabel('Giờ')).toBeFocused();
  await expect(entry.getByLabel('Nội dung')).toHaveValue('Mục thiếu giờ');
});

// What Word puts on the clipboard: classes, inline styles, <o:p>, conditional comments, a
// list drawn with paragraphs, a table; and what a hostile page could add.
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">
<style><!-- p.MsoNormal { margin:0cm; font-family:"Times New Roman"; } --></style></head>
<body lang=VI style='tab-interval:36.0pt'><!--StartFragment-->
<p class=MsoNormal style='text-align:justify;line-height:150%'><b><span lang=VI style='font-size:14.0pt;font-family:"Times New Roman"'>Thông báo quan trọng</span></b><o:p></o:p></p>
<p class=MsoNormal onclick="alert(1)"><span style='font-size:13.0pt;mso-bidi-font-weight:bold'>Đoạn văn </span><span style='font-weight:bold'>in đậm</span><span> bình thường.<o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Mục thứ nhất</p>
<script>alert('dán')</script>
<table class=MsoTableGrid border=1 cellspacing=0 style='border-collapse:collapse'>
 <tr><td width=200 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><span style='color:red'>Ô một</span></p></td>
 <td width=200 valign=top><p class=MsoNormal><font face="Arial">Ô hai</font></p></td></tr>
</table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<!--EndFragment--></body></html>`;

test('pasting from a word processor keeps the structure and drops the styling and scripts', async ({ page }) => {
  await signIn(page, editor);
  await page.goto('/quan-tri/bai-viet/moi');
  const body = page.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  await body.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Thông báo quan trọng');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD_HTML);
  await expect(body.locator('table')).toBeVisible();
  const html = await body.innerHTML();
  expect(html).toContain('<p><strong>Thông báo quan trọng</strong></p>');
  expect(html).toContain('<strong>in đậm</strong>');
  expect(html).toContain('<li>Mục thứ nhất</li>');
  expect(html).toMatch(/<table>.*<td>Ô một<\/td><td>Ô hai<\/td>/);
  expect(html).not.toMatch(/style=|class=|<script|onclick|<span|<font|o:p|MsoNormal|alert|·/i);
});

test('plain text pastes as paragraphs', async ({ page }) => {
  await signIn(page, editor);
  await page.goto('/quan-tri/bai-viet/moi');
  const body = page.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  await body.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Dòng thứ nhất\n\nDòng <thứ> hai');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(body.locator('p')).toHaveText(['Dòng thứ nhất', 'Dòng <thứ> hai']);
});

test('a save over someone else’s newer save is refused, explained, and loses nothing', async ({ page, context }) => {
  await signIn(page, editor);
  const address = await newDraft(page, 'Thông báo lịch tiếp công dân tháng 12');

  const other = await context.newPage();
  await other.goto(address);
  await expect(other.getByLabel('Tiêu đề', { exact: true })).toHaveValue('Thông báo lịch tiếp công dân tháng 12');

  await page.getByLabel('Tiêu đề', { exact: true }).fill('Thông báo lịch tiếp công dân tháng 12 (sửa lần 1)');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Đã lưu lúc/ })).toBeVisible();

  await other.getByLabel('Tóm tắt').fill('Bản tóm tắt viết trong thẻ thứ hai.');
  const otherBody = other.getByRole('textbox', { name: 'Nội dung' });
  await otherBody.click();
  await other.keyboard.press('Control+End');
  await other.keyboard.type(' Câu thêm ở thẻ thứ hai.');
  await other.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'Bài viết đã được người khác sửa sau khi bạn mở' })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Bài viết đã có bản mới hơn' })).toBeFocused();
  await expect(other.getByLabel('Tóm tắt')).toHaveValue('Bản tóm tắt viết trong thẻ thứ hai.');
  await expect(otherBody).toContainText('Câu thêm ở thẻ thứ hai.');
  await expect(other.getByRole('link', { name: 'Mở bản của người kia trong thẻ mới' })).toHaveAttribute('target', '_blank');

  // Their version into this tab: the text typed here is offered back from this computer.
  await other.getByRole('button', { name: 'Tải bản của người kia vào đây' }).click();
  await expect(other.getByLabel('Tiêu đề', { exact: true })).toHaveValue('Thông báo lịch tiếp công dân tháng 12 (sửa lần 1)');
  await other.getByRole('button', { name: 'Khôi phục bản lưu trên máy' }).click();
  await expect(other.getByLabel('Tóm tắt')).toHaveValue('Bản tóm tắt viết trong thẻ thứ hai.');
  await expect(otherBody).toContainText('Câu thêm ở thẻ thứ hai.');
});

test('what is typed is kept in the browser and offered back after a reload', async ({ page }) => {
  await signIn(page, editor);
  await page.goto('/quan-tri/bai-viet/moi');
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Bài viết chưa kịp lưu');
  await page.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.type('Đoạn văn gõ trước khi mất kết nối.');
  await page.waitForTimeout(1500);
  await page.reload();

  const offer = page.getByRole('region', { name: 'Có bản lưu trên máy này' });
  await expect(offer).toBeVisible();
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue('');
  await offer.getByRole('button', { name: 'Khôi phục bản lưu trên máy' }).click();
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue('Bài viết chưa kịp lưu');
  await expect(page.getByRole('textbox', { name: 'Nội dung' })).toHaveText('Đoạn văn gõ trước khi mất kết nối.');
  await expect(offer).toHaveCount(0);

  // Thrown away on request: the next visit offers nothing.
  await page.reload();
  await page.getByRole('button', { name: 'Bỏ bản lưu' }).click();
  await page.reload();
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Có bản lưu trên máy này' })).toHaveCount(0);
});

test('a saved article leaves no copy in the browser, even one timed while it was being saved', async ({
  page,
}) => {
  await signIn(page, editor);
  await page.goto('/quan-tri/bai-viet/moi');
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Lưu ngay sau khi gõ');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Thông báo' });
  await page.getByLabel('Tác giả').fill('Văn phòng HĐND và UBND huyện');
  await page.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.type('Gõ xong bấm lưu ngay.');
  // Saved within the second the browser waits before keeping a copy.
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  await page.waitForTimeout(1500);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('portal-staff-draft:')),
  );
  expect(kept).toEqual([]);
  await page.goto('/quan-tri/bai-viet/moi');
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Có bản lưu trên máy này' })).toHaveCount(0);
});

test('a failed save keeps the text and says so', async ({ page }) => {
  await signIn(page, editor);
  const address = await newDraft(page, 'Thông báo thử lưu khi máy chủ lỗi');
  await page.route('**/api/v1/admin/articles/*', (route) =>
    route.request().method() === 'PUT' ? route.fulfill({ status: 503, body: '' }) : route.fallback(),
  );
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Tiêu đề sửa khi máy chủ lỗi');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa lưu được.' })).toBeVisible();
  await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue('Tiêu đề sửa khi máy chủ lỗi');
  const kept = await page.evaluate(
    (key) => localStorage.getItem(key),
    `portal-staff-draft:${address.split('/').pop()}`,
  );
  expect(kept).toContain('Tiêu đề sửa khi máy chủ lỗi');
});

test('every staff page needs a session, and a wrong password is refused without saying which', async ({ page }) => {
  await page.goto('/quan-tri/lich-cong-tac');
  await expect(page).toHaveURL(/\/quan-tri\/dang-nhap\?quay-lai=%2Fquan-tri%2Flich-cong-tac$/);
  await page.getByLabel('Tên đăng nhập').fill(editor.username);
  await page.getByLabel('Mật khẩu').fill('khong-phai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' })).toBeVisible();
  await page.getByLabel('Mật khẩu').fill(editor.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/lich-cong-tac$/);
  // An editor reads that the schedule is the approvers'.
  await expect(page.getByText('Chỉ người duyệt và quản trị viên mới dùng được trang này.')).toBeVisible();
});

test('approvers read what readers answered to “was this useful?”, the worst page first', async ({ page }) => {
  // Two readers found one notice of no use, one found another useful.
  const rate = async (path: string, useful: boolean, comment = '') => {
    const answer = await page.request.post('/api/v1/ratings', {
      data: { page: path, useful, comment },
    });
    expect(answer.status(), await answer.text()).toBe(204);
  };
  const worst = '/tin-tuc/thong-bao-so-2-ve-lich-tiep-cong-dan';
  await rate(worst, false, 'Thiếu giờ tiếp dân buổi chiều.');
  await rate(worst, false);
  await rate('/tin-tuc/thong-bao-so-3-ve-lich-tiep-cong-dan', true);

  await signIn(page, approver);
  await page.getByRole('link', { name: 'Đánh giá' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đánh giá của người đọc');
  const first = page.getByRole('row').nth(1);
  await expect(first.getByRole('link')).toHaveText(worst);
  await expect(first.getByRole('cell').nth(2)).toHaveText('2');
  await expect(first).toContainText('Thiếu giờ tiếp dân buổi chiều.');
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Editors do not read what citizens wrote.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/dang-nhap/);
  await signIn(page, editor);
  await expect(page.getByRole('link', { name: 'Đánh giá' })).toHaveCount(0);
});

// As accessibility.spec.ts: every WCAG 2.2 AA rule and axe's experimental ones.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'];

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    const pages: Array<[string, string, StaffAccount | null]> = [
      ['the sign-in page', '/quan-tri/dang-nhap', null],
      ['the article list', '/quan-tri', editor],
      ['the editor', '/quan-tri/bai-viet/moi', approver],
      ['the schedule editor', '/quan-tri/lich-cong-tac', approver],
    ];
    for (const [name, path, account] of pages) {
      test(`${name} has no violations`, async ({ page }) => {
        if (account) await signIn(page, account);
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expect(page.locator('.staff-loading')).toHaveCount(0);
        if (path.endsWith('/moi')) {
          // With the link form open too.
          await page.getByRole('button', { name: 'Liên kết' }).click();
          await expect(page.getByLabel('Địa chỉ liên kết')).toBeFocused();
        }
        if (path.endsWith('/lich-cong-tac')) {
          await expect(page.getByRole('group', { name: 'Mục 1' })).toBeVisible();
        }
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
        await expect(page).toHaveTitle(/– Quản trị – Cổng thông tin điện tử huyện Bình Liêu$/);
      });
    }
  });
}
