import { test as base } from '@playwright/test';

// Every browser test runs with the network closed beyond loopback: a request to anywhere else
// (a map tile, a linked website) fails as it would offline, and nothing leaves the machine.
// Tests that need an outside answer fulfil it themselves with their own `route`, which
// Playwright consults before this one.
//
// An article's page arrives with the article as plain HTML (the reading view, for readers
// whose app has not loaded yet); the app replaces it when it starts. `page.goto` waits for
// that, so a test checks the app, never the two halfway; tests of the reading view itself
// turn JavaScript off or use `request`.
export const test = base.extend<{ loopbackOnly: void }>({
  loopbackOnly: [
    async ({ context }, use) => {
      await context.route(
        (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
        (route) => route.abort('internetdisconnected'),
      );
      await use();
    },
    { auto: true },
  ],
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled) {
      const goto = page.goto.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        // The app's start script removes the reading view; a page a test sends without that
        // script keeps it.
        await page.waitForFunction(
          () => !document.getElementById('server-page') || !document.querySelector('script[type="module"]'),
        );
        return response;
      };
    }
    await use(page);
  },
});

export { expect, type Page, type Route } from '@playwright/test';
