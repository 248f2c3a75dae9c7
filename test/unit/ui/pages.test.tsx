// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildFromDisk } from '../../../scripts/lib/dataset-files';
import { AddArticle } from '../../../src/add-article/components/AddArticle';
import { Compare } from '../../../src/compare/components/Compare';
import { Options } from '../../../src/options/components/Options';
import { BUNDLED_DATASET_PATH } from '../../../src/shared/dataset-source';
import { t } from '../../../src/shared/i18n';
import { getSettings } from '../../../src/shared/settings';
import { Welcome } from '../../../src/welcome/components/Welcome';
import { expectAccessible, installCatalogue, servePackaged } from '../support/dom';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// The extension pages as `npm run build` ships them: the seed dataset, built by the same pipeline.
const { dataset } = await buildFromDisk(
  path.join(ROOT, 'assets/articles'),
  path.join(ROOT, 'assets/reference'),
);

beforeEach(() => {
  fakeBrowser.reset();
  installCatalogue();
  servePackaged({ [BUNDLED_DATASET_PATH]: dataset });
  (fakeBrowser.commands as unknown as { getAll(): Promise<unknown[]> }).getAll = async () => [
    { name: 'next-mention', shortcut: 'Alt+Shift+N' },
  ];
});
afterEach(cleanup);

describe('Options', () => {
  it('lists every bundled person to mark and saves a change at once', async () => {
    const view = render(<Options />);
    const putin = await waitFor(() => {
      const box = view.container.querySelector<HTMLInputElement>('[data-entity="vladimir-putin"]');
      if (!box) throw new Error('no entity list yet');
      return box;
    });
    expect(await screen.findByTestId('library-empty')).toBeTruthy();
    expect(putin.checked).toBe(true);
    await expectAccessible(view.container);
    fireEvent.click(putin);
    await waitFor(async () =>
      expect((await getSettings()).hiddenEntities).toEqual(['vladimir-putin']),
    );
    fireEvent.click(screen.getByTestId('mark-every'));
    await waitFor(async () => expect((await getSettings()).markEvery).toBe(true));
  });
});

describe('AddArticle', () => {
  it('opened without a tab, says where to open it from', async () => {
    const view = render(<AddArticle tabId={null} />);
    expect((await screen.findByTestId('add-error')).textContent).toBe(t('addOpenFromPopup'));
    await expectAccessible(view.container);
  });
});

describe('Compare', () => {
  it('aligns an article with the other outlet’s, remark by remark', async () => {
    const rt = dataset.articles.find((a) => a.outlet === 'rt')!;
    const view = render(<Compare left={rt.id} right={null} />);
    const table = await screen.findByTestId('compare');
    const heads = [...table.querySelectorAll('thead th .outlet')].map((e) => e.textContent);
    expect(heads).toEqual(['RT', 'CNN']);
    // Remarks both reported share a row.
    const shared = [...table.querySelectorAll('tbody tr')].filter(
      (r) => r.querySelectorAll('td.cell--empty').length === 0,
    );
    expect(shared.length).toBeGreaterThan(0);
    await expectAccessible(view.container);
  });
});

describe('Welcome', () => {
  it('marks the sample’s names as buttons; pointing at one shows its card', async () => {
    const view = render(<Welcome />);
    const sample = await screen.findByTestId('sample');
    const putin = await waitFor(() => {
      const b = sample.querySelector<HTMLButtonElement>(
        '.sample-mention[data-entity="vladimir-putin"]',
      );
      if (!b) throw new Error('no mention yet');
      return b;
    });
    await expectAccessible(view.container);
    fireEvent.mouseEnter(putin);
    const card = screen.getByTestId('sample-card');
    await waitFor(() => expect(card.querySelector('.version')).not.toBeNull());
    expect(card.textContent).toContain('Vladimir Putin');
    expect(card.textContent).toMatch(/RT/);
    await expectAccessible(view.container);
  });
});
