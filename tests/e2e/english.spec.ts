import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '../support/loopback';
import { mainArticle } from '../support/fixture.mjs';

// The English pages (issue #21) as a visitor from across the border uses them: the language
// switch keeps the reader on the same news, every English page says it is English (`lang`,
// `hreflang`), none shows a Vietnamese word of the interface, and axe finds nothing. The
// content is content/en, which the fixture copies; its first article is made the
// counterpart of the fixture's main article.

const root = join(__dirname, '..', '..');
const englishNews: Array<{ slug: string; title: string }> = JSON.parse(
  readFileSync(join(root, 'content', 'en', 'articles.json'), 'utf8'),
);
const counterpart = englishNews[0];

/** Every entry of the interface's catalogue (contract/catalogue/*.json), by key. */
const catalogue: Record<string, { vi: string; en: string }> = Object.assign(
  {},
  ...readdirSync(join(root, 'contract', 'catalogue'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(root, 'contract', 'catalogue', name), 'utf8'))),
);

/** Every Vietnamese text of the catalogue that differs from its English, cut at its
 * placeholders into the pieces a page could show. */
const vietnameseTexts: string[] = (() => {
  const pieces = new Set<string>();
  for (const [key, entry] of Object.entries(catalogue)) {
    if (key.startsWith('_') || entry.vi === entry.en) continue;
    for (const piece of entry.vi.split(/\{[a-z_]+\}/)) {
      const text = piece.trim();
      // Only pieces with a Vietnamese letter (ă, ê, ơ, đ, a tone mark…): punctuation says
      // nothing of the language, and a few Vietnamese texts are English words ("English",
      // the switch's own name) that English pages rightly show.
      if (/[^\x00-\x7f]/.test(text) && /\p{L}{2}/u.test(text)) pieces.add(text);
    }
  }
  return [...pieces];
})();

/** What a reader (or a screen reader) meets on the page once the app has drawn it. */
async function shownTexts(page: Page): Promise<string> {
  await expect(page.locator('#server-page')).toHaveCount(0);
  await expect(page.locator('.placeholder')).toHaveCount(0);
  return page.evaluate(() => {
    const attributes = [...document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((element) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

/** The catalogue's English for `key`. */
function english(key: string): string {
  const entry = catalogue[key];
  if (!entry) throw new Error(`no catalogue entry ${key}`);
  return entry.en;
}

const englishPages: Array<[string, string]> = [
  ['home', '/en'],
  ['news', `/en/news/${counterpart.slug}`],
  ['about', '/en/about'],
  ['organisation', '/en/organization'],
  ['contact', '/en/contact'],
  ['search', '/en/search?q=border'],
  ['search, no result', '/en/search?q=nothingatall'],
  ['404', '/en/news/no-such-news'],
];

test('the language switch leads from an article to its counterpart and back', async ({ page }) => {
  await page.goto(`/tin-tuc/${mainArticle.slug}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await page.getByRole('link', { name: 'English version' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/news/${counterpart.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(counterpart.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Dates in English read as words.
  await expect(page.locator('article.article .article-meta time')).toHaveText('18 March 2026, 10:30');
  await page.getByRole('link', { name: 'Phiên bản tiếng Việt' }).click();
  await expect(page).toHaveURL(new RegExp(`/tin-tuc/${mainArticle.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mainArticle.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('a page without a counterpart switches to the other home, a fixed page to its pair', async ({ page }) => {
  await page.goto('/en/contact');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact');
  await page.getByRole('link', { name: 'Phiên bản tiếng Việt' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/gioi-thieu');
  await page.getByRole('link', { name: 'English version' }).click();
  await expect(page).toHaveURL(/\/en\/about$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/About/);
  // An article without a counterpart (the fixture's other articles): the English home.
  await page.goto('/van-ban');
  await page.getByRole('link', { name: 'English version' }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Latest news' })).toBeVisible();
});

test('English pages say so: lang, and hreflang to the counterpart, once, before and after the app', async ({ page, request }) => {
  // As the server sends it, for search engines and before the app starts.
  const sent = await (await request.get('/en/about')).text();
  expect(sent).toContain('<html lang="en"');
  expect(sent).toMatch(/<link rel="alternate" hreflang="vi" href="[^"]*\/gioi-thieu">/);
  await page.goto('/en/about');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const alternates = page.locator('link[rel="alternate"][hreflang]');
  await expect(alternates).toHaveCount(2);
  await expect(page.locator('link[rel="alternate"][hreflang="vi"]')).toHaveAttribute('href', /\/gioi-thieu$/);
  // Moving inside the app keeps them true: the article's counterpart, then none.
  await page.getByRole('searchbox', { name: 'Search the news' }).fill('joint rules');
  await page.getByRole('searchbox', { name: 'Search the news' }).press('Enter');
  await expect(page).toHaveURL(/\/en\/search\?q=joint/);
  await page.getByRole('link', { name: counterpart.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(counterpart.title);
  await expect(page.locator('link[rel="alternate"][hreflang="vi"]')).toHaveAttribute(
    'href',
    new RegExp(`/tin-tuc/${mainArticle.slug}$`),
  );
  await page.getByRole('link', { name: 'Contact', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact');
  await expect(alternates).toHaveCount(0);
});

test('the English news is paged at its own address', async ({ page }) => {
  await page.goto('/en');
  const titles = page.locator('.english-news .article-card-title');
  await expect(titles).toHaveCount(10);
  await page.locator('.english-news .pagination').getByRole('link', { name: 'Page 2', exact: true }).click();
  await expect(page).toHaveURL(/\/en\?trang=2$/);
  await expect(titles).toHaveCount(englishNews.length - 10);
  await expect(titles.last()).toHaveText(counterpart.title);
});

test('search on English pages searches the English news', async ({ page }) => {
  await page.goto('/en');
  await page.getByRole('searchbox', { name: 'Search the news' }).fill('border gate');
  await page.getByRole('button', { name: 'Search', exact: true }).first().click();
  await expect(page).toHaveURL(/\/en\/search\?q=border(%20|\+)gate$/);
  const hits = page.locator('.search-hits a');
  await expect(hits.first()).toBeVisible();
  for (const href of await hits.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
    expect(href).toMatch(/^\/en\/news\//);
  }
});

test('a failing API is explained in English, with a retry that recovers', async ({ page }) => {
  let failing = true;
  await page.route('**/api/v1/**', (route) => (failing ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
  for (const path of ['/en', `/en/news/${counterpart.slug}`, '/en/about', '/en/organization']) {
    failing = true;
    await page.goto(path);
    const alert = page.getByRole('alert').first();
    await expect(alert, path).toContainText(english('error_server'));
    failing = false;
    const retries = page.getByRole('button', { name: english('retry') });
    for (let pressed = 0; pressed < 10 && (await retries.count()) > 0; pressed++) {
      await retries.first().click({ timeout: 2000 }).catch(() => {});
    }
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
  }
});

for (const [name, path] of englishPages) {
  test(`no Vietnamese interface text on the English ${name} page`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const shown = await shownTexts(page);
    const found = vietnameseTexts.filter((text) => shown.includes(text));
    expect(found).toEqual([]);
  });
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'];

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const [name, path] of englishPages) {
      test(`English ${name} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expect(page.locator('.placeholder')).toHaveCount(0);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
        await expect(page).toHaveTitle(/Bình Liêu District Portal$/);
      });
    }
  });
}
