// The portal's service worker, served at /sw.js by server/src/service_worker.rs, which fills in
// VERSION (a hash of the reader app's files: every release installs a new worker and drops
// the old files) and SHELL (those files, and the page of saved articles).
//
// Readers in the mountains lose the signal often. What this keeps:
// - the reader app's files, so that the app starts offline;
// - the last SAVED_MAX articles the reader opened: their page, their data and their photos;
// - the site's settings and categories, so that the header draws offline.
// Never: anything of the staff area, what a reader sends (feedback, ratings, visits), counts.
'use strict';

const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const SAVED_PAGE = '/da-luu';
const SHELL_CACHE = `shell-${VERSION}`;
// Articles outlive releases: a saved page carries its article as HTML, readable without the
// app's files of its day.
const SAVED_CACHE = 'saved-articles';
const SAVED_INDEX = '/da-luu.json';
const SAVED_MAX = 20;
const ARTICLE_PAGE = /^\/tin-tuc\/([^/]+)$/;
const ARTICLE_DATA = /^\/api\/v1\/articles\/([^/]+)$/;
const FRAME_DATA = ['/api/v1/site', '/api/v1/categories'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key !== SHELL_CACHE && key !== SAVED_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (path.startsWith('/quan-tri') || path.startsWith('/api/v1/admin') || path.startsWith('/embed')) {
    return;
  }
  if (path === SAVED_INDEX) {
    event.respondWith(savedIndex().then((index) => json(index)));
  } else if (request.mode === 'navigate') {
    event.respondWith(navigation(request, path, event));
  } else if (ARTICLE_DATA.test(path) && !url.search) {
    event.respondWith(articleData(request, path, event));
  } else if (path.startsWith('/media/')) {
    event.respondWith(cacheFirst(request));
  } else if (SHELL.includes(path)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  } else if (FRAME_DATA.includes(path) && !url.search) {
    event.respondWith(networkFirst(request));
  }
});

/// A page: from the network, an article's kept as it comes; offline, the saved copy, else the
/// app (for an article whose data is saved), else the saved articles with a notice.
async function navigation(request, path, event) {
  try {
    const response = await fetch(request);
    const slug = path.match(ARTICLE_PAGE);
    if (slug && response.ok) {
      event.waitUntil(keep(path, response.clone()));
    } else if (slug && response.status === 404) {
      // Taken down: no longer readable here either.
      event.waitUntil(forget(slug[1]));
    }
    return response;
  } catch (offline) {
    const saved = await caches.open(SAVED_CACHE);
    const page = await saved.match(path);
    if (page) return page;
    const slug = path.match(ARTICLE_PAGE);
    if (slug && (await saved.match(`/api/v1/articles/${slug[1]}`))) {
      const app = await caches.match(SAVED_PAGE);
      if (app) return app;
    }
    if (path === SAVED_PAGE) {
      const app = await caches.match(SAVED_PAGE);
      if (app) return app;
    }
    return Response.redirect(`${SAVED_PAGE}?ngoai-tuyen=${encodeURIComponent(path)}`, 302);
  }
}

/// An article's data: from the network, kept with its photos and entered in the index.
async function articleData(request, path, event) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      event.waitUntil(keepArticle(path, response.clone()));
    } else if (response.status === 404) {
      event.waitUntil(forget(path.match(ARTICLE_DATA)[1]));
    }
    return response;
  } catch (offline) {
    const saved = await caches.open(SAVED_CACHE);
    return (await saved.match(path)) || Response.error();
  }
}

async function keep(path, response) {
  const saved = await caches.open(SAVED_CACHE);
  await saved.put(path, response);
}

async function keepArticle(path, response) {
  const article = await response.clone().json();
  const saved = await caches.open(SAVED_CACHE);
  await saved.put(path, response);
  const photos = photosOf(article);
  await Promise.all(
    photos.map((photo) =>
      fetch(photo)
        .then((answer) => (answer.ok ? saved.put(photo, answer) : null))
        .catch(() => null),
    ),
  );
  const index = (await savedIndex()).filter((entry) => entry.slug !== article.slug);
  index.unshift({
    slug: article.slug,
    title: article.title,
    path: `/tin-tuc/${article.slug}`,
    saved_at: new Date().toISOString(),
    photos,
  });
  for (const old of index.splice(SAVED_MAX)) {
    await drop(saved, old);
  }
  await saved.put(SAVED_INDEX, json(index));
}

/// Forgets an article the portal no longer has.
async function forget(slug) {
  const saved = await caches.open(SAVED_CACHE);
  const index = await savedIndex();
  const gone = index.filter((entry) => entry.slug === slug);
  if (gone.length === 0) return;
  for (const entry of gone) await drop(saved, entry);
  await saved.put(SAVED_INDEX, json(index.filter((entry) => entry.slug !== slug)));
}

async function drop(saved, entry) {
  await saved.delete(entry.path);
  await saved.delete(`/api/v1/articles/${entry.slug}`);
  await Promise.all((entry.photos || []).map((photo) => saved.delete(photo)));
}

/// The portal's own photos of an article: its lead image at every width, and the body's.
function photosOf(article) {
  const urls = new Set();
  const own = (url) => url && url.startsWith('/media/') && urls.add(url);
  if (article.image) {
    own(article.image.url);
    for (const candidate of (article.image.srcset || '').split(',')) {
      own(candidate.trim().split(/\s+/)[0]);
    }
  }
  for (const match of (article.body_html || '').matchAll(/<img[^>]*\ssrc="([^"]+)"/g)) {
    own(match[1]);
  }
  return [...urls];
}

async function savedIndex() {
  const saved = await caches.open(SAVED_CACHE);
  const index = await saved.match(SAVED_INDEX);
  return index ? index.json() : [];
}

async function cacheFirst(request) {
  const hit = await caches.match(request);
  return hit || fetch(request);
}

async function networkFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    return (await cache.match(request)) || Response.error();
  }
}

function json(value) {
  return new Response(JSON.stringify(value), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}
