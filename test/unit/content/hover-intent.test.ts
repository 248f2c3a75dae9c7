import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../../src/content/card/hover-intent';

function setup() {
  const log: string[] = [];
  const intent = new HoverIntent<string>({
    fetch: (t) => log.push(`fetch ${t}`),
    show: (t) => log.push(`show ${t}`),
    hide: () => log.push('hide'),
  });
  return { intent, log };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fetches at 150 ms and shows at 500 ms of rest', () => {
    const { intent, log } = setup();
    intent.enterMention('putin');
    vi.advanceTimersByTime(149);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['fetch putin']);
    vi.advanceTimersByTime(349);
    expect(log).toEqual(['fetch putin']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['fetch putin', 'show putin']);
    expect(intent.current).toBe('putin');
  });

  it('does nothing when the pointer passes over quickly', () => {
    const { intent, log } = setup();
    intent.enterMention('putin');
    vi.advanceTimersByTime(100);
    intent.leaveMention();
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  it('closes 300 ms after leaving both mention and card', () => {
    const { intent, log } = setup();
    intent.enterMention('putin');
    vi.advanceTimersByTime(500);
    intent.leaveMention();
    vi.advanceTimersByTime(200);
    intent.enterCard();
    vi.advanceTimersByTime(1000);
    expect(log.at(-1)).toBe('show putin');
    intent.leaveCard();
    vi.advanceTimersByTime(299);
    expect(log.at(-1)).toBe('show putin');
    vi.advanceTimersByTime(1);
    expect(log.at(-1)).toBe('hide');
    expect(intent.current).toBeNull();
  });

  it('stays open while pinned, until closed', () => {
    const { intent, log } = setup();
    intent.openNow('kim');
    intent.pinned = true;
    intent.leaveMention();
    intent.leaveCard();
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['fetch kim', 'show kim']);
    intent.close();
    expect(log.at(-1)).toBe('hide');
  });

  it('opens at once from the keyboard and switches to another mention after a rest', () => {
    const { intent, log } = setup();
    intent.openNow('kim');
    intent.enterMention('putin');
    vi.advanceTimersByTime(500);
    expect(log).toEqual(['fetch kim', 'show kim', 'fetch putin', 'show putin']);
  });

  it('uses the configured delay', () => {
    const { intent, log } = setup();
    intent.setTimings({ fetchDelay: 50, showDelay: 100, hideDelay: 300 });
    intent.enterMention('macron');
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['fetch macron', 'show macron']);
  });
});
