import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, browsersToTest } from './harness';

// `npm start` as a person would run it (headless here: CI has no display). The script waits for
// the welcome page's sample to render from the loaded extension, so a broken build fails it.
describe.each(browsersToTest())('npm start in $name', ({ name, skip }) => {
  it.skipIf(skip)('opens the browser with the extension and the welcome sample', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/start.ts', '--headless', '--browser', name], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/start: /);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`start: ${name} is open with Counterpoint loaded, on \\S+welcome\\.html`),
    );
  });
});

it('npm start refuses an unknown browser with a clear message', () => {
  const r = spawnSync('npx', ['tsx', 'scripts/start.ts', '--headless', '--browser', 'netscape'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('--browser must be chromium or firefox, not "netscape"');
});
