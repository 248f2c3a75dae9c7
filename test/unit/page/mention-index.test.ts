import { describe, expect, it } from 'vitest';
import { compileMatcher, resolveAmbiguous } from '../../../src/matching';
import { MentionIndex, QUIET_SPACING } from '../../../src/page/mention-index';
import { ElementClassifier, ownRuns, PlainRun } from '../../../src/page/text-blocks';
import { SPEC } from '../matching/spec-fixture';
import { RecordedMarks, pageOf } from './dom-fixture';

const matcher = compileMatcher(SPEC);

/** A page of paragraphs, each block scanned into a fresh index in document order. */
function indexed(paragraphs: string[], markEvery = false) {
  const doc = pageOf(paragraphs.map((p) => `<p>${p}</p>`).join(''));
  const marks = new RecordedMarks();
  const index = new MentionIndex(doc, marks, markEvery);
  const classifier = new ElementClassifier();
  const blocks: Element[] = [...doc.querySelectorAll('p')];
  const scan = (block: Element) => {
    index.clear(block);
    for (const run of ownRuns(block, classifier)) index.add(run, matcher.match(run.text));
    index.paint(block);
  };
  for (const block of blocks) scan(block);
  index.resolve();
  return { doc, marks, index, blocks, scan };
}

const where = (blocks: Element[], list: { block: Element }[]) =>
  list.map((m) => blocks.indexOf(m.block));

