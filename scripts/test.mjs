#!/usr/bin/env node
// The whole test suite, in order: format, lint, types, unit tests, build, web-ext lint, e2e in
// Chromium and Firefox. Every step runs even after a failure, so one run shows everything.
// Vitest tests count one each; every other step counts as one check. The last line is
// "N passed, N failed", also written to test-results/summary.txt for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const timings = [];

function step(name, cmd, args, { vitestReport } = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const seconds = (Date.now() - started) / 1000;
  timings.push(`${name} ${seconds.toFixed(1)} s`);
  if (vitestReport) {
    if (existsSync(vitestReport)) {
      const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      // A suite that crashed before running counts as a failure even with no failed test.
      if (r.status !== 0 && report.numFailedTests === 0) failed += 1;
    } else {
      failed += 1;
    }
  } else if (r.status === 0) {
    passed += 1;
  } else {
    failed += 1;
  }
  return r.status === 0;
}

const vitest = (project) => [
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=test-results/${project}.json`,
];

step('format', 'npx', ['prettier', '--check', '.']);
step('lint', 'npx', ['eslint', '.']);
step('types', 'npm', ['run', '--silent', 'typecheck']);
step('unit', 'npx', vitest('unit'), { vitestReport: 'test-results/unit.json' });
const built = step('build', 'npm', ['run', '--silent', 'build']);
if (built) {
  step('web-ext lint', 'node', ['scripts/web-ext-lint.mjs']);
  step('e2e', 'npx', vitest('e2e'), { vitestReport: 'test-results/e2e.json' });
} else {
  failed += 2;
  console.error('build failed: web-ext lint and e2e not run');
}

console.log(`\nTimings: ${timings.join(', ')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync('test-results/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(failed === 0 ? 0 : 1);
