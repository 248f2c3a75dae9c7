export { documentsOf, RecordLookup, TITLE_CHARS } from './documents';
export type { SearchDoc, SearchKind, Shown, ShownSource } from './documents';
export {
  buildSearchIndex,
  INDEX_VERSION,
  SearchIndex,
  searchAll,
  type SearchResult,
  type SearchSource,
  type SerializedIndex,
} from './search-index';
export { LibraryIndex } from './library-index';
export { syncIndex, type SyncResult } from './sync-index';
export { normalise, tokenize } from './text';
