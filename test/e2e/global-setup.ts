import { existsSync } from 'node:fs';
import { CHROMIUM } from './harness';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `\nEnd-to-end tests need Chromium at ${CHROMIUM}.\n` +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '(or point CHROMIUM_PATH at a Chromium binary).\n',
    );
    process.exit(1);
  }
}
