#!/usr/bin/env node
// Builds and zips Counterpoint for Chrome (MV3) and Firefox (MV2), then says where the builds are.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const run = (args) => {
  const r = spawnSync('npx', ['wxt', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['zip']);
run(['zip', '-b', 'firefox']);

const out = path.resolve('.output');
const kb = (file) => `${(statSync(file).size / 1024).toFixed(1)} KB`;
const zips = readdirSync(out).filter((f) => f.endsWith('.zip'));
console.log(`
Counterpoint is built.

  Chrome (MV3):  ${path.join(out, 'chrome-mv3')}
  Firefox (MV2): ${path.join(out, 'firefox-mv2')}
  Store zips:    ${zips.map((z) => `${z} (${kb(path.join(out, z))})`).join(', ')}

Load it:
  Chrome:  chrome://extensions -> turn on "Developer mode" -> "Load unpacked" -> choose .output/chrome-mv3
  Firefox: about:debugging#/runtime/this-firefox -> "Load Temporary Add-on…" -> choose .output/firefox-mv2/manifest.json
`);
