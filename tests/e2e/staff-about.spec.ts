import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '../support/loopback';
import { STAFF_PORT } from '../../playwright.config';
import { admin } from '../support/staff-accounts';

// An admin changes the about page and a unit's phone in the staff area, and citizens read the
// change at once on /gioi-thieu and /co-cau-to-chuc. On the staff server: the other tests read
// the content as it ships.

test.use({ baseURL: `http://127.0.0.1:${STAFF_PORT}` });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'];

async function noViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

async function signIn(page: Page) {
  await page.goto('/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(admin.username);
  await page.getByLabel('Mật khẩu').fill(admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bài viết' })).toBeVisible();
}

test('an admin rewrites the about page and a unit’s phone, and citizens read them', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Giới thiệu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trang giới thiệu');
  const title = page.getByLabel('Tiêu đề');
  await expect(title).not.toHaveValue('');
  await noViolations(page);
  // A title left empty is refused next to the field, and the text typed stays.
  await title.fill('');
  await page.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Đoạn viết thêm của quản trị viên.');
  await page.getByRole('button', { name: 'Lưu trang' }).click();
  await expect(title).toBeFocused();
  await expect(title).toHaveAccessibleDescription('Vui lòng nhập nội dung.');
  await expect(page.getByRole('textbox', { name: 'Nội dung' })).toContainText('Đoạn viết thêm của quản trị viên.');
  await title.fill('Giới thiệu chung về huyện Bình Liêu');
  await page.getByRole('button', { name: 'Lưu trang' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();

  await page.getByRole('link', { name: 'Tổ chức' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cơ cấu tổ chức');
  const committee = page.getByRole('group', { name: 'Ủy ban nhân dân huyện Bình Liêu' });
  await committee.getByLabel('Điện thoại', { exact: true }).fill('0203 3878 999');
  await noViolations(page);
  await page.getByRole('button', { name: 'Lưu cơ cấu tổ chức' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();

  const citizen = await page.context().browser()!.newPage({ baseURL: `http://127.0.0.1:${STAFF_PORT}` });
  await citizen.goto('/gioi-thieu');
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Giới thiệu chung về huyện Bình Liêu');
  // The page's main content, the server's reading view's or, once it has taken over, the app's.
  await expect(citizen.getByRole('main')).toContainText('Đoạn viết thêm của quản trị viên.');
  await citizen.goto('/co-cau-to-chuc');
  const phone = citizen.getByRole('link', { name: '0203 3878 999' });
  await expect(phone).toHaveAttribute('href', 'tel:02033878999');
  await citizen.close();
});
