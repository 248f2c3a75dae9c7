import { mkdtemp, readFile, writeFile, mkdir, cp, readdir } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addArticle, validateDataset } from '../../../src/dataset';
import type { Dataset } from '../../../src/dataset/types';
import { buildFromDisk, readReference, serialise } from '../../../scripts/lib/dataset-files';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const run = promisify(execFile);

const built = buildFromDisk(
  path.join(ROOT, 'assets/articles'),
  path.join(ROOT, 'assets/reference'),
);

/**
 * The seed dataset as a reviewer reads it: one line per statement (id, speaker, kind, coverage
 * group or "only in" claim, the start of its text). A change to attribution or grouping shows as
 * a few changed lines; the full dataset's 1,500 lines of JSON hid them, and its exact fields are
 * checked by the schema tests and the assertions above.
 */
function seedProjection(dataset: Dataset): string {
  const group = new Map<string, string>();
  for (const c of dataset.coverage) for (const s of c.statements) group.set(s, c.id);
  for (const e of dataset.exclusives)
    for (const s of e.statements) group.set(s, `only ${e.outlet}`);
  const lines = dataset.statements.map((s) =>
    [
      s.id,
      s.speaker ?? '(unknown)',
      s.kind,
      group.get(s.id) ?? '-',
      s.text.length > 48 ? `${s.text.slice(0, 48)}…` : s.text,
    ].join('\t'),
  );
  return `${['id', 'speaker', 'kind', 'group', 'text'].join('\t')}\n${lines.join('\n')}\n`;
}

const RT = 'rt-2018-05-24-putin-summit';
const CNN = 'cnn-2018-05-24-putin-kim';

describe('seed articles', () => {
  it('are the seeds byte for byte', async () => {
    const pairs = [
      ['000_0da0213da956be53.txt', `${RT}.txt`],
      ['001_75424106d544def8.txt', `${CNN}.txt`],
    ];
    for (const [seed, ours] of pairs) {
      const a = await readFile(path.join(SEEDS, seed!));
      const b = await readFile(path.join(ROOT, 'assets/articles', ours!));
      expect(b.equals(a)).toBe(true);
    }
  });
});

