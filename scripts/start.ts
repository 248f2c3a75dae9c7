/**
 * `npm start`: opens Chromium (or `-- --browser firefox`) with the built extension loaded and
 * the welcome page's sample article, for trying Counterpoint without loading it by hand.
 * Builds first when there is no build. `--headless` opens, checks the sample renders and exits
 * (used by the e2e suite; also for machines without a display).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, executablePath, launchWithExtension, type BrowserName } from '../test/e2e/harness';

const BUILDS: Record<BrowserName, string> = {
  chromium: '.output/chrome-mv3/manifest.json',
  firefox: '.output/firefox-mv2/manifest.json',
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      browser: { type: 'string', default: 'chromium' },
      headless: { type: 'boolean', default: false },
    },
  });
  const name = values.browser === 'chrome' ? 'chromium' : values.browser;
  if (name !== 'chromium' && name !== 'firefox') {
    throw new Error(`--browser must be chromium or firefox, not "${values.browser}"`);
  }
  if (!existsSync(executablePath(name))) {
    throw new Error(
      `${name} not found at ${executablePath(name)}: install the Debian package ` +
        `"${name === 'chromium' ? 'chromium' : 'firefox-esr'}" or set ` +
        `${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}.`,
    );
  }
  const headless = values.headless;
  if (
    !headless &&
    process.platform === 'linux' &&
    !process.env.DISPLAY &&
    !process.env.WAYLAND_DISPLAY
  ) {
    throw new Error(
      'no display: run it on a desktop session, or add --headless to check the build',
    );
  }
  if (!existsSync(path.join(ROOT, BUILDS[name]))) {
    console.log('start: no build yet, building first');
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }

  const eb = await launchWithExtension(name, { headless });
  const page = await eb.openExtensionPage('welcome.html');
  await page.waitForSelector('[data-testid="sample"] .sample-mention', { timeout: 20_000 });
  console.log(`start: ${name} is open with Counterpoint loaded, on ${eb.base}welcome.html`);
  if (headless) {
    await eb.close();
    return;
  }
  console.log('start: close the browser window to end.');
  await new Promise<void>((resolve) => eb.browser.once('disconnected', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
