export { addArticle, articleId, buildDataset, DATASET_VERSION } from './pipeline';
export type { ArticleAddition, ArticleInput, DatasetWarning } from './pipeline';
export { validateDataset, DatasetError } from './validate';
export {
  InputError,
  MetadataSchema,
  OutletDescriptionSchema,
  lineOfKey,
  ReferenceFiles,
  parseJsonFile,
  referenceFromFiles,
  type Metadata,
  type OutletDescription,
  type ReferenceData,
} from './reference';
export type * from './types';
