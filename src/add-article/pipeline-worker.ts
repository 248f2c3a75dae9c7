/// <reference lib="webworker" />
/**
 * Runs the dataset pipeline for "Add this article" off the page's thread, so the page stays
 * responsive on a long article and the reader can stop it (the page terminates this worker).
 */
import { addArticle, type ArticleInput } from '../dataset';
import type { Dataset } from '../dataset/types';
import type { PipelineReply } from './run-pipeline';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<{ dataset: Dataset; input: ArticleInput }>) => {
  const { dataset, input } = event.data;
  const post = (reply: PipelineReply) => self.postMessage(reply);
  try {
    const addition = addArticle(dataset, input, (fraction) => post({ type: 'progress', fraction }));
    post({ type: 'done', addition });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
