// @ts-check
// Firefox ESR driven over WebDriver BiDi by puppeteer-core, with the Firefox build installed as a temporary add-on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { FIREFOX_DIST } from './paths.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// The gecko id of wxt.config.ts, and a fixed internal UUID for it: the moz-extension:// origin is known in advance.
const GECKO_ID = 'gloss@gloss.example';
const UUID = '3f9a4c52-2b1e-4d8a-9c0f-6a7b8c9d0e1f';
const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${UUID}`;

/**
 * Launches Firefox headless with the given build installed.
 * @param {{ dist?: string }} [options]
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchFirefox({ dist = FIREFOX_DIST } = {}) {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}. Install it: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No Firefox build at ${dist}: run "npm run build:firefox" first.`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Without it BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  await browser.installExtension(dist);
  return browser;
}

/**
 * Opens an extension page (e.g. 'popup.html'): page.goto() never sees a moz-extension:// page load,
 * the BiDi navigate command does (an internal API of puppeteer).
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} path
 */
export async function openFirefoxExtensionPage(browser, path) {
  const page = await browser.newPage();
  const frame = /** @type {{ browsingContext: { navigate(url: string, wait: string): Promise<unknown> } }} */ (
    /** @type {unknown} */ (page.mainFrame())
  );
  await frame.browsingContext.navigate(`${FIREFOX_EXTENSION_ORIGIN}/${path}`, 'complete');
  return page;
}
