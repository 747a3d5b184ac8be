// Makes sure the end-to-end tests have a Chromium to drive, without downloading one:
// CHROMIUM_PATH, else Debian's /usr/bin/chromium (installed with apt when missing and running as
// root), else Playwright's own browser when it is already installed.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const require = createRequire(import.meta.url);

function playwrightBrowser() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const override = process.env.CHROMIUM_PATH;
if (override) {
  if (!existsSync(override)) fail(`CHROMIUM_PATH points at ${override}, which does not exist.`);
  console.log(`browser: ${override} (CHROMIUM_PATH)`);
} else if (existsSync(DEBIAN_CHROMIUM)) {
  console.log(`browser: ${DEBIAN_CHROMIUM}`);
} else if (playwrightBrowser()) {
  console.log(`browser: ${playwrightBrowser()} (Playwright's own)`);
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('browser: installing Debian chromium with apt-get …');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  if (!existsSync(DEBIAN_CHROMIUM)) fail('apt-get finished but /usr/bin/chromium is missing.');
  console.log(`browser: ${DEBIAN_CHROMIUM} (installed)`);
} else {
  fail(
    "No Chromium found for the end-to-end tests. Set CHROMIUM_PATH, install Debian's chromium " +
      "(apt-get install chromium), or install Playwright's browser (npx playwright install chromium).",
  );
}
