import type { ArticleAddition } from '../dataset';
import { extractArticle } from '../dataset/html';
import type { Dataset, Outlet } from '../dataset/types';
import { Library } from '../library/library';
import { loadMergedDataset } from '../library/merged-dataset';
import { inputForPage, libraryIdFor, outletForPage, type PageArticle } from '../library/review';
import { sendToTab } from '../shared/messaging';
import { runPipeline } from './run-pipeline';
import { t } from '../shared/i18n';

/** Everything the review needs: what the pipeline found and what it can be corrected to. */
export interface Draft {
  page: PageArticle;
  addition: ArticleAddition;
  outlet: Outlet;
  newOutlet: boolean;
  dataset: Dataset;
}

/** Why a page cannot be added, in words for the reader. */
export class AddError extends Error {}

/**
 * Reads the article in `tabId` and runs the dataset pipeline on it against the bundled
 * dataset and the library. The page's markup is parsed here, in the extension page, by
 * DOMParser (scripts never run) and read by Readability; the pipeline runs in a worker
 * (`work` reports its progress and can stop it).
 */
export async function draftFromTab(
  tabId: number,
  work: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<Draft> {
  let reply;
  try {
    reply = await sendToTab(tabId, 'tab:article', {});
  } catch {
    throw new AddError(t('addCannotReadTab'));
  }
  const doc = new DOMParser().parseFromString(reply.html, 'text/html');
  const extracted = extractArticle(doc);
  if (!extracted || extracted.text.split('\n').length < 2) {
    throw new AddError(t('addNoArticle'));
  }
  const page: PageArticle = {
    url: reply.url,
    title: extracted.title || reply.title,
    text: extracted.text,
    siteName: extracted.siteName,
    published: extracted.published,
  };
  return Library.use(async (library) => {
    if (await library.get(libraryIdFor(page.url))) {
      throw new AddError(t('addAlreadyInLibrary'));
    }
    const dataset = await loadMergedDataset(library);
    if (dataset.articles.some((a) => a.url === page.url)) {
      throw new AddError(t('addAlreadyBundled'));
    }
    const { outlet, isNew } = outletForPage(dataset.outlets, page.url, page.siteName);
    const withOutlet = isNew ? { ...dataset, outlets: [...dataset.outlets, outlet] } : dataset;
    const addition = await runPipeline(withOutlet, inputForPage(page, outlet.id), work);
    return { page, addition, outlet, newOutlet: isNew, dataset: withOutlet };
  });
}
