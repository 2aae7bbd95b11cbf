#!/usr/bin/env node
// The W3C Nu validator (npm package vnu-jar, run with Java) over the HTML the server sends for
// every route of the app, as a browser gets it: the built pages (dist/) with what the server
// adds to them (previews, preloads, the reading view). Any error fails the run, listed by page.
//
//   node scripts/html-validation.mjs            (make html-validation; needs dist/ and the release server)
//   PORTAL_DIST=/tmp/dist node scripts/html-validation.mjs   (another build of the app)
//
// The server runs on a throwaway database seeded with the browser tests' fixture content
// (tests/support/make-fixture.mjs), on 127.0.0.1:$HTML_VALIDATION_PORT (18090 unless set), and
// is always stopped afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { categories, mainArticle } from '../tests/support/fixture.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const port = Number(process.env.HTML_VALIDATION_PORT ?? 18090);
const base = `http://127.0.0.1:${port}`;
const dir = join(root, 'target', 'html-validation');
const serverBin = join(root, 'target', 'release', 'portal-server');
const vnuJar = join(root, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const dist = resolve(process.env.PORTAL_DIST ?? join(root, 'dist'));

function fail(message) {
  console.error(`html-validation: ${message}`);
  process.exitCode = 1;
}

/** The widgets' names as the contract spells them, so a new widget is validated too. */
function widgetSlugs() {
  const source = readFileSync(join(root, 'contract', 'src', 'embed.rs'), 'utf8');
  const body = source.match(/pub fn slug\(self\)[^{]*\{([\s\S]*?)\n    \}/);
  const slugs = body ? [...body[1].matchAll(/Widget::\w+\s*=>\s*"([^"]+)"/g)].map((m) => m[1]) : [];
  if (slugs.length === 0) throw new Error('found no widget names in contract/src/embed.rs (fn slug)');
  return slugs;
}

/** [name, path, expected status] for every route of the app (README "Web app routes"). */
function pages() {
  const category = categories.find((c) => c.slug === 'thong-bao') ?? categories[0];
  return [
    ['home', '/', 200],
    ['article', `/tin-tuc/${mainArticle.slug}`, 200],
    ['category', `/chuyen-muc/${category.slug}`, 200],
    ['category, page 2', `/chuyen-muc/${category.slug}?trang=2`, 200],
    ['search, empty form', '/tim-kiem', 200],
    ['search', '/tim-kiem?q=quoc%20phong', 200],
    ['search, page 2 with documents', '/tim-kiem?q=thong%20bao&trang=2', 200],
    ['search without hits', '/tim-kiem?q=kh%C3%B4ng%20c%C3%B3&chuyen-muc=thong-bao&tu-ngay=2024-01-01', 200],
    ['documents', '/van-ban', 200],
    ['documents, filtered', '/van-ban?loai=quyet-dinh&trang=2', 200],
    ['document', '/van-ban/125-qd-ubnd-quy-che-lam-viec-ubnd-huyen', 200],
    ['document, replaced', '/van-ban/56-qd-ubnd-quy-che-lam-viec-2021', 200],
    ['schedule', '/lich-cong-tac', 200],
    ['schedule, another week', '/lich-cong-tac?tuan=2030-W10', 200],
    ['links', '/lien-ket', 200],
    ['map', '/ban-do', 200],
    ['widget gallery', '/nhung', 200],
    ['feedback', '/gui-y-kien', 200],
    ['feedback look-up', '/tra-cuu-phan-hoi?ma=PH-2026-000001', 200],
    ['questions', '/hoi-dap', 200],
    ['questions, filtered', '/hoi-dap?linh-vuc=dat-dai&q=dat', 200],
    ['question', '/hoi-dap/PH-2026-000001', 200],
    ['unknown question', '/hoi-dap/PH-2026-999999', 404],
    ['procedures', '/thu-tuc', 200],
    ['procedures, filtered', '/thu-tuc?linh-vuc=ho-tich&muc-do=cap-xa&q=khai%20sinh', 200],
    ['procedure', '/thu-tuc/dang-ky-khai-sinh', 200],
    ['unknown procedure', '/thu-tuc/khong-co-thu-tuc-nay', 404],
    ['introduction', '/gioi-thieu', 200],
    ['organisation', '/co-cau-to-chuc', 200],
    ['English home', '/en', 200],
    ['English article', '/en/news/hoanh-mo-border-gate-agencies-sign-joint-security-rules', 200],
    ['English search', '/en/search?q=border', 200],
    ['English introduction', '/en/about', 200],
    ['English organisation', '/en/organization', 200],
    ['English contacts', '/en/contact', 200],
    ['unknown English article', '/en/news/no-such-news', 404],
    ...widgetSlugs().map((slug) => [`embed: ${slug}`, `/embed/${slug}`, 200]),
    ['embed: unknown widget', '/embed/khong-co', 404],
    ['unknown article', '/tin-tuc/khong-co-bai-nay', 404],
    ['unknown category', '/chuyen-muc/khong-co', 404],
    ['unknown document', '/van-ban/khong-co-van-ban-nay', 404],
    ['404', '/khong-co-trang-nay', 404],
  ];
}

async function waitForServer(server, deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it answered`);
    try {
      const response = await fetch(`${base}/api/v1/site`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the server did not answer on ${base} within 30 s`);
}

async function main() {
  for (const [what, path] of [
    ['the built app (make web)', join(dist, 'index.html')],
    ['the reader app (make web)', join(dist, 'reader', 'index.html')],
    ['the release server (make server)', serverBin],
    ['vnu-jar (npm ci)', vnuJar],
  ]) {
    if (!existsSync(path)) throw new Error(`${what} is missing: ${path}`);
  }
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (java.error || java.status !== 0) throw new Error('java is missing (scripts/install-tools.sh --browser installs it)');

  const fixture = spawnSync(process.execPath, [join(root, 'tests', 'support', 'make-fixture.mjs'), dir], {
    stdio: 'inherit',
  });
  if (fixture.status !== 0) throw new Error('writing the fixture content failed');

  const server = spawn(
    serverBin,
    ['--db', join(dir, 'portal.db'), '--content', join(dir, 'content'), '--dist', dist, '--addr', `127.0.0.1:${port}`],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let serverLog = '';
  server.stderr.on('data', (chunk) => {
    serverLog += chunk;
  });
  // However this script ends, the server goes with it.
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
  };
  process.on('exit', stop);
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.on(signal, () => {
      stop();
      process.exit(128 + number);
    });
  }
  const stopped = new Promise((done) => {
    server.once('exit', done);
    server.once('error', (error) => {
      serverLog += `could not start: ${error.message}\n`;
      done();
    });
  });

  try {
    await waitForServer(server, Date.now() + 30_000);
    const pagesDir = join(dir, 'pages');
    mkdirSync(pagesDir, { recursive: true });
    const files = new Map();
    const problems = [];
    let n = 0;
    for (const [name, path, status] of pages()) {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      const html = await response.text();
      if (response.status !== status) problems.push(`${path} (${name}): status ${response.status}, expected ${status}`);
      if (!/^text\/html/.test(response.headers.get('content-type') ?? '')) {
        problems.push(`${path} (${name}): content-type ${response.headers.get('content-type')}`);
      }
      const file = join(pagesDir, `${String(++n).padStart(2, '0')}.html`);
      writeFileSync(file, html);
      files.set(file, `${path} (${name})`);
    }

    // --format json writes the messages to stderr; the exit code is 1 when there is an error.
    const vnu = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files.keys()], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (vnu.error) throw vnu.error;
    let messages;
    try {
      messages = JSON.parse(vnu.stderr || '{"messages": []}').messages;
    } catch {
      throw new Error(`the validator's output is not JSON (exit ${vnu.status}):\n${vnu.stderr}${vnu.stdout}`);
    }
    for (const message of messages) {
      const file = message.url ? decodeURIComponent(new URL(message.url).pathname) : '';
      const page = files.get(file) ?? file ?? '(the validator)';
      const where = message.lastLine ? `, line ${message.lastLine}` : '';
      const extract = message.extract ? `\n      ${message.extract.replace(/\s+/g, ' ').trim().slice(0, 200)}` : '';
      problems.push(`${page}${where}: ${message.type}: ${message.message}${extract}`);
    }
    if (vnu.status !== 0 && messages.length === 0) {
      problems.push(`the validator exited ${vnu.status}:\n${vnu.stderr}${vnu.stdout}`);
    }

    if (problems.length > 0) {
      fail(`${problems.length} problem(s) in the HTML the server sends:\n  ${problems.join('\n  ')}`);
    } else {
      console.log(`html-validation: ${files.size} pages valid (W3C Nu validator, errors only)`);
    }
  } catch (error) {
    if (serverLog) console.error(`server output:\n${serverLog}`);
    throw error;
  } finally {
    stop();
    await stopped;
  }
}

main().catch((error) => {
  fail(error.message ?? String(error));
});
