import { describe, expect, it } from 'vitest';
import { addArticle, validateDataset } from '../../../src/dataset';
import { datasetFromEntries } from '../../../src/library/convert';
import { ImportError, parseLibraryFile } from '../../../src/library/import-file';
import {
  entryFromReview,
  inputForPage,
  libraryIdFor,
  outletForPage,
} from '../../../src/library/review';
import { fixtureDataset } from '../cards/fixture';

const PAGE = {
  url: 'https://wire.example/world/2018/05/25/putin-summit?utm=x',
  title: 'Putin regrets cancelled summit',
  text: [
    'Putin regrets cancelled summit',
    'Russian President Vladimir Putin said on Friday that Moscow regretted the decision.',
    '“We hope that the dialogue will be resumed and that this meeting will take place,” Putin told reporters.',
    'Senator Konstantin Kosachev wrote that “the summit was always hostage to Washington politics.”',
  ].join('\n'),
  siteName: 'Example Wire',
  published: '2018-05-25T09:30:00Z',
};

function draft() {
  const dataset = fixtureDataset();
  const { outlet, isNew } = outletForPage(dataset.outlets, PAGE.url, PAGE.siteName);
  const withOutlet = { ...dataset, outlets: [...dataset.outlets, outlet] };
  return {
    dataset: withOutlet,
    outlet,
    isNew,
    addition: addArticle(withOutlet, inputForPage(PAGE, outlet.id)),
  };
}

describe('adding a page to the library', () => {
  it('names it by its address and guesses a new outlet from the site', () => {
    expect(libraryIdFor(PAGE.url)).toBe('lib-wire-example-world-2018-05-25-putin-summit');
    const { outlet, isNew } = draft();
    expect(isNew).toBe(true);
    expect(outlet).toMatchObject({ id: 'wire-example', name: 'Example Wire' });
  });

  it('recognises a known outlet by its homepage', () => {
    const outlets = fixtureDataset().outlets.map((o, i) =>
      i === 0 ? { ...o, homepage: 'https://www.rt.com/' } : o,
    );
    expect(outletForPage(outlets, 'https://rt.com/news/1', 'RT International')).toEqual({
      outlet: outlets[0],
      isNew: false,
    });
  });

  it('applies the reader’s review: dropped statements, corrected speakers, outlet and date', () => {
    const { addition, outlet } = draft();
    expect(addition.statements.length).toBeGreaterThanOrEqual(2);
    const [first, second] = addition.statements;
    const entry = entryFromReview(
      addition,
      {
        dropped: new Set([second!.id]),
        speakers: { [first!.id]: null },
        outlet: { ...outlet, name: 'The Example Wire' },
        newOutlet: true,
        title: '  ',
        published: '2018-05-26',
      },
      1234,
    );
    expect(entry.statements.map((s) => s.id)).not.toContain(second!.id);
    expect(entry.statements.find((s) => s.id === first!.id)?.speaker).toBeNull();
    expect(entry.article).toMatchObject({
      outlet: outlet.id,
      title: addition.article.title,
      published: '2018-05-26',
    });
    expect(entry.outlets).toEqual([{ ...outlet, name: 'The Example Wire' }]);
    const kept = new Set(entry.statements.map((s) => s.id));
    for (const c of entry.coverage) {
      expect(c.statements.filter((id) => id.startsWith(entry.id)).every((id) => kept.has(id))).toBe(
        true,
      );
    }
  });

  it('exports a file that validates on its own, bundled speakers included', () => {
    const { addition, outlet, dataset } = draft();
    const entry = entryFromReview(
      addition,
      { dropped: new Set(), speakers: {}, outlet, newOutlet: true, title: '', published: null },
      1,
    );
    expect(entry.statements.some((s) => s.speaker === 'vladimir-putin')).toBe(true);
    expect(() => validateDataset(datasetFromEntries([entry]))).toThrow(/unknown speaker/);
    const file = datasetFromEntries([entry], dataset);
    expect(validateDataset(JSON.parse(JSON.stringify(file))).articles).toHaveLength(1);
  });
});

describe('parseLibraryFile', () => {
  const good = JSON.stringify(datasetFromEntries([], fixtureDataset()));

  it('accepts an exported library', () => {
    expect(parseLibraryFile('lib.json', good).articles).toEqual([]);
  });

  it('names the file and the line of a JSON error', () => {
    const broken = good.replace('"articles"', '\n\n"articles"').slice(0, 30) + '\n}';
    expect(() => parseLibraryFile('broken.json', broken)).toThrow(ImportError);
    expect(() => parseLibraryFile('broken.json', broken)).toThrow(/^broken\.json: not a JSON file/);
    expect(() => parseLibraryFile('broken.json', '{\n"a": 1,\n}')).toThrow(/line 3/);
  });

  it('takes outlets described in the file, and refuses one that contradicts a known outlet', () => {
    const ds = fixtureDataset();
    const file = {
      ...ds,
      outlets: [
        { id: 'stv', name: 'STV', country: 'GB', ownership: null, homepage: null },
        { ...ds.outlets[0]!, country: 'US' },
      ],
      articles: [],
      statements: [],
      coverage: [],
    };
    const text = JSON.stringify(file, null, 2);
    expect(parseLibraryFile('ok.json', text, []).outlets).toHaveLength(2);
    const line = text.split('\n').findIndex((l) => l.includes('"id": "rt"')) + 1;
    expect(() => parseLibraryFile('lib.json', text, ds.outlets)).toThrow(
      new RegExp(`^lib\\.json:${line}: outlet "rt" is already known with country "RU"`),
    );
  });

  it('refuses a foreign file with what is wrong', () => {
    expect(() => parseLibraryFile('x.json', '{"hello": "world"}')).toThrow(
      /^x\.json: not a Counterpoint library: /,
    );
    expect(() => parseLibraryFile('x.json', '[]')).toThrow(/not a Counterpoint library/);
  });

  it('survives random and mutated input with a clear error, never a crash', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let rejected = 0;
    for (let i = 0; i < 300; i++) {
      const chars = [...good];
      for (let k = 0; k < 1 + Math.floor(rand() * 5); k++) {
        chars[Math.floor(rand() * chars.length)] = String.fromCharCode(
          32 + Math.floor(rand() * 95),
        );
      }
      const text = chars.join('');
      try {
        parseLibraryFile('m.json', text);
      } catch (error) {
        rejected++;
        expect(error).toBeInstanceOf(ImportError);
        expect((error as Error).message).toMatch(/^m\.json: /);
      }
    }
    // The mutations do break the files (all 300 today): the error path is what ran.
    expect(rejected).toBeGreaterThan(150);
  });
});
