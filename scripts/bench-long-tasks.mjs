// The main thread's long tasks as a slow phone would run them: `node bench-long-tasks.mjs BASE
// PATH...`. Each page is loaded LOADS times (7) in a new browser context (an empty cache) with
// the CPU slowed 4x, as Lighthouse's mobile setting does, until the app has taken over from
// the reading view and 2.5 s more. Prints JSON, for each path: the median blocking time (the
// part of each task after the first contentful paint over 50 ms, summed, as Lighthouse's
// Total Blocking Time) and that load's tasks in ms. The browser's own `longtask` entries:
// steadier from run to run than Lighthouse's model, which scales a fast load's tasks.
import { chromium } from '@playwright/test';

const [base, ...paths] = process.argv.slice(2);
const LOADS = Number(process.env.LOADS ?? 7);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function load(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) window.longTasks.push([task.startTime, task.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const devtools = await context.newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForFunction(() => !document.getElementById('server-page'), null, { timeout: 30000 });
  await page.waitForTimeout(2500);
  const figures = await page.evaluate(() => {
    const painted = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    const tasks = window.longTasks.filter(([start]) => start >= painted).map(([, duration]) => duration);
    return {
      blocking: Math.round(tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0)),
      tasks: tasks.map(Math.round),
    };
  });
  await context.close();
  return figures;
}

const results = {};
for (const path of paths) {
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await load(path));
  loads.sort((a, b) => a.blocking - b.blocking);
  results[path] = loads[Math.floor(loads.length / 2)];
}
await browser.close();
console.log(JSON.stringify(results));
