// @ts-check
// Debian's Chromium driven by playwright-core, for the e2e tests, the benchmarks and the detect CLI:
// the one list of flags, and a launch with a fresh profile, with or without the built extension.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_DIST } from './paths.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// No sandbox or GPU in containers; no background traffic to disturb tests and timings.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {NonNullable<Parameters<import('playwright-core').BrowserType['launchPersistentContext']>[1]>} ContextOptions */

/**
 * @typedef {object} Launched
 * @property {BrowserContext} context
 * @property {string | null} extensionId  set when the extension was loaded
 * @property {import('playwright-core').Worker | null} serviceWorker
 * @property {() => Promise<void>} close  closes Chromium and removes a temporary profile
 */

export function assertChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH).',
    );
  }
}

/**
 * Launches Chromium headless (its new headless mode, which runs extensions).
 * @param {object} [options]
 * @param {boolean} [options.extension]  load the built extension and wait for its service worker
 * @param {string} [options.dist]  the build to load (default .output/chrome-mv3)
 * @param {string[]} [options.args]  flags besides CHROMIUM_ARGS
 * @param {Record<string, string>} [options.env]  added to the browser's environment
 * @param {string} [options.profile]  a profile directory to keep (default: a fresh temporary one)
 * @param {ContextOptions} [options.context]  more context options (viewport, bypassCSP, …)
 * @returns {Promise<Launched>}
 */
export async function launchChromium({ extension = false, dist = CHROME_DIST, args = [], env, profile, context: more } = {}) {
  assertChromium();
  if (extension && !existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`No built extension at ${dist}: run "npm run build" first.`);
  }
  const dir = profile ?? mkdtempSync(join(tmpdir(), 'gloss-profile-'));
  const flags = [...CHROMIUM_ARGS, ...args];
  if (extension) flags.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: flags,
    viewport: { width: 1280, height: 900 },
    ...(env && { env: { ...process.env, ...env } }),
    ...more,
  });
  const serviceWorker = extension
    ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 })))
    : null;
  return {
    context,
    serviceWorker,
    extensionId: serviceWorker ? new URL(serviceWorker.url()).host : null,
    async close() {
      await context.close();
      if (!profile) rmSync(dir, { recursive: true, force: true });
    },
  };
}
