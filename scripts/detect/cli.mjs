// npm run detect -- <file.html | URL> ... [--pretty]
// Runs lib/article in headless Chromium on each page; prints one JSON object per page per line.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startPageServer } from '../harness/server.mjs';
import { launchBrowser, sniffCharset } from './runtime.mjs';

const args = process.argv.slice(2);
const pretty = args.includes('--pretty');
const inputs = args.filter((arg) => arg !== '--pretty');
if (!inputs.length) {
  console.error('usage: npm run detect -- <file.html | file.html.gz | http(s)://URL> ... [--pretty]');
  process.exit(2);
}

const server = await startPageServer();
const remote = inputs.some((input) => /^https?:\/\//.test(input));
const browser = await launchBrowser({ allowNetwork: remote });
let failures = 0;
try {
  for (const [index, input] of inputs.entries()) {
    let url = input;
    if (!/^https?:\/\//.test(input)) {
      const file = resolve(input);
      if (!existsSync(file)) {
        console.error(`detect: no such file: ${input}`);
        failures++;
        continue;
      }
      let bytes = readFileSync(file);
      if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
      url = server.add(`/${index}/${encodeURIComponent(basename(file).replace(/\.gz$/, ''))}`, bytes, `text/html; charset=${sniffCharset(bytes)}`);
    }
    try {
      await browser.open(url);
      const json = await browser.detect(input, null);
      const { input: name, pageKind, articles, ms } = json;
      const out = { input: name, pageKind, articles, ms };
      console.log(pretty ? JSON.stringify(out, null, 2) : JSON.stringify(out));
    } catch (error) {
      failures++;
      console.error(`detect: ${input}: ${error instanceof Error ? error.message : error}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failures ? 1 : 0);
