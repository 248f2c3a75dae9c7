// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildStatementDetail, indexDataset } from '../../../src/cards/build-card';
import { wordDiff } from '../../../src/diff/word-diff';
import { OnThisPage } from '../../../src/popup/components/OnThisPage';
import { SearchPanel, type ResultView } from '../../../src/popup/components/SearchPanel';
import { SiteSwitch } from '../../../src/popup/components/SiteSwitch';
import { StatementView } from '../../../src/popup/components/StatementView';
import { getSettings } from '../../../src/shared/settings';
import { fixtureDataset } from '../cards/fixture';
import { expectAccessible, installCatalogue } from '../support/dom';

beforeEach(() => {
  fakeBrowser.reset();
  installCatalogue();
});
afterEach(cleanup);

const RESULTS: ResultView[] = [
  {
    kind: 'statement',
    id: 'rt-a:s1',
    title: 'has done everything he promised',
    marks: [[4, 8]],
    detail: 'RT',
  },
  { kind: 'person', id: 'vladimir-putin', title: 'Vladimir Putin', marks: [[0, 8]], detail: null },
  { kind: 'article', id: 'rt-a', title: 'Putin regrets', marks: [], detail: null },
];

describe('SearchPanel', () => {
  const setup = () => {
    const search = vi.fn(async (q: string) => (q === 'none' ? [] : RESULTS));
    const onOpen = vi.fn();
    const onEscapeEmpty = vi.fn();
    const view = render(
      <SearchPanel search={search} onOpen={onOpen} onEscapeEmpty={onEscapeEmpty} />,
    );
    const box = screen.getByRole('combobox');
    return { view, box, search, onOpen, onEscapeEmpty };
  };

  it('shows results grouped by kind, people first, with the matched words marked', async () => {
    const { view, box } = setup();
    fireEvent.input(box, { target: { value: 'done' } });
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.dataset.kind)).toEqual(['person', 'statement', 'article']);
    expect(screen.getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual([
      'People',
      'Statements',
      'Articles',
    ]);
    expect(options[1]!.querySelector('mark')?.textContent).toBe('done');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(view.container);
  });

  it('moves with the arrows, opens with Enter and clears with Esc', async () => {
    const { box, onOpen, onEscapeEmpty } = setup();
    fireEvent.input(box, { target: { value: 'putin' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const active = screen.getAllByRole('option').find((o) => o.ariaSelected === 'true');
    expect(box.getAttribute('aria-activedescendant')).toBe(active?.id);
    expect(active?.dataset.kind).toBe('statement');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(RESULTS[0]);
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect((box as HTMLInputElement).value).toBe(''));
    expect(onEscapeEmpty).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onEscapeEmpty).toHaveBeenCalledTimes(1);
  });

  it('says when nothing matched', async () => {
    const { view, box } = setup();
    fireEvent.input(box, { target: { value: 'none' } });
    expect((await screen.findByTestId('no-results')).textContent).toContain('none');
    expect(screen.queryAllByRole('option')).toEqual([]);
    await expectAccessible(view.container);
  });
});

describe('OnThisPage', () => {
  it('lists people by count, each a button that reveals them', async () => {
    const onReveal = vi.fn();
    const view = render(
      <OnThisPage
        counts={[
          { entity: 'emmanuel-macron', name: 'Emmanuel Macron', kind: 'person', count: 1 },
          { entity: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', count: 3 },
        ]}
        onReveal={onReveal}
      />,
    );
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Vladimir Putin3', 'Emmanuel Macron1']);
    expect(buttons[0]!.querySelector('.count')?.getAttribute('aria-label')).toBe('3 mentions');
    fireEvent.click(buttons[1]!);
    expect(onReveal).toHaveBeenCalledWith('emmanuel-macron');
    await expectAccessible(view.container);
  });

  it('says when the page names no one', () => {
    render(<OnThisPage counts={[]} onReveal={() => {}} />);
    expect(screen.getByTestId('no-mentions').textContent).not.toBe('');
  });
});

describe('StatementView', () => {
  const index = indexDataset(fixtureDataset());
  // What the background answers to `statement:get`.
  const load = async (id: string) => {
    const detail = buildStatementDetail(index, id, wordDiff);
    return detail ? { id, ...detail } : null;
  };

  it('shows each outlet’s version of the statement, and goes back', async () => {
    const onBack = vi.fn();
    const onCompare = vi.fn();
    const view = render(
      <StatementView id="rt-a:s1" load={load} onBack={onBack} onCompare={onCompare} />,
    );
    await waitFor(() => expect(view.container.querySelectorAll('.version').length).toBe(2));
    const outlets = [...view.container.querySelectorAll('.version .outlet')].map(
      (e) => e.textContent,
    );
    expect(outlets.sort()).toEqual(['CNN', 'RT']);
    await expectAccessible(view.container);
    fireEvent.click(screen.getByRole('button', { name: /back/i }));
    expect(onBack).toHaveBeenCalled();
  });
});

describe('SiteSwitch', () => {
  it('turns the site off and on in the stored settings', async () => {
    const view = render(<SiteSwitch host="www.example.com" />);
    const site = await screen.findByTestId('site-switch');
    expect((site as HTMLInputElement).checked).toBe(true);
    await expectAccessible(view.container);
    fireEvent.click(site);
    await waitFor(async () => expect((await getSettings()).disabledSites).toEqual(['example.com']));
    await waitFor(() => expect((site as HTMLInputElement).checked).toBe(false));
  });
});
