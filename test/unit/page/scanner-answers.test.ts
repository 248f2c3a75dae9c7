// @vitest-environment jsdom
// jsdom's document: linkedom's MutationObserver reports a text change as one to <html>.
import { describe, expect, it } from 'vitest';
import { compileMatcher, matcherSpecFromDataset, type Mention } from '../../../src/matching';
import { PageScanner, type BlockMatcher } from '../../../src/page/scanner';
import { fixtureDataset } from '../cards/fixture';
import { RecordedMarks } from './dom-fixture';

const matcher = compileMatcher(matcherSpecFromDataset(fixtureDataset()));

/** Blocks matched when the test says so, as the background answers: later, maybe out of order. */
class LaterMatcher implements BlockMatcher {
  readonly anchors = matcher.anchors;
  readonly calls: { texts: string[]; answer(): void; fail(): void }[] = [];
  matchAll(texts: string[]): Promise<Mention[][]> {
    return new Promise((resolve, reject) => {
      this.calls.push({
        texts,
        answer: () => resolve(texts.map((t) => matcher.match(t))),
        fail: () => reject(new Error('no answer')),
      });
    });
  }
}

/** A `LaterMatcher` that runs `onRead` as the finder searches its second run of paragraphs. */
class Hooked extends LaterMatcher {
  searched = 0;
  onRead = () => {};
  override readonly anchors = (text: string) => {
    if (++this.searched === 2) this.onRead();
    return matcher.anchors(text);
  };
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe('page scanner, matched elsewhere', () => {
  /** Paragraphs of text by id, built as nodes. */
  const paragraphs = (doc: Document, texts: Record<string, string>) => {
    for (const [id, text] of Object.entries(texts)) {
      const p = doc.createElement('p');
      p.id = id;
      p.textContent = text;
      doc.body.append(p);
    }
  };
  const start = (
    body: Record<string, string>,
    later: LaterMatcher,
    batchMs = 0,
    retryMs = 20,
    options: { sliceMs?: number; sendAfterMs?: number } = {},
  ) => {
    const doc = document;
    doc.body.replaceChildren();
    paragraphs(doc, body);
    const marks = new RecordedMarks();
    const changes = { count: 0 };
    const scanner = new PageScanner(doc, {
      matcher: later,
      highlighter: marks,
      onChange: () => changes.count++,
      timers: {
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (id) => window.clearTimeout(id),
      },
      sliceMs: Infinity,
      batchMs,
      markEvery: true,
      retryMs,
      ...options,
    });
    return { doc, marks, scanner, changes, started: scanner.start() };
  };

  const entities = (scanner: PageScanner) =>
    scanner.mentions().map((m) => `${m.block.id}:${m.entity}`);

  /** 300 paragraphs naming Putin: the finder reads them in three runs. */
  const named = Object.fromEntries(
    Array.from({ length: 300 }, (_, i) => [`p${i}`, `Vladimir Putin spoke ${i}.`]),
  );

  it('sends the blocks a scan reads in one message when done, not one per slice', async () => {
    const later = new LaterMatcher();
    // Every step of the finder a slice of its own, and no time bound.
    const { scanner, started } = start(named, later, 0, 20, { sliceMs: 0, sendAfterMs: Infinity });
    await until(() => later.calls.length === 1);
    expect(later.calls[0]!.texts).toHaveLength(300);
    expect(scanner.stats.slices).toBeGreaterThan(3);
    later.calls[0]!.answer();
    await started;
    expect(later.calls).toHaveLength(1);
    expect(scanner.stats.mentions).toBe(300);
    scanner.destroy();
  });

  it('applies a long answer in slices, block by block, in order', async () => {
    const later = new LaterMatcher();
    // Every block a slice of its own.
    const { scanner, started } = start(named, later, 0, 20, { sliceMs: 0, sendAfterMs: Infinity });
    await until(() => later.calls.length === 1);
    const before = scanner.stats.slices;
    later.calls[0]!.answer();
    await started;
    expect(scanner.stats.slices - before).toBe(300);
    expect(scanner.mentions().map((m) => m.block.id)).toEqual(Object.keys(named));
    scanner.destroy();
  });

  it('sends no block still waiting to be sent once destroyed', async () => {
    const later = new Hooked();
    const { scanner, started } = start(named, later, 0, 20, { sliceMs: 0, sendAfterMs: Infinity });
    // Destroyed between slices, once it has read two runs of paragraphs that wait to be sent.
    later.onRead = () => queueMicrotask(() => scanner.destroy());
    await until(() => later.searched === 2);
    await new Promise((r) => setTimeout(r, 20));
    expect(scanner.stats.blocks).toBeGreaterThan(100);
    expect(later.calls).toHaveLength(0);
    await started;
  });

  it('checks the texts of blocks read before a page change, when they are sent after it', async () => {
    const later = new Hooked();
    const { doc, scanner, started } = start(named, later, 0, 20, {
      sliceMs: 0,
      sendAfterMs: Infinity,
    });
    // p0 was read in the first run and waits to be sent when the page removes it. Its
    // rescan finds nothing to drop yet: the answer must.
    later.onRead = () => doc.getElementById('p0')!.remove();
    await until(() => later.calls.length === 1);
    expect(later.calls[0]!.texts).toContain('Vladimir Putin spoke 0.');
    // The removal's rescan starts (its batch waits 0 ms) and waits for this answer.
    await new Promise((r) => setTimeout(r, 20));
    later.calls[0]!.answer();
    await started;
    await until(() => scanner.stats.rescans === 1);
    expect(scanner.stats.mentions).toBe(299);
    expect(scanner.mentions().every((m) => m.block.isConnected)).toBe(true);
    scanner.destroy();
  });

  it('sends the blocks read so far once they have waited `sendAfterMs`', async () => {
    const later = new LaterMatcher();
    const { scanner, started } = start(named, later, 0, 20, { sliceMs: 0, sendAfterMs: 0 });
    await until(() => later.calls.length === 3);
    expect(later.calls.map((c) => c.texts.length)).toEqual([128, 128, 44]);
    for (const call of later.calls) call.answer();
    await started;
    expect(scanner.stats.mentions).toBe(300);
    scanner.destroy();
  });

  it('drops the answer to a reading the page has replaced since', async () => {
    const later = new LaterMatcher();
    const { doc, marks, scanner, started } = start(
      { a: 'Vladimir Putin spoke.', b: 'Emmanuel Macron replied.' },
      later,
    );
    await until(() => later.calls.length === 1);
    expect(later.calls[0]!.texts).toEqual(['Vladimir Putin spoke.', 'Emmanuel Macron replied.']);
    // The page rewrites b before the answer comes: b is read again and sent again.
    (doc.getElementById('b')!.firstChild as Text).data = 'Vladimir Putin replied.';
    await until(() => later.calls.length === 2);
    expect(later.calls[1]!.texts).toEqual(['Vladimir Putin replied.']);
    // The first answer marks a, and nothing of b's old text ("Emmanuel Macron" at 0–15).
    later.calls[0]!.answer();
    await until(() => entities(scanner).length > 0);
    expect(entities(scanner)).toEqual(['a:vladimir-putin']);
    later.calls[1]!.answer();
    await started;
    await until(() => entities(scanner).length === 2);
    expect(entities(scanner)).toEqual(['a:vladimir-putin', 'b:vladimir-putin']);
    expect(marks.texts()).toEqual(['Vladimir Putin', 'Vladimir Putin']);
    expect(marks.held).toBe(false);
    scanner.destroy();
  });

  it('applies answers in the order their blocks were sent', async () => {
    const later = new LaterMatcher();
    const { doc, scanner, started } = start({ a: 'Vladimir Putin spoke.' }, later);
    await until(() => later.calls.length === 1);
    paragraphs(doc, { c: 'Emmanuel Macron replied.' });
    await until(() => later.calls.length === 2);
    // The later answer first: nothing is marked until the earlier one is in (the quiet marks
    // follow the order blocks were read in), then both.
    later.calls[1]!.answer();
    await new Promise((r) => setTimeout(r, 20));
    expect(entities(scanner)).toEqual([]);
    later.calls[0]!.answer();
    await started;
    await until(() => entities(scanner).length === 2);
    expect(entities(scanner)).toEqual(['a:vladimir-putin', 'c:emmanuel-macron']);
    scanner.destroy();
  });

  it('marks nothing from an answer to a text the page has changed since, before its rescan', async () => {
    const later = new LaterMatcher();
    // Page changes wait 10 s to be rescanned: the answer comes first.
    const { doc, scanner, started } = start(
      { a: 'Vladimir Putin spoke.', b: 'Emmanuel Macron replied.' },
      later,
      10_000,
    );
    await until(() => later.calls.length === 1);
    (doc.getElementById('b')!.firstChild as Text).data = 'Nobody replied.';
    later.calls[0]!.answer();
    await started;
    expect(entities(scanner)).toEqual(['a:vladimir-putin']);
    scanner.destroy();
  });

  it('clears a block whose new reading could not be matched, after one more try', async () => {
    const later = new LaterMatcher();
    const { doc, marks, scanner, started } = start({ a: 'Vladimir Putin spoke.' }, later);
    await until(() => later.calls.length === 1);
    later.calls[0]!.answer();
    await started;
    expect(marks.texts()).toEqual(['Vladimir Putin']);
    (doc.getElementById('a')!.firstChild as Text).data = 'Emmanuel Macron spoke.';
    await until(() => later.calls.length === 2);
    later.calls[1]!.fail();
    await until(() => later.calls.length === 3);
    expect(later.calls[2]!.texts).toEqual(['Emmanuel Macron spoke.']);
    later.calls[2]!.fail();
    // Not Putin's mark over Macron's name: no mark until the block changes again.
    await until(() => marks.ranges.size === 0);
    expect(entities(scanner)).toEqual([]);
    scanner.destroy();
  });

  it('tries a failed message again only after a while (a refusal for the tab’s budget lasts)', async () => {
    const later = new LaterMatcher();
    const { marks, scanner, started } = start({ a: 'Vladimir Putin spoke.' }, later, 0, 200);
    await until(() => later.calls.length === 1);
    const failed = performance.now();
    later.calls[0]!.fail();
    await new Promise((r) => setTimeout(r, 50));
    expect(later.calls.length).toBe(1);
    await until(() => later.calls.length === 2);
    expect(performance.now() - failed).toBeGreaterThanOrEqual(190);
    later.calls[1]!.answer();
    await started;
    expect(marks.texts()).toEqual(['Vladimir Putin']);
    scanner.destroy();
  });

  it('does not try again for a scanner destroyed in the wait', async () => {
    const later = new LaterMatcher();
    const { scanner, started } = start({ a: 'Vladimir Putin spoke.' }, later, 0, 30);
    await until(() => later.calls.length === 1);
    later.calls[0]!.fail();
    scanner.destroy();
    await new Promise((r) => setTimeout(r, 80));
    expect(later.calls.length).toBe(1);
    await started;
  });

  it('ends its scan when destroyed in the wait, though the timer never fires', async () => {
    const later = new LaterMatcher();
    document.body.replaceChildren();
    paragraphs(document, { a: 'Vladimir Putin spoke.' });
    // A torn-down content script context drops its timers' callbacks.
    const scanner = new PageScanner(document, {
      matcher: later,
      highlighter: new RecordedMarks(),
      onChange: () => {},
      timers: { setTimeout: () => 0, clearTimeout: () => {} },
      sliceMs: Infinity,
    });
    const started = scanner.start();
    await until(() => later.calls.length === 1);
    later.calls[0]!.fail();
    await new Promise((r) => setTimeout(r, 10));
    scanner.destroy();
    let ended = false;
    void started.then(() => (ended = true));
    await until(() => ended);
    expect(later.calls.length).toBe(1);
  });

  it('reports nothing once destroyed, though answers were on their way', async () => {
    const later = new LaterMatcher();
    const { scanner, changes, started } = start({ a: 'Vladimir Putin spoke.' }, later);
    await until(() => later.calls.length === 1);
    scanner.destroy();
    const before = changes.count;
    later.calls[0]!.answer();
    await started;
    await new Promise((r) => setTimeout(r, 10));
    expect(changes.count).toBe(before);
    expect(scanner.mentions()).toEqual([]);
  });

  it('sends a slice of long blocks in messages of about a million characters', async () => {
    const later = new LaterMatcher();
    const long = (n: number) => `Vladimir Putin spoke. ${'Words of a long speech. '.repeat(n)}`;
    const { scanner, started } = start(
      { a: long(25_000), b: long(25_000), c: long(25_000) },
      later,
    );
    await until(() => later.calls.length === 2);
    // 600,000 characters each: a and b go together (past a million, the message ends), c alone.
    expect(later.calls.map((c) => c.texts.length)).toEqual([2, 1]);
    for (const call of later.calls) call.answer();
    await started;
    expect(entities(scanner)).toEqual(['a:vladimir-putin', 'b:vladimir-putin', 'c:vladimir-putin']);
    scanner.destroy();
  });

  it('finishes its scan when the matcher fails, marking nothing', async () => {
    const later = new LaterMatcher();
    const { marks, scanner, started } = start({ a: 'Vladimir Putin spoke.' }, later);
    await until(() => later.calls.length === 1);
    later.calls[0]!.fail();
    await until(() => later.calls.length === 2);
    later.calls[1]!.fail();
    await started;
    expect(scanner.stats).toMatchObject({ done: true, blocks: 1, mentions: 0, marks: 0 });
    expect(marks.held).toBe(false);
    scanner.destroy();
  });
});
