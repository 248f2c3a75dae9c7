/** One person or event as the matcher needs it; serialisable, sent to content scripts. */
export interface MatchEntity {
  id: string;
  kind: 'person' | 'event';
  /** Canonical name, shown in the popup's list. */
  name: string;
  /** Forms that always identify the entity: full names and their spelling variants. */
  fullNames: string[];
  /** Short forms safe on their own ("Putin"). */
  shortForms: string[];
  /** Short forms that count only when a full name of the entity is on the same page ("Kim"). */
  ambiguousShortForms: string[];
  /** Longer names of other people that contain one of our forms ("Kim Jong-il"). */
  namesakes: string[];
  /** Titles that may precede the name and belong in the highlight ("President"). */
  titles: string[];
}

/** Everything the content script needs to find mentions; built by the background. */
export interface MatcherSpec {
  version: 1;
  entities: MatchEntity[];
}

/** A mention in one block of text. */
export interface Mention {
  entity: string;
  kind: 'person' | 'event';
  /** Offsets into the block's text, end exclusive; the title, if any, is included. */
  start: number;
  end: number;
  /** A short form that counts only if the page also has a full name of the entity. */
  ambiguous: boolean;
  /** Whether this mention is a full name (it can confirm ambiguous short forms). */
  full: boolean;
}
