#!/usr/bin/env node
// `npm run dev`: serves the demo article on 127.0.0.1 and runs `wxt` (dev mode,
// live reload), which opens Chromium with Gloss loaded on the demo page.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { assertChromium } from './harness/chromium.mjs';
import { ROOT } from './harness/paths.mjs';
import { fileRoute, startServer } from './harness/server.mjs';

const headless = process.env.GLOSS_HEADLESS === '1';

try {
  assertChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display found, so Chromium cannot open a window here. Either:\n' +
      '  xvfb-run -a npm run dev          (a virtual display; Debian: apt-get install -y xvfb xauth)\n' +
      '  GLOSS_HEADLESS=1 npm run dev     (headless Chromium; use chrome://inspect or the e2e tests to look)\n' +
      'or build with "npm run build" and load .output/chrome-mv3 by hand (see README).',
  );
  process.exit(1);
}

const server = await startServer(fileRoute({ '/': join(ROOT, 'demo') }), { port: Number(process.env.GLOSS_DEMO_PORT ?? 5178) });
const url = `${server.origin}/`;
console.log(`Demo article: ${url}`);
const wxt = spawn('npx', ['wxt'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, GLOSS_DEV_START_URL: url },
});
const stop = () => {
  wxt.kill('SIGINT');
  server.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
wxt.on('exit', (code) => {
  server.close();
  process.exit(code ?? 0);
});
