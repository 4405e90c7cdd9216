import { existsSync } from 'node:fs';
import { CHROMIUM, FIREFOX } from './harness';

export default function setup(): void {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (package chromium, or set CHROMIUM_PATH)`);
  if (!existsSync(FIREFOX)) missing.push(`Firefox at ${FIREFOX} (package firefox-esr, or set FIREFOX_PATH)`);
  if (missing.length) {
    console.error(
      `\nEnd-to-end tests need real browsers. Missing: ${missing.join('; ')}.\n` +
        'Install them with:  sudo apt-get update && sudo apt-get install -y chromium firefox-esr\n',
    );
    process.exit(1);
  }
}
