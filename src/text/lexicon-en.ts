/**
 * The English the statement pipeline reads: the verbs that introduce speech, the titles that
 * stand before a name, the words that open a sentence without being its subject, the
 * capitalised words that are never a person. One list each, in one place, so attribution,
 * the people registry and sentence splitting agree, and a missed verb is fixed once.
 * Lists, not regular expressions: `alternation` turns one into a pattern where it is used.
 */

/** Verbs that introduce a quotation or reported speech, in any tense the news uses. */
// prettier-ignore
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'adding', 'told', 'tells', 'telling', 'wrote',
  'writes', 'writing', 'stated', 'noted', 'noting', 'stressed', 'warned', 'warning',
  'explained', 'insisted', 'argued', 'arguing', 'asked', 'replied', 'continued', 'declared',
  'announced', 'announcing', 'remarked', 'commented', 'posted', 'tweeted', 'emphasized',
  'emphasised', 'admitted', 'acknowledged', 'claimed', 'suggested', 'recalled', 'urged',
  'predicted', 'concluded', 'saying', 'promised', 'agreed', 'echoed', 'hoped', 'threatened',
  'described', 'vowed', 'pledged', 'complained', 'expressed', 'lamented', 'conceded',
  'cautioned', 'countered', 'admits', 'admit', 'vows', 'warns', 'insists', 'claims', 'urges',
  'describes', 'continues', 'called',
] as const;

/** Speech verbs that may close a sentence whose subject stands far before ("…, X, the head of …, said."). */
// prettier-ignore
export const CLOSING_VERBS = [
  'said', 'says', 'added', 'wrote', 'told', 'stated', 'argued', 'noted', 'explained',
  'insisted', 'warned', 'recalled', 'continued',
] as const;

/** Speech verbs that may come before their speaker, right after a quotation (",” said X"). */
// prettier-ignore
export const INVERTED_VERBS = [
  'said', 'says', 'added', 'wrote', 'asked', 'continued', 'explained', 'recalled', 'noted',
  'argued', 'told',
] as const;

/** Participles whose speaker is the sentence's subject ("…, adding that …"). */
// prettier-ignore
export const SPEECH_PARTICIPLES = [
  'adding', 'saying', 'noting', 'telling', 'writing', 'warning', 'arguing', 'announcing',
] as const;

/** Verbs that introduce reported speech ("X said that …"). */
// prettier-ignore
export const REPORTING_VERBS = [
  'said', 'says', 'told', 'announced', 'added', 'adding', 'saying', 'stressed', 'noted',
  'noting', 'argued', 'warned', 'insisted', 'promised', 'agreed', 'expressed', 'admitted',
  'acknowledged', 'claimed', 'suggested', 'declared', 'predicted', 'vowed', 'pledged',
] as const;

/** Role nouns a speaker is referred back to with ("the senator said"), as written. */
// prettier-ignore
export const ROLE_NOUNS = [
  'senator', 'Senator', 'MP', 'lawmaker', 'president', 'President', 'leader', 'minister',
  'Minister', 'premier', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'ambassador',
  'chairman', 'chancellor', 'diplomat', 'congressman', 'congresswoman', 'governor', 'secretary',
  'Secretary',
] as const;

/** Abbreviated honorifics before a name ("Mr Obama", "Sen. Graham"), without the full stop. */
export const HONORIFICS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Rep', 'Gov', 'Gen'] as const;

/** Titles written before a name ("President Barack Obama"). */
// prettier-ignore
export const TITLES = [
  'President', 'Prime Minister', 'Senator', 'Representative', 'Governor', 'Secretary',
  'Minister', 'Ambassador', 'Chancellor', 'King', 'Queen', 'Prince', 'Pope', 'Judge', 'Justice',
] as const;

/** Titles whose following name is taken as a new person's ("Foreign Minister X"); longest first where one holds another. */
// prettier-ignore
export const NAMING_TITLES = [
  'President', 'Prime Minister', 'Senator', 'Sen.', 'Representative', 'Rep.', 'Governor',
  'Secretary of State', 'Foreign Minister', 'Defense Minister', 'Minister', 'Ambassador',
  'Chancellor',
] as const;

/** Words that open a sentence before its subject ("But Putin said …"). */
// prettier-ignore
export const SENTENCE_OPENERS = [
  'But', 'And', 'So', 'Yet', 'However', 'Meanwhile', 'Still', 'Also', 'Then', 'Now', 'Instead',
] as const;

