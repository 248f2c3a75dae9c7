import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardController, type CardControllerOptions } from './card-controller';

/**
 * Entry of the card's own module (built by scripts/lib/card-chunk.ts, loaded by LazyCard).
 * Everything the card needs comes in as arguments: the module touches no extension API.
 */
export function createCard(
  ctx: ContentScriptContext,
  options: CardControllerOptions,
  signal: AbortSignal,
): CardController {
  return new CardController(ctx, options, signal);
}
