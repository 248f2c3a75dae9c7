import type { ArticleAddition, ArticleInput } from '../dataset';
import type { Dataset } from '../dataset/types';

/** What the pipeline worker posts back. */
export type PipelineReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; addition: ArticleAddition }
  | { type: 'error'; message: string };

/** The reader stopped the pipeline. */
export class PipelineStopped extends Error {}

/**
 * Runs `addArticle` in a Web Worker: the add page keeps answering while a long article is
 * read, reports progress, and `signal` stops the work at once (the worker is terminated).
 */
export function runPipeline(
  dataset: Dataset,
  input: ArticleInput,
  { onProgress, signal }: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<ArticleAddition> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new PipelineStopped());
    const worker = new Worker(new URL('./pipeline-worker.ts', import.meta.url), {
      type: 'module',
    });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', stop);
    };
    const stop = () => {
      finish();
      reject(new PipelineStopped());
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<PipelineReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress?.(reply.fraction);
      finish();
      if (reply.type === 'done') resolve(reply.addition);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the pipeline worker failed'));
    };
    worker.postMessage({ dataset, input });
  });
}
