import { expect, test } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

// Share actions under an article: the system's share sheet where there is one, else a
// Facebook link and "Sao chép liên kết"; nothing reaches another site before the reader
// chooses.

const articlePath = `/tin-tuc/${mainArticle.slug}`;

test('without a share sheet: a Facebook link with the address, and a copy that says so', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!new URL(request.url()).hostname.match(/^(127\.0\.0\.1|localhost)$/)) elsewhere.push(request.url());
  });
  await page.goto(articlePath);
  const share = page.getByRole('group', { name: 'Chia sẻ bài viết' });
  const address = `${baseURL}${articlePath}`;
  await expect(share.getByRole('link', { name: 'Chia sẻ lên Facebook' })).toHaveAttribute(
    'href',
    `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(address)}`,
  );
  await expect(share.getByRole('link', { name: 'Chia sẻ lên Facebook' })).toHaveAttribute('rel', 'noopener noreferrer');
  await share.getByRole('button', { name: 'Sao chép liên kết' }).click();
  await expect(share.getByRole('status')).toHaveText('Đã sao chép liên kết.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  expect(elsewhere).toEqual([]);
});

test('with a share sheet: one button hands the title and address to it', async ({ page, baseURL }) => {
  // Headless Chromium on Linux has no share sheet; this stands in for the phone's.
  await page.addInitScript(() => {
    (window as unknown as { shared: unknown[] }).shared = [];
    Object.defineProperty(navigator, 'share', {
      value: (data: unknown) => {
        (window as unknown as { shared: unknown[] }).shared.push(data);
        return Promise.resolve();
      },
    });
  });
  await page.goto(articlePath);
  const share = page.getByRole('group', { name: 'Chia sẻ bài viết' });
  await expect(share.getByRole('link')).toHaveCount(0);
  await share.getByRole('button', { name: 'Chia sẻ', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared))
    .toEqual([{ title: mainArticle.title, url: `${baseURL}${articlePath}` }]);
});
