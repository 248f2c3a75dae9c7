export { addArticle, buildDataset } from './pipeline';
export type { ArticleAddition, ArticleInput, DatasetWarning } from './pipeline';
export { validateDataset, DatasetError } from './validate';
export {
  InputError,
  MetadataSchema,
  lineOfKey,
  ReferenceFiles,
  parseJsonFile,
  referenceFromFiles,
  type ReferenceData,
} from './reference';
export type * from './types';
