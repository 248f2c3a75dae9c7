/**
 * npm run scan -- [--json] [--dataset FILE] FILE.html...
 * Runs the matcher a page's scan uses (in the background) over saved pages, reading the text
 * the content script reads (visible, non-editable, block by block). Offsets are into that text: the blocks in
 * document order joined with "\n".
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { compileMatcher, matcherSpecFromDataset, resolveAmbiguous } from '../src/matching';
import { collectBlocks } from '../src/page/text-blocks';
import type { Dataset } from '../src/dataset/types';
import { buildFromDisk } from './lib/dataset-files';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    dataset: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || positionals.length === 0) {
  console.log(
    'usage: npm run scan -- [--json] [--dataset FILE] FILE.html...\n' +
      'Prints the mentions the extension would highlight. Offsets are into the page text as the\n' +
      'content script reads it: visible, non-editable blocks in document order, joined by "\\n".',
  );
  process.exit(values.help ? 0 : 1);
}

const dataset: Dataset = values.dataset
  ? (JSON.parse(await readFile(values.dataset, 'utf8')) as Dataset)
  : (await buildFromDisk('assets/articles', 'assets/reference')).dataset;
const matcher = compileMatcher(matcherSpecFromDataset(dataset));

const results = [];
for (const file of positionals) {
  const { document } = parseHTML(await readFile(file, 'utf8'));
  const blocks = collectBlocks((document.body ?? document.documentElement) as unknown as Node);
  let offset = 0;
  const found = [];
  for (const block of blocks) {
    for (const m of matcher.match(block.text)) {
      found.push({
        ...m,
        start: m.start + offset,
        end: m.end + offset,
        text: block.text.slice(m.start, m.end),
      });
    }
    offset += block.text.length + 1;
  }
  results.push({
    file,
    mentions: resolveAmbiguous(found).map((m) => ({
      entity: m.entity,
      name: matcher.entity(m.entity)?.name ?? m.entity,
      text: m.text,
      start: m.start,
      end: m.end,
    })),
  });
}

if (values.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(`${r.file}: ${r.mentions.length} mentions`);
    for (const m of r.mentions)
      console.log(`  ${String(m.start).padStart(7)}  ${m.name.padEnd(22)} ${m.text}`);
  }
}