describe('mention index', () => {
  it('makes a range only for the mentions it marks, and for others when asked', () => {
    const doc = pageOf(Array(7).fill('<p>Putin spoke.</p>').join(''));
    const view = doc.defaultView as unknown as { StaticRange: new (i: StaticRangeInit) => object };
    const Base = view.StaticRange;
    let made = 0;
    view.StaticRange = class extends Base {
      constructor(init: StaticRangeInit) {
        super(init);
        made++;
      }
    };
    const index = new MentionIndex(doc, new RecordedMarks());
    const classifier = new ElementClassifier();
    for (const block of doc.querySelectorAll('p')) {
      for (const run of ownRuns(block, classifier)) index.add(run, matcher.match(run.text));
      index.paint(block);
    }
    // Seven mentions, three marked (quiet default): three ranges.
    expect([index.active, index.marks, made]).toEqual([7, 3, 3]);
    // Every mention marked: the four others get theirs then.
    index.setMarkEvery(true);
    expect(made).toBe(7);
    const second = index.painted().find((m) => m.block === doc.querySelectorAll('p')[1])!;
    expect([second.range.startOffset, second.range.endOffset]).toEqual([0, 5]);
    index.setMarkEvery(false);
    expect(second.painted).toBe(false);
    index.destroy();
    expect(made).toBe(7);
  });

  it('marks an entity again only QUIET_SPACING blocks after its last mark', () => {
    const { index, marks, blocks } = indexed(Array(7).fill('Putin spoke.'));
    expect(QUIET_SPACING).toBe(3);
    expect(where(blocks, index.painted())).toEqual([0, 3, 6]);
    expect(marks.ranges.size).toBe(3);
    expect(index.counts()).toEqual([{ entity: 'vladimir-putin', kind: 'person', count: 7 }]);
    expect([index.active, index.marks]).toEqual([7, 3]);
  });

  it('marks each entity once per block in the quiet default, every mention on demand', () => {
    const { index, marks } = indexed(['Putin met Macron. Putin left.', 'Macron stayed.']);
    expect(marks.texts()).toEqual(['Putin', 'Macron']);
    index.setMarkEvery(true);
    expect(marks.texts().sort()).toEqual(['Macron', 'Macron', 'Putin', 'Putin']);
    index.setMarkEvery(false);
    expect(marks.texts().sort()).toEqual(['Macron', 'Putin']);
    expect(index.marks).toBe(2);
  });

  it('counts an ambiguous short form only while the page names the person in full', () => {
    const page = indexed(['Kim arrived.', 'Kim Jong-un spoke.']);
    const kims = () => page.index.counts().find((c) => c.entity === 'kim-jong-un')?.count ?? 0;
    expect(kims()).toBe(2);
    expect(resolveAmbiguous(matcher.match('Kim arrived.'))).toEqual([]);
    // The full name goes away: the lone "Kim" is no longer counted or marked.
    page.blocks[1]!.textContent = 'Nobody spoke.';
    page.scan(page.blocks[1]!);
    page.index.resolve();
    expect(kims()).toBe(0);
    expect(page.marks.ranges.size).toBe(0);
    // The lone "Kim" goes too, then the full name comes back: the forgotten short form stays out.
    page.blocks[0]!.textContent = 'Nobody arrived.';
    page.scan(page.blocks[0]!);
    page.blocks[1]!.textContent = 'Kim Jong-un spoke.';
    page.scan(page.blocks[1]!);
    page.index.resolve();
    expect([kims(), page.index.active, page.index.marks, page.marks.ranges.size]).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it('a mark stands for the unmarked repeats after it, up to the next mark', () => {
    const { index, blocks } = indexed([
      'Putin spoke.',
      'Putin again.',
      'Nothing here about him.',
      'Putin once more.',
      'Putin, later.',
    ]);
    const [first, second] = index.painted();
    // Blocks naming no one have no sequence number: the repeats in 1 and 3 are within 3 of 0.
    expect(where(blocks, index.painted())).toEqual([0, 4]);
    expect(index.blocksOf(first!).map((b) => blocks.indexOf(b))).toEqual([0, 1, 3]);
    expect(index.blocksOf(second!).map((b) => blocks.indexOf(b))).toEqual([4]);
  });

  it('walks marked mentions in document order, wrapping, per entity or all', () => {
    const { index } = indexed(['Macron spoke.', 'Then Putin.', 'x', 'y', 'z', 'Putin again.']);
    const text = (m: { range: AbstractRange } | null) =>
      (m!.range.startContainer as Text).data.slice(m!.range.startOffset, m!.range.endOffset);
    expect([index.next(null), index.next(null), index.next(null)].map(text)).toEqual([
      'Macron',
      'Putin',
      'Macron',
    ]);
    expect(index.next('vladimir-putin')!.block.textContent).toBe('Then Putin.');
  });

  it('draws nothing for a mention whose paragraph the page rewrote before it was drawn', () => {
    const doc = pageOf('<p>Putin met <b>Putin</b> again.</p>');
    const p = doc.querySelector('p')!;
    let generation = 0;
    const marks = new RecordedMarks();
    const index = new MentionIndex(doc, marks);
    const text = p.textContent!;
    index.add(new PlainRun(p, text, () => generation), matcher.match(text));
    index.paint(p);
    // Quiet: the first is marked, the second is not, and its nodes are not listed yet.
    expect(marks.texts()).toEqual(['Putin']);
    // The page rewrites the paragraph; before its rescan, every mention is to be marked.
    p.querySelector('b')!.textContent = 'Macron';
    generation++;
    index.setMarkEvery(true);
    // Not "Macro" at the old offsets: left unmarked until the rescan.
    expect(marks.texts()).toEqual(['Putin']);
    expect([index.marks, index.painted().length, index.active]).toEqual([1, 1, 2]);
  });

  it('finds mentions by text node, names split across elements included', () => {
    const doc = pageOf('<p>President <a href="#">Vladimir</a> Putin</p>');
    const index = new MentionIndex(doc, new RecordedMarks());
    const p = doc.querySelector('p')!;
    for (const run of ownRuns(p, new ElementClassifier())) index.add(run, matcher.match(run.text));
    index.paint(p);
    const link = doc.querySelector('a')!.firstChild as Text;
    expect(index.at(link).map((m) => m.entity)).toEqual(['vladimir-putin']);
    expect(index.at(link)[0]!.nodes).toHaveLength(3);
  });

  it('answers hit tests from what the blocks hold now, after rescans and removals', () => {
    const { doc, index, blocks, scan } = indexed(['Putin spoke.', 'Nobody here.']);
    const textOf = (i: number) => blocks[i]!.firstChild as Text;
    expect(index.at(textOf(0)).map((m) => m.entity)).toEqual(['vladimir-putin']);
    expect(index.at(textOf(1))).toEqual([]);
    // The page rewrites both paragraphs: each rescan replaces what was asked about before.
    textOf(0).data = 'Nobody now.';
    textOf(1).data = 'Macron spoke.';
    scan(blocks[0]!);
    scan(blocks[1]!);
    expect(index.at(textOf(0))).toEqual([]);
    expect(index.at(textOf(1)).map((m) => m.entity)).toEqual(['emmanuel-macron']);
    blocks[1]!.remove();
    index.dropDisconnected();
    expect(index.at(textOf(1))).toEqual([]);
    expect(doc.querySelectorAll('p')).toHaveLength(1);
  });

  it('drops the mentions of blocks the page removed, and unmarks them', () => {
    const { index, marks, blocks } = indexed(['Putin spoke.', 'a', 'b', 'c', 'Macron too.']);
    expect(marks.ranges.size).toBe(2);
    blocks[0]!.remove();
    index.dropDisconnected();
    expect(index.counts().map((c) => c.entity)).toEqual(['emmanuel-macron']);
    expect(marks.texts()).toEqual(['Macron']);
    index.destroy();
    expect(marks.ranges.size).toBe(0);
    expect(index.painted()).toEqual([]);
  });
});
