// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildCard, indexDataset } from '../../../src/cards/build-card';
import { Card } from '../../../src/content/card/Card';
import { CardController, type CardTarget } from '../../../src/content/card/card-controller';
import { wordDiff } from '../../../src/diff/word-diff';
import { t } from '../../../src/shared/i18n';
import { UI_HOST_NAME } from '../../../src/shared/packaged-files';
import { fixtureDataset } from '../cards/fixture';
import { expectAccessible, installCatalogue } from '../support/dom';

const index = indexDataset(fixtureDataset());
const putin = buildCard(index, 'vladimir-putin', wordDiff)!;

beforeEach(() => {
  fakeBrowser.reset();
  installCatalogue();
});
afterEach(cleanup);

describe('Card', () => {
  const props = { pinned: false, onPin: () => {}, onClose: () => {}, onCompare: () => {} };

  it('shows who the person is and every outlet’s version, side by side', async () => {
    const view = render(<Card name="Putin" data={putin} error={null} {...props} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('Vladimir Putin');
    expect(dialog.textContent).toContain('President of Russia');
    const outlets = [...dialog.querySelectorAll('.version .outlet')].map((e) => e.textContent);
    expect(outlets.sort()).toEqual(['CNN', 'RT']);
    await expectAccessible(view.container);
  });

  it('pins, closes and opens the comparison from its buttons', () => {
    const onPin = vi.fn();
    const onClose = vi.fn();
    const onCompare = vi.fn();
    render(
      <Card
        name="Putin"
        data={putin}
        error={null}
        pinned={false}
        onPin={onPin}
        onClose={onClose}
        onCompare={onCompare}
      />,
    );
    const buttons = screen.getAllByRole('button');
    const named = (re: RegExp) =>
      buttons.find((b) => re.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
    fireEvent.click(named(/pin/i)!);
    expect(onPin).toHaveBeenCalledTimes(1);
    fireEvent.click(named(/close/i)!);
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(named(/compare/i)!);
    expect(onCompare).toHaveBeenCalledWith(expect.arrayContaining(['rt-a', 'cnn-a']));
  });

  it('shows the name while loading, and an error as an error', async () => {
    const loading = render(<Card name="Putin" data={null} error={null} {...props} />);
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toBe('Putin');
    await expectAccessible(loading.container);
    cleanup();
    const failed = render(<Card name="Putin" data={null} error="It broke" {...props} />);
    expect(screen.getByRole('dialog').textContent).toContain('It broke');
    await expectAccessible(failed.container);
  });
});

describe('CardController, in a real DOM', () => {
  const TIMINGS = { fetchDelay: 0, showDelay: 0, hideDelay: 0 };

  // jsdom lays nothing out: a mention's range has no geometry (the card is placed at 0, 0).
  beforeEach(() => {
    Range.prototype.getBoundingClientRect = () => new DOMRect();
    Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  });

  function setup(loadCard = vi.fn(async () => putin)) {
    const p = document.createElement('p');
    p.textContent = 'Vladimir Putin said it. Putin again.';
    document.body.replaceChildren(p);
    const text = p.firstChild!;
    const mention = (key: string, start: number, end: number): CardTarget => ({
      entity: 'vladimir-putin',
      name: 'Vladimir Putin',
      key,
      range() {
        const r = document.createRange();
        r.setStart(text, start);
        r.setEnd(text, end);
        return r;
      },
      context: () => 'Vladimir Putin said it.',
    });
    const abort = new AbortController();
    const ctx = new ContentScriptContext('test');
    const openCompare = vi.fn();
    const controller = new CardController(
      ctx,
      { loadCard, openCompare, timings: TIMINGS },
      abort.signal,
    );
    return { controller, mention, loadCard, abort };
  }

  const until = async <T,>(fn: () => T | null | undefined, what: string): Promise<T> => {
    const deadline = Date.now() + 2_000;
    for (;;) {
      const value = fn();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`never: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('adds nothing to the page until a mention is hovered, then one host element', async () => {
    const { controller, mention, abort } = setup();
    expect(document.querySelector(UI_HOST_NAME)).toBeNull();
    controller.hover(mention('m1', 0, 14));
    const card = await until(
      () => (controller.snapshot()?.versions ? controller.snapshot() : null),
      'the card with its versions',
    );
    expect(card.label).toBe('Vladimir Putin');
    expect(card.text).toContain('RT');
    expect(document.querySelectorAll(UI_HOST_NAME)).toHaveLength(1);
    // Closed: the page cannot reach into the card.
    expect(document.querySelector(UI_HOST_NAME)!.shadowRoot).toBeNull();
    expect(controller.isOpen).toBe(true);
    controller.close();
    await until(() => controller.snapshot() === null, 'the card closed');
    expect(controller.isOpen).toBe(false);
    abort.abort();
    expect(document.querySelector(UI_HOST_NAME)).toBeNull();
  });

  it('loads a person once for mentions with the same context', async () => {
    const { controller, mention, loadCard, abort } = setup();
    controller.openNow(mention('m1', 0, 14), { focus: false });
    await until(() => controller.snapshot()?.versions, 'first card');
    controller.close();
    await until(() => controller.snapshot() === null, 'closed');
    controller.openNow(mention('m2', 24, 29), { focus: false });
    await until(() => controller.snapshot()?.versions, 'second card');
    expect(loadCard).toHaveBeenCalledTimes(1);
    abort.abort();
  });

  it('says so when the card cannot be loaded', async () => {
    const { controller, mention, abort } = setup(
      vi.fn(async () => {
        throw new Error('background gone');
      }),
    );
    controller.openNow(mention('m1', 0, 14), { focus: false });
    const card = await until(
      () => (controller.snapshot()?.text.includes('Vladimir Putin') ? controller.snapshot() : null),
      'a card',
    );
    expect(card.label).toBe('Vladimir Putin');
    await until(() => controller.snapshot()?.text.includes(t('cardLoadFailed')), 'the error shown');
    expect(controller.snapshot()?.versions).toBe(false);
    abort.abort();
  });
});