describe('the seed dataset', () => {
  it('is valid against the documented schema', async () => {
    const { dataset } = await built;
    expect(validateDataset(JSON.parse(serialise(dataset)))).toBeTruthy();
  });

  it('has every quotation with its right speaker', async () => {
    const { dataset } = await built;
    const quotes = dataset.statements
      .filter((s) => s.kind === 'quote')
      .map((s) => [s.article === RT ? 'RT' : 'CNN', s.speaker, s.text.slice(0, 20)]);
    const expected: [string, string, string][] = [
      ['RT', 'vladimir-putin', 'doing everything he promised'],
      ['RT', 'vladimir-putin', 'Here, in Russia, we took this n'],
      ['RT', 'vladimir-putin', 'has done everything he previou'],
      ['RT', 'vladimir-putin', 'We hope that dialogue will be '],
      ['RT', 'vladimir-putin', 'will be jointly working to bri'],
      ['RT', 'donald-trump', 'based on the tremendous anger '],
      ['RT', 'kim-jong-un', 'nuclear-to-nuclear showdown'],
      ['RT', 'konstantin-kosachev', 'diplomatic game'],
      ['RT', 'konstantin-kosachev', 'made sense for Washington only'],
      ['RT', 'konstantin-kosachev', 'basically, pinned Washington d'],
      ['RT', 'konstantin-kosachev', 'the ball was thrown to Washing'],
      ['RT', 'konstantin-kosachev', 'It turns out that he didn’t wa'],
      ['RT', 'vladimir-dzhabarov', 'because the Americans aren’t i'],
      ['RT', 'vladimir-dzhabarov', 'They sell their weapons to bot'],
      ['RT', 'franz-klintsevich', 'once again demonstrated that t'],
      ['RT', 'franz-klintsevich', 'most likely, the US hasn’t yet'],
      ['RT', 'franz-klintsevich', 'nobody knows if there’ll be ne'],
      ['RT', 'leonid-slutsky', 'Washington isn’t interested in'],
      ['RT', 'leonid-slutsky', 'The US is only concerned with '],
      ['RT', 'leonid-slutsky', 'jeopardizes security not only '],
      ['CNN', 'vladimir-putin', 'did everything he promised to '],
      ['CNN', 'vladimir-putin', 'regret,'],
      ['CNN', 'vladimir-putin', 'Kim Jong Un on his part did eve'],
      ['CNN', 'vladimir-putin', 'counted'],
      ['CNN', 'vladimir-putin', 'the beginning to the whole pro'],
      ['CNN', 'emmanuel-macron', 'just a hitch'],
      ['CNN', 'vladimir-putin', 'We hope very much that dialogu'],
    ];
    expect(quotes).toEqual(expected.map(([o, s, t]) => [o, s, t.slice(0, 20)]));
  });

  it('keeps quotation text exactly as between the marks, insertions included', async () => {
    const { dataset } = await built;
    const rt = dataset.statements.find((s) => s.text.startsWith('has done everything'))!;
    expect(rt.text).toContain('[Punggye-ri nuclear]');
    expect(rt.text.endsWith('by the US,')).toBe(true);
  });

  it('keeps the channel', async () => {
    const { dataset } = await built;
    const channel = (start: string) =>
      dataset.statements.find((s) => s.text.startsWith(start))?.channel;
    expect(channel('They sell their weapons')).toBe('told Interfax');
    expect(channel('made sense for Washington')).toBe('wrote on Facebook');
    expect(channel('once again demonstrated')).toBe('as cited by Interfax');
    expect(channel('jeopardizes security')).toBe('as cited by RIA-Novosti');
  });

  it('links the Putin statements both outlets carried', async () => {
    const { dataset } = await built;
    const text = new Map(dataset.statements.map((s) => [s.id, s.text]));
    const linked = (a: string, b: string) =>
      dataset.coverage.some(
        (c) =>
          c.statements.some((s) => text.get(s)!.startsWith(a)) &&
          c.statements.some((s) => text.get(s)!.startsWith(b)),
      );
    expect(
      linked(
        'has done everything he previously promised',
        'Kim Jong Un on his part did everything',
      ),
    ).toBe(true);
    expect(linked('doing everything he promised', 'did everything he promised to do')).toBe(true);
    expect(linked('Here, in Russia', 'the beginning to the whole process')).toBe(true);
    expect(linked('Here, in Russia', 'regret,')).toBe(true);
    // Two translations that share few terms but open with the same words in order.
    expect(linked('We hope that dialogue will be resumed', 'We hope very much that dialogue')).toBe(
      true,
    );
    // A paraphrase that names Kim its own way ("North Korean leader Kim Jong Un") still reports it.
    expect(
      linked(
        'has done everything he previously promised',
        'North Korean leader Kim Jong Un had done',
      ),
    ).toBe(true);
    // Paraphrases that share no wording are not linked, nor claimed exclusive.
    const claimed = new Set(dataset.exclusives.flatMap((e) => e.statements));
    for (const start of [
      'We hope',
      'will be jointly working',
      'Russia and its partners',
      'regret,',
      'counted',
    ])
      expect(
        dataset.statements.filter((s) => s.text.startsWith(start)).some((s) => claimed.has(s.id)),
        start,
      ).toBe(false);
    // Nothing links statements of different speakers.
    const speakers = dataset.coverage.map(
      (c) =>
        new Set(c.statements.map((s) => dataset.statements.find((x) => x.id === s)!.speaker)).size,
    );
    expect(speakers.every((n) => n === 1)).toBe(true);
  });

  it('knows the published times, Moscow time included', async () => {
    const { dataset } = await built;
    const rt = dataset.articles.find((a) => a.id === RT)!;
    expect(new Date(rt.published!).toISOString()).toBe('2018-05-24T18:20:00.000Z');
    expect(dataset.articles.find((a) => a.id === CNN)!.published).toBe('2018-05-24');
  });

  it('cleans the scraped text', async () => {
    const { dataset } = await built;
    const rt = dataset.articles.find((a) => a.id === RT)!;
    const cnn = dataset.articles.find((a) => a.id === CNN)!;
    expect(rt.paragraphs.join('\n')).not.toMatch(/bookmarkicon|READ MORE|^24 May/m);
    expect(rt.paragraphs.filter((p) => p.startsWith('Trump cancels nuclear summit'))).toHaveLength(
      1,
    );
    expect(cnn.paragraphs).not.toContain('Vladimir Putin');
  });

  it('matches the snapshot of who said what, and which statements go together', async () => {
    const { dataset } = await built;
    await expect(seedProjection(dataset)).toMatchFileSnapshot('./__snapshots__/seed-dataset.txt');
  });
});

