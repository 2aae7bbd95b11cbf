import { defineConfig } from '@playwright/test';
import { addStaffAccounts } from './tests/support/staff-accounts';

// The browser tests run the release server on a throwaway database seeded with the fixture
// content that tests/support/make-fixture.mjs writes, in Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 18080);
// A second server with its own database, for tests that count visits exactly and so must not
// share a counter with tests running in parallel.
export const ISOLATED_PORT = PORT + 1;
// A third server whose database also holds one article per XSS vector (tests/fixtures/xss-vectors.json).
export const XSS_PORT = PORT + 2;
// A fourth server for the staff area's tests (tests/e2e/staff.spec.ts): they publish articles
// and edit next week's schedule, which tests on the main server read as the fixture has them.
export const STAFF_PORT = PORT + 3;
// The built app the servers send (`make web`); E2E_DIST points them at a copy, so a rebuild
// during a run cannot pull the files from under the pages.
const DIST = process.env.E2E_DIST ?? 'dist';

// The isolated server draws its base map from this (made-up) tile server, which the map test
// answers itself: no request leaves the machine.
export const TEST_TILES = 'https://tiles.example.test/{z}/{x}/{y}.png';

function server(dir: string, port: number, { fixtureFlags = '', feedbackLimit = 100000, tiles = '', staff = false } = {}) {
  return {
    command:
      `node tests/support/make-fixture.mjs ${dir}${fixtureFlags ? ` ${fixtureFlags}` : ''} && ` +
      // The staff accounts (tests/support/staff-accounts.ts): an editor, an approver, an admin.
      (staff ? addStaffAccounts(dir) : '') +
      `target/release/portal-server --db ${dir}/portal.db --content ${dir}/content --dist ${DIST} --addr 127.0.0.1:${port} ` +
      // Every test is a new browser session from the same address: more visits than a person
      // makes, and more feedback than one person sends.
      `--visits-per-minute 100000 --feedback-per-10-minutes ${feedbackLimit}` +
      (tiles ? ` --map-tile-url '${tiles}' --map-attribution 'Bản đồ nền thử nghiệm' --map-attribution-url ''` : ''),
    url: `http://127.0.0.1:${port}/api/v1/site`,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // The portal's service worker answers some requests from its caches, out of page.route's
    // reach: the tests that fake failures need it away. The offline tests allow it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without the networking flags Chromium tries to reach the internet, which is closed here.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    server(`target/e2e/${PORT}/main`, PORT),
    // The default feedback limit, which a test runs into on purpose.
    server(`target/e2e/${PORT}/isolated`, ISOLATED_PORT, { feedbackLimit: 5, tiles: TEST_TILES }),
    server(`target/e2e/${PORT}/xss`, XSS_PORT, { fixtureFlags: '--xss' }),
    server(`target/e2e/${PORT}/staff`, STAFF_PORT, { staff: true }),
  ],
});
