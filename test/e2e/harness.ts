/**
 * The e2e tests' view of the shared harness (scripts/harness/): Debian's Chromium with or without the
 * built extension, Firefox ESR with the Firefox build, and a small HTTP server on 127.0.0.1 for pages.
 */
import { join } from 'node:path';
import { fileRoute } from '../../scripts/harness/server.mjs';
import { SHARED } from '../../scripts/harness/paths.mjs';

export { CHROMIUM, launchChromium, type Launched } from '../../scripts/harness/chromium.mjs';
export { FIREFOX, launchFirefox, openFirefoxExtensionPage } from '../../scripts/harness/firefox.mjs';
export { FIREFOX_DIST, ROOT, SHARED } from '../../scripts/harness/paths.mjs';
export { startPageServer, startServer, type Served, type StaticServer } from '../../scripts/harness/server.mjs';

/** Serves ../shared/fixtures/news-zh/<file> at /fixtures/news-zh/<file>. */
export const sharedFixtureRoute = fileRoute({ '/fixtures/news-zh/': join(SHARED, 'fixtures/news-zh') });
