import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

// "Thông tin này có hữu ích không?" under an article: one rating a page per browser session,
// no cookie, and a comment typed is not lost when sending fails.

const articlePath = `/tin-tuc/${mainArticle.slug}`;

test('a reader rates an article once in a session, with a comment', async ({ page, context }) => {
  const sent: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/ratings')) sent.push(request.postDataJSON());
  });
  await page.goto(articlePath);
  const question = page.getByRole('region', { name: 'Thông tin này có hữu ích không?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Không' }).click();
  await expect(question.getByRole('button', { name: 'Không' })).toHaveAttribute('aria-pressed', 'true');
  await question.getByLabel(/^Góp ý thêm/).fill('Thiếu số điện thoại của Ban Chỉ huy Quân sự.');
  await question.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(question.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá.');
  expect(sent).toEqual([
    { page: articlePath, useful: false, comment: 'Thiếu số điện thoại của Ban Chỉ huy Quân sự.' },
  ]);
  expect(await context.cookies()).toEqual([]);

  // Reloaded in the same session: thanked at once, nothing asked or sent again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await expect(page.getByRole('region', { name: 'Thông tin này có hữu ích không?' }).getByRole('status')).toHaveText(
    'Cảm ơn bạn đã đánh giá.',
  );
  await expect(page.getByRole('button', { name: 'Có', exact: true })).toHaveCount(0);
  expect(sent).toHaveLength(1);
});

test('a failed rating keeps the comment and sends it again', async ({ page }) => {
  let failures = 1;
  await page.route('**/api/v1/ratings', (route) => {
    if (failures-- > 0) {
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":{"code":"unavailable","message":"busy"}}',
      });
    }
    return route.continue();
  });
  await page.goto(articlePath);
  const question = page.getByRole('region', { name: 'Thông tin này có hữu ích không?' });
  await question.getByRole('button', { name: 'Có', exact: true }).click();
  const comment = question.getByLabel(/^Góp ý thêm/);
  await comment.fill('Bài viết rõ ràng.');
  await question.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(question.getByRole('alert')).toContainText('Máy chủ');
  await expect(comment).toHaveValue('Bài viết rõ ràng.');
  await question.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(question.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá.');
});

test('the comment box holds at most 500 characters', async ({ page }) => {
  await page.goto(articlePath);
  const question = page.getByRole('region', { name: 'Thông tin này có hữu ích không?' });
  await question.getByRole('button', { name: 'Không' }).click();
  const comment = question.getByLabel(/^Góp ý thêm/);
  await expect(comment).toHaveAttribute('maxlength', '500');
  await comment.fill('ệ'.repeat(600));
  expect((await comment.inputValue()).length).toBe(500);
});

test('the question, open and answered, has no axe violations at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(articlePath);
  const question = page.getByRole('region', { name: 'Thông tin này có hữu ích không?' });
  await question.getByRole('button', { name: 'Không' }).click();
  await expect(question.getByLabel(/^Góp ý thêm/)).toBeVisible();
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];
  const open = await new AxeBuilder({ page }).include('.useful-question').withTags(tags).analyze();
  expect(open.violations).toEqual([]);
  await question.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(question.getByRole('status')).toBeVisible();
  const answered = await new AxeBuilder({ page }).include('.useful-question').withTags(tags).analyze();
  expect(answered.violations).toEqual([]);
});
