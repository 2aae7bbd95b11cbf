import { expect, test, type Page } from '../support/loopback';
import { departmentNews, links, mainArticle, pressNews } from '../support/fixture.mjs';

// The sidebar blocks on the home page and on article pages, and their own pages.

async function expectSidebarBlocks(page: Page) {
  const sidebar = page.getByRole('complementary', { name: 'Thông tin khác' });
  await expect(sidebar.getByRole('region', { name: 'Tin sở ban ngành' }).getByRole('link', { name: departmentNews.title })).toBeVisible();
  await expect(sidebar.getByRole('region', { name: 'Thông tin báo chí' }).getByRole('link', { name: pressNews.title })).toBeVisible();
  await expect(sidebar.getByRole('region', { name: 'Tin sở ban ngành' }).getByRole('link', { name: /Xem tất cả/ })).toHaveAttribute('href', '/chuyen-muc/tin-so-ban-nganh');
  const schedule = sidebar.getByRole('region', { name: 'Lịch công tác' });
  await expect(schedule).toContainText('08:00 Họp giao ban lãnh đạo UBND huyện');
  await expect(schedule).toContainText('14:00 Kiểm tra tiến độ đường giao thông xã Đồng Văn');
  const stats = sidebar.getByRole('region', { name: 'Thống kê truy cập' });
  await expect(stats.locator('.visits-total')).toHaveText(/^2\.325\.\d{3}$/);
  await expect(stats.locator('.visits-today')).toHaveText(/^\d+$/);
  const linkBlock = sidebar.getByRole('region', { name: 'Website liên kết' });
  await expect(linkBlock.getByRole('combobox', { name: 'Chọn website liên kết' }).locator('option')).toHaveText([
    '— Chọn website —',
    ...links.flatMap((group) => group.links.map((link) => link.name)),
  ]);
  return sidebar;
}

test('the home page shows every block', async ({ page }) => {
  await page.goto('/');
  const sidebar = await expectSidebarBlocks(page);
  // Featured news is the home page's main block, so the sidebar does not repeat it.
  await expect(page.getByRole('region', { name: 'Tin tiêu điểm' }).getByRole('link', { name: mainArticle.title })).toBeVisible();
  await expect(sidebar.getByRole('region', { name: 'Tin tiêu điểm' })).toHaveCount(0);
});

test('an article page shows every block, featured news too', async ({ page }) => {
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  const sidebar = await expectSidebarBlocks(page);
  await expect(sidebar.getByRole('region', { name: 'Tin tiêu điểm' }).getByRole('link', { name: mainArticle.title })).toBeVisible();
});

test('choosing a linked website navigates only on the button, in a new tab', async ({ page, context }) => {
  await page.goto('/');
  const chooser = page.getByRole('combobox', { name: 'Chọn website liên kết' });
  await chooser.selectOption({ label: 'Cổng Thông tin điện tử Chính phủ' });
  await expect(page).toHaveURL(/\/$/);
  // The test machine has no internet: catch the new tab's request instead of loading it.
  await context.route('https://chinhphu.vn/**', (route) => route.fulfill({ body: 'ok' }));
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Truy cập' }).click(),
  ]);
  await expect(popup).toHaveURL('https://chinhphu.vn/');
  expect(await popup.evaluate(() => window.opener)).toBeNull();
});

test('the links page lists every group with safe external links', async ({ page }) => {
  await page.goto('/lien-ket');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Website liên kết');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(links.map((g) => g.name));
  const government = page.getByRole('link', { name: /Cổng Thông tin điện tử Chính phủ/ });
  await expect(government).toHaveAttribute('href', 'https://chinhphu.vn');
  await expect(government).toHaveAttribute('rel', 'noopener noreferrer');
});

test('the schedule page moves between weeks and says when a week is empty', async ({ page }) => {
  await page.goto('/lich-cong-tac');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch công tác');
  await expect(page.getByRole('heading', { level: 2, name: /^Thứ Hai, \d\d\/\d\d\/\d{4}$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Thứ Tư, / })).toBeVisible();
  const entry = page.locator('.schedule-entry').first();
  await expect(entry).toContainText('08:00 Họp giao ban lãnh đạo UBND huyện');
  await expect(entry).toContainText('Chủ trì: Chủ tịch UBND huyện');
  await expect(entry).toContainText('Địa điểm: Phòng họp tầng 2');
  const thisWeek = await page.locator('.week-range').textContent();

  await page.getByRole('link', { name: 'Tuần sau ›' }).click();
  await expect(page).toHaveURL(/\/lich-cong-tac\?tuan=\d{4}-W\d\d$/);
  await expect(page.getByText('Lịch công tác trống')).toBeVisible();

  await page.getByRole('link', { name: '‹ Tuần trước' }).click();
  await expect(page.locator('.week-range')).toHaveText(thisWeek!);
  await page.getByRole('link', { name: '‹ Tuần trước' }).click();
  await expect(page.locator('.schedule-entry')).toContainText(['09:30 Tiếp công dân định kỳ']);
  await expect(page.getByRole('heading', { level: 2, name: /^Thứ Sáu, / })).toBeVisible();

  await page.goBack();
  await expect(page.locator('.week-range')).toHaveText(thisWeek!);
});

test('weeks across the new year and week 53 open from the address', async ({ page }) => {
  await page.goto('/lich-cong-tac?tuan=2026-W53');
  await expect(page.locator('.week-range')).toHaveText('Tuần 53: từ 28/12/2026 đến 03/01/2027');
  await expect(page.getByText('Lịch công tác trống')).toBeVisible();
  await page.getByRole('link', { name: 'Tuần sau ›' }).click();
  await expect(page).toHaveURL(/tuan=2027-W01$/);
  await page.goto('/lich-cong-tac?tuan=2021-W53');
  await expect(page.getByText('Tuần trong địa chỉ không hợp lệ.')).toBeVisible();
});
