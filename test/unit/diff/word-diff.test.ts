import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../src/diff/word-diff';

describe('wordDiff', () => {
  it('marks the words each version alone has', () => {
    const parts = wordDiff(
      'has done everything he previously promised',
      'Kim Jong Un on his part did everything he promised to do',
    );
    const text = (op: string) =>
      parts
        .filter((p) => p.op === op)
        .map((p) => p.text.trim())
        .join(' ');
    expect(text('removed')).toContain('previously');
    expect(text('removed')).toContain('has done');
    expect(text('added')).toContain('on his part');
    expect(text('added')).toContain('to do');
    expect(text('same')).toContain('everything he');
  });

  it('rebuilds both texts exactly', () => {
    const a = 'We hope that dialogue will be resumed… and this meeting will take place,';
    const b = 'We hope very much that dialogue will be revitalized, renewed,';
    const parts = wordDiff(a, b);
    expect(
      parts
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(b);
  });

  it('gives one "same" part for identical texts', () => {
    expect(wordDiff('just a hitch', 'just a hitch')).toEqual([
      { op: 'same', text: 'just a hitch' },
    ]);
  });
});
