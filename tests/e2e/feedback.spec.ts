import { expect, test, type Page } from '../support/loopback';
import { ISOLATED_PORT } from '../../playwright.config';
import { mainArticle } from '../support/fixture.mjs';

// "Gửi ý kiến phản hồi": what a citizen types is never lost, and every problem is explained
// next to its field.

async function fill(page: Page, message = 'Đề nghị sửa đèn đường ở đầu thôn Pò Hèn.') {
  await page.getByLabel('Họ và tên *').fill('Hoàng Văn Minh');
  await page.getByLabel('Email').fill('minh@example.com');
  await page.getByLabel('Tiêu đề *').fill('Đèn đường thôn Pò Hèn');
  await page.getByLabel(/^Nội dung \*/).fill(message);
}

test('empty and wrong fields are explained next to each field', async ({ page }) => {
  await page.goto('/gui-y-kien');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gửi ý kiến phản hồi');
  await page.getByLabel('Email').fill('minh@');
  await page.getByLabel(/^Nội dung \*/).fill('ngắn');
  await page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click();
  const name = page.getByLabel('Họ và tên *');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Vui lòng nhập họ và tên.');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Email chưa đúng, ví dụ: ten@example.com.');
  await expect(page.getByLabel('Tiêu đề *')).toHaveAccessibleDescription('Vui lòng nhập tiêu đề.');
  await expect(page.getByLabel(/^Nội dung \*/)).toHaveAccessibleDescription('Nội dung cần ít nhất 10 ký tự.');
  await expect(page.getByLabel('Số điện thoại')).not.toHaveAttribute('aria-invalid', 'true');
});

test('the server’s field errors are shown next to their fields', async ({ page }) => {
  await page.route('**/api/v1/feedback', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'invalid', message: 'x', fields: { title: 'Tiêu đề này máy chủ không nhận.' } } }),
    }),
  );
  await page.goto('/gui-y-kien');
  await fill(page);
  await page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click();
  await expect(page.getByLabel('Tiêu đề *')).toHaveAccessibleDescription('Tiêu đề này máy chủ không nhận.');
  await expect(page.getByLabel('Tiêu đề *')).toBeFocused();
  await expect(page.getByLabel('Họ và tên *')).toHaveValue('Hoàng Văn Minh');
});

test('an article’s feedback is sent with the article and confirmed with a reference', async ({ page }) => {
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  const open = page.getByRole('button', { name: 'Gửi ý kiến phản hồi' });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  await fill(page);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/api/v1/feedback') && r.method() === 'POST'),
    page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click(),
  ]);
  expect(request.postDataJSON()).toMatchObject({ article: mainArticle.slug, name: 'Hoàng Văn Minh' });
  const confirmation = page.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã gửi ý kiến.' });
  await expect(confirmation.locator('.feedback-reference')).toHaveText(/^PH-\d{4}-\d{6}$/);
  // Confirmed: the draft is gone.
  await page.reload();
  await page.getByRole('button', { name: 'Gửi ý kiến phản hồi' }).click();
  await expect(page.getByLabel('Họ và tên *')).toHaveValue('');
});

test('a 500 keeps the text, a reload keeps the draft, and sending again succeeds', async ({ page }) => {
  let failures = 1;
  await page.route('**/api/v1/feedback', (route) =>
    failures-- > 0 ? route.fulfill({ status: 500, body: '' }) : route.fallback(),
  );
  await page.goto('/gui-y-kien');
  await fill(page, 'Ý kiến dài về việc sửa đường, không được phép mất.');
  await page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Chưa gửi được ý kiến');
  await expect(alert).toContainText('Nội dung vẫn được giữ nguyên.');
  await expect(page.getByLabel(/^Nội dung \*/)).toHaveValue('Ý kiến dài về việc sửa đường, không được phép mất.');

  await page.reload();
  await expect(page.getByLabel(/^Nội dung \*/)).toHaveValue('Ý kiến dài về việc sửa đường, không được phép mất.');
  await expect(page.getByLabel('Họ và tên *')).toHaveValue('Hoàng Văn Minh');
  await page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click();
  await expect(page.locator('.feedback-reference')).toHaveText(/^PH-\d{4}-\d{6}$/);
});

test('a network failure offers to send again with the text intact', async ({ page }) => {
  let failures = 1;
  await page.route('**/api/v1/feedback', (route) =>
    failures-- > 0 ? route.abort('connectionrefused') : route.fallback(),
  );
  await page.goto('/gui-y-kien');
  await fill(page);
  await page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Không kết nối được tới máy chủ');
  await page.getByRole('button', { name: 'Gửi lại' }).click();
  await expect(page.locator('.feedback-reference')).toHaveText(/^PH-\d{4}-\d{6}$/);
});

test.describe('on a server with the default limit', () => {
  test.use({ baseURL: `http://127.0.0.1:${ISOLATED_PORT}` });

  test('the sixth submission in ten minutes is kindly turned away, text intact', async ({ page }) => {
    await page.goto('/gui-y-kien');
    for (let i = 1; i <= 5; i++) {
      await fill(page, `Ý kiến số ${i} về đường giao thông nông thôn.`);
      await page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click();
      await expect(page.locator('.feedback-reference')).toBeVisible();
      await page.getByRole('button', { name: 'Gửi ý kiến khác' }).click();
    }
    await fill(page, 'Ý kiến số 6 về đường giao thông nông thôn.');
    await page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(/Bạn đã gửi nhiều ý kiến trong thời gian ngắn\. Vui lòng gửi lại sau khoảng (9|10) phút/);
    await expect(page.getByLabel(/^Nội dung \*/)).toHaveValue('Ý kiến số 6 về đường giao thông nông thôn.');
  });
});

test('feedback written offline is kept, sent when the connection returns, and acknowledged', async ({ page, context }) => {
  await page.goto('/gui-y-kien');
  await fill(page, 'Đường lên thôn Khe Mạ bị sạt lở sau mưa lớn, đề nghị kiểm tra.');
  await context.setOffline(true);
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/feedback') && request.method() === 'POST') sent.push(request.url());
  });
  await page.getByRole('button', { name: 'Gửi ý kiến', exact: true }).click();
  const waiting = page.getByRole('status').filter({ hasText: 'sẽ tự động gửi khi có mạng trở lại' });
  await expect(waiting).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gửi ý kiến', exact: true })).toBeDisabled();
  // Kept on the device meanwhile: the draft survives in local storage.
  expect(await page.evaluate(() => localStorage.getItem('portal-feedback-draft:chung'))).toContain('Khe Mạ');

  await context.setOffline(false);
  const confirmation = page.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã gửi ý kiến.' });
  await expect(confirmation.locator('.feedback-reference')).toHaveText(/^PH-\d{4}-\d{6}$/);
  await expect(waiting).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('portal-feedback-draft:chung'))).toBeNull();
});