/** Capitalised words that are never a person's name: function words, calendar, places, institutions. */
// prettier-ignore
export const NOT_NAMES = [
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'But', 'And', 'Or', 'In', 'On', 'At',
  'By', 'For', 'From', 'With', 'After', 'Before', 'During', 'When', 'While', 'If', 'As', 'It',
  'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Our', 'My', 'Its', 'There',
  'Here', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'North', 'South', 'East', 'West', 'United', 'Russian',
  'American', 'French', 'Chinese', 'Korean', 'Israeli', 'Palestinian', 'British', 'European',
  'US', 'U.S.', 'UN', 'U.N.', 'White', 'State', 'Federal', 'National', 'Supreme', 'House',
  'Senate', 'Congress', 'Parliament', 'Kremlin', 'Pentagon', 'Washington', 'Moscow', 'Seoul',
  'Pyongyang', 'Beijing', 'Tokyo', 'Jerusalem', 'Russia', 'America', 'China', 'Korea',
  'Israel', 'Iran', 'Syria', 'Ukraine', 'Japan', 'Europe', 'Democrat', 'Democrats',
  'Republican', 'Republicans', 'Brookings', 'Institution', 'Party', 'Committee', 'Council',
  'Ministry', 'Department', 'Agency', 'Office', 'Reuters', 'AFP', 'AP', 'CNN', 'BBC', 'RT',
  'Interfax', 'Facebook', 'Twitter',
] as const;

/**
 * Capitalised words that may stand before a surname without being a given name ("Mr Trump",
 * "When Trump"): the matcher still takes the surname alone as a mention.
 */
// prettier-ignore
export const NOT_GIVEN_NAMES = [
  'A', 'An', 'And', 'As', 'At', 'But', 'By', 'For', 'From', 'He', 'If', 'In', 'It', 'Its', 'Mr',
  'Mrs', 'Ms', 'Dr', 'Of', 'On', 'Or', 'She', 'So', 'That', 'The', 'Then', 'There', 'They', 'This',
  'Though', 'To', 'Under', 'Was', 'We', 'When', 'Where', 'While', 'Why', 'With', 'Yet', 'After',
  'Before', 'Since', 'Although', 'Because', 'How', 'What', 'Who', 'Whom', 'Did', 'Does', 'Do',
  'Has', 'Had', 'Have', 'Is', 'Are', 'Were', 'Will', 'Would', 'Can', 'Could', 'Should', 'Said',
  'Says', 'Meanwhile', 'However', 'Also', 'Both', 'Neither', 'Nor', 'Not', 'Only', 'Even', 'Than',
  'Like', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mister',
] as const;

/** What after a surname shows another person ("Trump Jr.") or no person ("trump cards"). */
export const NAME_SUFFIXES = ['Jr', 'Sr'] as const;
export const SURNAME_AS_WORD = ['card', 'cards'] as const;
/**
 * Words before a surname's -s form that make it a family, not the person: "the Trumps",
 * "both Trumps" (where German's genitive "Trumps Brief" is him). Either case of the first letter.
 */
// prettier-ignore
export const FAMILY_DETERMINERS = [
  'the', 'both', 'all', 'other', 'two', 'three', 'these', 'those', 'young', 'elder', 'younger',
] as const;

/** Abbreviations whose full stop does not end a sentence ("Mr.", "Jan.", "U.S."). */
// prettier-ignore
export const ABBREVIATIONS = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'Jr', 'Sr', 'St', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Maj',
  'Capt', 'Prof', 'Inc', 'Ltd', 'Co', 'vs', 'No', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul',
  'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
] as const;

/** `words` as a regular-expression alternation, each escaped ("U.S." matches only itself). */
export function alternation(words: readonly string[]): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** A test for a whole word of `words` (exact case). */
export function oneOf(words: readonly string[]): (word: string) => boolean {
  const set = new Set<string>(words);
  return (word) => set.has(word);
}

/**
 * English function words: they say nothing about which remark a text reports (statement
 * linking). Other languages get no list; their common words weigh little through IDF instead.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an and or but nor of to in on at for with by from as is are was were be been being am ' +
    'it its this that these those he she they we you i his her their our my your him them us me ' +
    'not no so if then than there here have has had having do does did done doing will would ' +
    'can could should may might must shall also very just about into over after before up out ' +
    'which who whom whose what when where while because said says say saying told tell ' +
    'some any all each such own same other only too s t ll d re ve m'
  ).split(' '),
);

/** Common irregular English verb forms and their base, so "blew" meets "blowing". */
export const IRREGULAR_VERBS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'blew:blow blown:blow took:take taken:take heard:hear went:go gone:go made:make saw:see ' +
    'seen:see thought:think came:come got:get gotten:get gave:give given:give knew:know ' +
    'known:know began:begin begun:begin broke:break broken:break brought:bring ran:run ' +
    'wrote:write written:write held:hold kept:keep left:leave lost:lose met:meet paid:pay ' +
    'sent:send spent:spend stood:stand understood:understand won:win fought:fight sought:seek ' +
    'bought:buy caught:catch taught:teach felt:feel fell:fall fallen:fall found:find led:lead ' +
    'meant:mean chose:choose chosen:choose spoke:speak spoken:speak threw:throw thrown:throw ' +
    'drew:draw drawn:draw grew:grow grown:grow hid:hide hidden:hide rose:rise risen:rise ' +
    'became:become forgot:forget forgotten:forget built:build sold:sell'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** English words too common to narrow a search; ignored in queries unless they are all there is. */
export const QUERY_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for from had has have he her his i in is it its of on or ' +
    'our she that the their they this to was we were will with would you'
  ).split(' '),
);