describe('adding one article', () => {
  it('links the new statements to the ones already in the dataset', async () => {
    const { dataset } = await built;
    const added = addArticle(dataset, {
      file: 'bbc-test.txt',
      text: 'Putin praises Kim\n\n“Kim Jong-un has done everything he promised, he even blew up the tunnels,” Russian President Vladimir Putin said on Thursday.',
      meta: { outlet: 'bbc', published: '2018-05-25' },
    });
    expect(added.statements).toHaveLength(1);
    expect(added.statements[0]!.speaker).toBe('vladimir-putin');
    expect(added.coverage).toHaveLength(1);
    expect(added.coverage[0]!.statements).toContain(added.statements[0]!.id);
  });
});

describe('malformed input', () => {
  async function tempArticles(meta: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cp-articles-'));
    await cp(path.join(ROOT, 'assets/articles'), dir, { recursive: true });
    await writeFile(path.join(dir, `${CNN}.meta.json`), meta);
    return dir;
  }

  it('names the file and line of invalid JSON, exits non-zero and writes nothing', async () => {
    const dir = await tempArticles('{\n  "outlet": "cnn",\n  "published": 2018-05-24\n}\n');
    const out = path.join(dir, 'out', 'dataset.json');
    const error = await run('npx', ['tsx', 'scripts/dataset.ts', '--articles', dir, '--out', out], {
      cwd: ROOT,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((error as { code: number }).code).toBe(1);
    expect((error as { stderr: string }).stderr).toMatch(
      new RegExp(`${CNN}\\.meta\\.json:3: invalid JSON`),
    );
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  }, 30_000);

  it('names the field of a wrong type, and the old output stays', async () => {
    const dir = await tempArticles('{\n  "outlet": "cnn",\n  "url": 42\n}\n');
    const out = path.join(dir, 'out', 'dataset.json');
    await mkdir(path.dirname(out));
    await writeFile(out, 'previous');
    const error = await run('npx', ['tsx', 'scripts/dataset.ts', '--articles', dir, '--out', out], {
      cwd: ROOT,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((error as { stderr: string }).stderr).toMatch(
      new RegExp(`${CNN}\\.meta\\.json:3: "url"`),
    );
    expect(await readFile(out, 'utf8')).toBe('previous');
  }, 30_000);

  it('describes a new outlet in the sidecar, shared by two articles', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cp-articles-'));
    const outlet = { id: 'stv', name: 'STV', country: 'GB', ownership: 'Scottish commercial TV' };
    for (const name of ['a', 'b']) {
      await writeFile(path.join(dir, `${name}.txt`), 'Title\n\n“We will see,” Putin said.\n');
      await writeFile(path.join(dir, `${name}.meta.json`), JSON.stringify({ outlet }));
    }
    const { dataset, warnings } = await buildFromDisk(dir, path.join(ROOT, 'assets/reference'));
    expect(warnings).toEqual([]);
    expect(dataset.articles.map((a) => a.outlet)).toEqual(['stv', 'stv']);
    expect(dataset.outlets).toEqual([{ ...outlet, homepage: null }]);
  });

  it('refuses a described outlet that contradicts a known one, naming file and line', async () => {
    const dir = await tempArticles(
      '{\n  "published": "2018-05-24",\n  "outlet": { "id": "rt", "name": "RT", "country": "US", "ownership": null }\n}\n',
    );
    const out = path.join(dir, 'out', 'dataset.json');
    const error = await run('npx', ['tsx', 'scripts/dataset.ts', '--articles', dir, '--out', out], {
      cwd: ROOT,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((error as { code: number }).code).toBe(1);
    expect((error as { stderr: string }).stderr).toMatch(
      new RegExp(`${CNN}\\.meta\\.json:3: outlet "rt" is already known with country "RU"`),
    );
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  }, 30_000);

  it('goes through without metadata, with outlet "unknown" and a warning', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cp-articles-'));
    await writeFile(path.join(dir, 'x.txt'), 'Title\n\n“We will see,” Putin said.\n');
    const { dataset, warnings } = await buildFromDisk(dir, path.join(ROOT, 'assets/reference'));
    expect(dataset.articles[0]!.outlet).toBe('unknown');
    expect(warnings).toEqual([{ file: 'x.txt', message: 'no metadata: outlet "unknown"' }]);
  });
});

describe('reference data', () => {
  it('is valid and consistent', async () => {
    const ref = await readReference(path.join(ROOT, 'assets/reference'));
    expect(ref.people.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'vladimir-putin',
        'kim-jong-un',
        'konstantin-kosachev',
        'leonid-slutsky',
      ]),
    );
    expect(ref.outlets.find((o) => o.id === 'rt')).toMatchObject({
      country: 'RU',
      ownership: expect.stringMatching(/state-funded/),
    });
    expect(ref.events[0]).toMatchObject({ id: 'singapore-summit-2018', date: '2018-06-12' });
  });
});
