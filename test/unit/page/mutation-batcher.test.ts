import { describe, expect, it } from 'vitest';
import { MutationBatcher, type PageChanges } from '../../../src/page/mutation-batcher';
import { ElementClassifier } from '../../../src/page/text-blocks';
import { pageOf } from './dom-fixture';

type Callback = (records: MutationRecord[]) => void;

/**
 * A page whose MutationObserver the test drives: linkedom's does not report text edits and
 * names the wrong targets, so records are made here as a browser would send them.
 */
function setup() {
  const doc = pageOf('<article><p id="a">Hello <b>there</b></p><div id="list"></div></article>');
  let deliver: Callback = () => {};
  let observing = false;
  const Observer = class {
    constructor(cb: Callback) {
      deliver = cb;
    }
    observe() {
      observing = true;
    }
    disconnect() {
      observing = false;
    }
  };
  // linkedom's windows are shared and keep their own MutationObserver: the page gets ours.
  const page = {
    defaultView: { MutationObserver: Observer },
    documentElement: doc.documentElement,
  } as unknown as Document;
  const timers: { fn: () => void; ms: number; id: number }[] = [];
  const cleared: number[] = [];
  const batches: PageChanges[] = [];
  const batcher = new MutationBatcher(
    page,
    new ElementClassifier(),
    {
      setTimeout: (fn, ms) => timers.push({ fn, ms, id: timers.length + 1 }),
      clearTimeout: (id) => cleared.push(id),
    },
    100,
    (changes) => batches.push(changes),
  );
  batcher.start();
  const record = (r: Partial<MutationRecord>) =>
    ({ addedNodes: [], removedNodes: [], ...r }) as unknown as MutationRecord;
  return {
    doc,
    batcher,
    deliver: (r: MutationRecord[]) => deliver(r),
    record,
    timers,
    cleared,
    batches,
    observing: () => observing,
  };
}

describe('mutation batcher', () => {
  it('collects records for one timer and hands them over as blocks and subtrees', () => {
    const { doc, batcher, deliver, record, timers, batches } = setup();
    const p = doc.getElementById('a')!;
    const list = doc.getElementById('list')!;
    const added = doc.createElement('p');
    list.append(added);
    deliver([record({ type: 'characterData', target: p.firstChild! })]);
    deliver([record({ type: 'childList', target: list, addedNodes: [added] as never })]);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(100);
    expect(batcher.generation).toBe(2);
    expect(batches).toEqual([]);
    timers[0]!.fn();
    expect(batches).toHaveLength(1);
    const [changes] = batches;
    // The edited text's block is rescanned; a block added is searched as a subtree, and
    // its parent (a block) is not rescanned for it.
    expect([...changes!.changed]).toEqual([p]);
    expect([...changes!.subtrees]).toEqual([added]);
    expect(changes!.removed).toBe(false);
  });

  it('rescans the block around inline nodes added or removed, and says something went', () => {
    const { doc, deliver, record, timers, batches } = setup();
    const p = doc.getElementById('a')!;
    const b = p.querySelector('b')!;
    const span = doc.createElement('span');
    p.append(span);
    deliver([
      record({ type: 'childList', target: b, removedNodes: [b.firstChild!] as never }),
      record({ type: 'childList', target: p, addedNodes: [span] as never }),
    ]);
    timers[0]!.fn();
    expect([...batches[0]!.changed]).toEqual([p]);
    expect([...batches[0]!.subtrees]).toEqual([span]);
    expect(batches[0]!.removed).toBe(true);
  });

  it('ignores our own elements, and starts a new batch after each', () => {
    const { doc, deliver, record, timers, batches } = setup();
    const ours = doc.createElement('counterpoint-ui');
    doc.body.append(ours);
    deliver([record({ type: 'childList', target: doc.body, addedNodes: [ours] as never })]);
    deliver([
      record({ type: 'childList', target: ours, addedNodes: [doc.createTextNode('x')] as never }),
    ]);
    timers[0]!.fn();
    expect([...batches[0]!.changed]).toEqual([]);
    expect([...batches[0]!.subtrees]).toEqual([]);
    deliver([record({ type: 'characterData', target: doc.getElementById('a')!.firstChild! })]);
    expect(timers).toHaveLength(2);
  });

  it('stops: the pending batch is dropped and nothing is observed', () => {
    const { deliver, record, doc, timers, cleared, batcher, observing } = setup();
    expect(observing()).toBe(true);
    deliver([record({ type: 'characterData', target: doc.getElementById('a')!.firstChild! })]);
    batcher.stop();
    expect(cleared).toEqual([timers[0]!.id]);
    expect(observing()).toBe(false);
  });
});
