import { describe, expect, it } from 'vitest';
import { articlesAbout } from '../../../src/cards/event-statements';
import type { Article, DatasetEvent } from '../../../src/dataset/types';

const EVENT: DatasetEvent = {
  id: 'singapore-summit-2018',
  name: 'Singapore summit',
  aliases: ['Trump–Kim summit', 'саммите в Сингапуре'],
  phrases: ['June 12 summit'],
  date: '2018-06-12',
  place: 'Singapore',
  description: '',
};

const article = (id: string, title: string, ...paragraphs: string[]): Article => ({
  id,
  file: `${id}.txt`,
  outlet: 'x',
  title,
  published: null,
  url: null,
  language: null,
  paragraphs,
});

describe('articles about the event', () => {
  it('name it by its name, an alias or a phrase, in any case, hyphenation or script', () => {
    const about = articlesAbout(EVENT, [
      article('name', 'Talks', 'Before the SINGAPORE SUMMIT, …'),
      article('alias', 'Trump-Kim Summit off'),
      article('russian', 'Путин', 'Путин заявил о саммите в Сингапуре.'),
      article('phrase', 'Talks', 'the planned June 12 summit'),
      article('other', 'Summit in Singapore?', 'A summit; Singapore; June 12.'),
    ]);
    expect([...about]).toEqual(['name', 'alias', 'russian', 'phrase']);
  });

  it('works on a dataset written before events had phrases', () => {
    const { phrases: _, ...old } = EVENT;
    expect([...articlesAbout(old, [article('phrase', 'the June 12 summit')])]).toEqual([]);
    expect([...articlesAbout(old, [article('name', 'the Singapore summit')])]).toEqual(['name']);
  });
});
