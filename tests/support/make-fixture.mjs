// Writes a fresh database folder with the fixture content: `node make-fixture.mjs DIR [--xss]`.
// With --xss it also writes one article per XSS vector of tests/fixtures/xss-vectors.json.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleInputs, categories, links, mainArticle, places, schedule, site } from './fixture.mjs';

const args = process.argv.slice(2);
const xss = args.includes('--xss');
const dir = args.find((arg) => !arg.startsWith('--'));
if (!dir) throw new Error('usage: make-fixture.mjs DIR [--xss]');
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
const write = (path, value) => writeFileSync(join(dir, 'content', path), JSON.stringify(value, null, 2));
write('site.json', site);
write('categories.json', categories);
write('articles/fixture.json', articleInputs());
write('schedule.json', schedule);
write('links.json', links);
write('map.geojson', { type: 'FeatureCollection', features: places });
// The documents library as it ships (content/documents: documents.json and its files), so the
// browser tests filter, search, open and download the demo documents.
cpSync(fileURLToPath(new URL('../../content/documents', import.meta.url)), join(dir, 'content', 'documents'), {
  recursive: true,
});
// The question fields and the answered questions as they ship (content/questions.json): the
// form offers the fields, and /hoi-dap has questions from the start. The first of them is
// PH-2026-000001 (references follow the order they are stored).
cpSync(fileURLToPath(new URL('../../content/questions.json', import.meta.url)), join(dir, 'content', 'questions.json'));
// The procedures, the introduction and the organisation as they ship (content/procedures.json,
// content/pages/, content/organization.json): /thu-tuc, /gioi-thieu and /co-cau-to-chuc read
// them. The procedures' forms are documents of content/documents, copied above.
for (const path of ['procedures.json', 'organization.json', 'pages']) {
  cpSync(fileURLToPath(new URL(`../../content/${path}`, import.meta.url)), join(dir, 'content', path), { recursive: true });
}

// The English pages as they ship (content/en), but for the news: the fixture has none of the
// Vietnamese articles the shipped English ones name as counterparts (nor all their
// categories), so the first English article is made the counterpart of the fixture's main
// article instead, and every article is filed under a fixture category.
mkdirSync(join(dir, 'content', 'en'), { recursive: true });
for (const path of ['site.json', 'organization.json', 'pages']) {
  cpSync(fileURLToPath(new URL(`../../content/en/${path}`, import.meta.url)), join(dir, 'content', 'en', path), { recursive: true });
}
const englishNews = JSON.parse(readFileSync(new URL('../../content/en/articles.json', import.meta.url), 'utf8'));
write(
  'en/articles.json',
  englishNews.map(({ counterpart, ...article }, index) => ({
    ...article,
    category: categories.some((category) => category.slug === article.category) ? article.category : categories[0].slug,
    ...(index === 0 ? { counterpart: mainArticle.slug } : {}),
  })),
);

if (xss) {
  const vectors = JSON.parse(readFileSync(new URL('../fixtures/xss-vectors.json', import.meta.url), 'utf8'));
  // Vector N is published N hours after the start of 2020, so every time is distinct.
  const start = Date.UTC(2020, 0, 1, 1, 0, 0);
  const published = (n) => {
    // Shift to +07:00 by hand: the local time is the UTC time seven hours later.
    const local = new Date(start + n * 3_600_000 + 7 * 3_600_000);
    return `${local.toISOString().slice(0, 19)}+07:00`;
  };
  write(
    'articles/xss.json',
    vectors.map((vector, n) => ({
      title: `Kiểm thử an toàn số ${n}`,
      category: 'thong-bao',
      published_at: published(n),
      author: 'Kiểm thử',
      summary: `Vector ${n}`,
      body_html: `<p>Trước ${n}</p>${vector}<p>Sau ${n}</p>`,
    })),
  );
}
