import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/loopback';
import { XSS_PORT } from '../../playwright.config';

// Known XSS vectors, imported as article bodies (tests/support/make-fixture.mjs --xss), never
// execute: the server's sanitizer leaves nothing that could run in the article page's innerHTML.
// Every vector calls window.__xss(N) where an attacker would call alert, so any execution is
// caught and attributed to its vector.

const vectors: string[] = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'xss-vectors.json'), 'utf8'),
);

// The server's Content-Security-Policy would also block inline handlers and scripts; the test
// turns it off so that it proves the sanitizer alone is enough (security.spec.ts tests the policy).
test.use({ baseURL: `http://127.0.0.1:${XSS_PORT}`, bypassCSP: true });

const GROUP = 10;
// Elements that never belong in an article body: they run code, load documents or change the page.
const FORBIDDEN_TAGS = [
  'script', 'iframe', 'object', 'embed', 'style', 'base', 'meta', 'link', 'form',
  'frame', 'frameset', 'applet', 'svg', 'math', 'template', 'noscript',
];
// Attributes holding a URL that the browser may navigate to, load or run, and `cite`, which
// no browser follows but which must not carry a script address either.
const URL_ATTRIBUTES = [
  'href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background',
  'srcset', 'dynsrc', 'lowsrc', 'codebase', 'cite',
];

test('the fixture holds at least 100 distinct XSS vectors', () => {
  expect(vectors.length).toBeGreaterThanOrEqual(100);
  expect(new Set(vectors).size).toBe(vectors.length);
});

for (let first = 0; first < vectors.length; first += GROUP) {
  const last = Math.min(first + GROUP, vectors.length) - 1;
  test(`XSS vectors ${first}–${last} never execute`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // Calls from any frame and any moment (even after the page moved on) reach the test here.
    const reported: string[] = [];
    await page.exposeBinding('__xssReport', ({ frame }, args: string) => {
      reported.push(`window.__xss(${args}) in ${frame.url()}`);
    });
    await page.addInitScript(() => {
      const w = window as any;
      w.__xssCalls = [];
      w.__xss = (...args: unknown[]) => {
        const call = args.map(String).join(',');
        w.__xssCalls.push(call);
        w.__xssReport?.(call);
      };
    });

    for (let n = first; n <= last; n++) {
      const about = `vector ${n}: ${JSON.stringify(vectors[n])}`;
      const path = `/tin-tuc/kiem-thu-an-toan-so-${n}`;
      if (n === first) {
        await page.goto(path);
      } else {
        // Within the app, as a reader following a link would: the body goes into innerHTML the
        // same way, without loading the app again for every vector.
        await page.evaluate((to) => {
          history.pushState(null, '', to);
          dispatchEvent(new PopStateEvent('popstate', { state: null }));
        }, path);
      }
      await expect(page.locator('h1.article-title'), about).toHaveText(`Kiểm thử an toàn số ${n}`);
      const body = page.locator('.article-body');
      // The whole body rendered: nothing the vector left swallowed the paragraph after it.
      await expect(body, about).toContainText(new RegExp(`Trước ${n}(?!\\d)`));
      await expect(body, about).toContainText(new RegExp(`Sau ${n}(?!\\d)`));
      // Wait for the events a vector would run on: each image in the body has loaded or failed
      // (`complete` turns true in the same task that fires its load or error event, so an
      // inline handler would have run), and two frames are drawn (autofocus and animation
      // events fire while a frame is drawn). A lazy image out of view never loads, so it cannot
      // fire either; a call later than this still reaches `reported` until the test ends.
      await body.evaluate(async (element) => {
        const images = [...element.querySelectorAll('img')].filter((img) => !img.complete && img.loading !== 'lazy');
        await Promise.all(
          images.map(
            (img) =>
              new Promise((done) => {
                img.addEventListener('load', done, { once: true });
                img.addEventListener('error', done, { once: true });
                if (img.complete) done(null);
              }),
          ),
        );
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      });

      const found = await body.evaluate(
        (element, { forbiddenTags, urlAttributes }) => {
          const problems: string[] = [];
          for (const node of element.querySelectorAll('*')) {
            const tag = node.localName.toLowerCase();
            if (forbiddenTags.includes(tag)) problems.push(`<${tag}> element`);
            for (const attribute of node.attributes) {
              const name = attribute.name.toLowerCase();
              if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
              if (name === 'style') problems.push(`<${tag} style="${attribute.value}">`);
              if (urlAttributes.includes(name)) {
                // As the URL parser reads it: tabs and newlines anywhere and leading or trailing
                // control characters and spaces do not count.
                const url = attribute.value
                  .replace(/[\t\n\r]/g, '')
                  .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
                  .toLowerCase();
                if (/^(javascript|vbscript|data):/.test(url)) problems.push(`<${tag} ${name}="${attribute.value}">`);
              }
            }
          }
          return problems;
        },
        { forbiddenTags: FORBIDDEN_TAGS, urlAttributes: URL_ATTRIBUTES },
      );
      expect.soft(found, `${about}\nbody: ${await body.innerHTML()}`).toEqual([]);
      expect.soft(await page.evaluate(() => (window as any).__xssCalls), about).toEqual([]);
      // A call reported late names its own vector in its arguments.
      expect.soft(reported.splice(0), about).toEqual([]);
      expect.soft(dialogs.splice(0), about).toEqual([]);
    }
    await page.goto('about:blank');
    expect(reported).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}
