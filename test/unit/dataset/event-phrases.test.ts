import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { expandPhrase, ReferenceFiles } from '../../../src/dataset/reference';

describe("an event's phrases in events.json", () => {
  it('expand every choice in braces', () => {
    expect(expandPhrase('{June 12|12 June} summit')).toEqual(['June 12 summit', '12 June summit']);
    expect(expandPhrase('{US|U.S.} {Kim|North Korea} summit')).toEqual([
      'US Kim summit',
      'US North Korea summit',
      'U.S. Kim summit',
      'U.S. North Korea summit',
    ]);
    expect(expandPhrase('summit in Singapore')).toEqual(['summit in Singapore']);
  });

  it('are validated like the other reference data: a broken template is refused', () => {
    const file = (phrases: string[]) => ({
      events: [
        {
          id: 'e',
          name: 'E',
          aliases: [],
          phrases,
          date: null,
          place: null,
          description: '',
          names: {},
        },
      ],
    });
    const schema = ReferenceFiles['events.json'];
    expect(v.safeParse(schema, file(['{a|b} summit'])).success).toBe(true);
    for (const bad of ['{a|b summit', '{a||b} summit', '{a|{b}} summit', '{} summit'])
      expect(v.safeParse(schema, file([bad])).success, bad).toBe(false);
  });
});
