import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'ours' } } }));
const { originOf } = await import('../../../src/background/router');

const ROOT = 'chrome-extension://ours/';

describe('originOf', () => {
  it('recognises our extension pages by URL', () => {
    expect(originOf({ id: 'ours', url: `${ROOT}popup.html` }, 'ours', ROOT)).toBe('extension-page');
    expect(
      originOf({ id: 'ours', url: `${ROOT}options.html`, tab: { id: 3 } as never }, 'ours', ROOT),
    ).toBe('extension-page');
  });

  it('recognises our content scripts by tab', () => {
    expect(
      originOf(
        { id: 'ours', url: 'https://news.example/a', tab: { id: 7 } as never },
        'ours',
        ROOT,
      ),
    ).toBe('content');
  });

  it('refuses other extensions, even with our URL', () => {
    expect(originOf({ id: 'evil', url: `${ROOT}popup.html` }, 'ours', ROOT)).toBeNull();
    expect(originOf({ id: 'evil', tab: { id: 1 } as never }, 'ours', ROOT)).toBeNull();
  });

  it('refuses a sender with neither tab nor extension URL', () => {
    expect(originOf({ id: 'ours', url: 'https://news.example/' }, 'ours', ROOT)).toBeNull();
  });
});
