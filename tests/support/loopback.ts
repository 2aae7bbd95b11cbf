import { test as base } from '@playwright/test';

// Every browser test runs with the network closed beyond loopback: a request to anywhere else
// (a map tile, a linked website) fails as it would offline, and nothing leaves the machine.
// Tests that need an outside answer fulfil it themselves with their own `route`, which
// Playwright consults before this one.
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
});

export { expect, type Page, type Route } from '@playwright/test';
