import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { createCard } from './card-chunk';
import type { CardController, CardControllerOptions, CardTarget } from './card-controller';
import type { HoverTimings } from './hover-intent';
import type { CardSnapshot } from '../../shared/protocol';
import { CARD_MODULE_FILE } from '../../shared/packaged-files';

/** Path of the card's module in the build (scripts/lib/card-chunk.ts writes it). */
const CARD_MODULE = `/${CARD_MODULE_FILE}` as const;

/**
 * Stands in for the card until a reader needs it: the card's code (Preact, floating-ui, the
 * card itself) is a module of its own, imported on the first hover or reveal, so the content
 * script on every page is only the scanner. Calls made while it loads are replayed.
 */
export class LazyCard {
  #card: CardController | null = null;
  #loading: Promise<CardController | null> | null = null;
  #lastHover: CardTarget | null = null;
  #destroyed = false;

  readonly #ctx: ContentScriptContext;
  readonly #options: CardControllerOptions;
  readonly #signal: AbortSignal;

  constructor(ctx: ContentScriptContext, options: CardControllerOptions, signal: AbortSignal) {
    this.#ctx = ctx;
    this.#options = options;
    this.#signal = signal;
  }

  hover(target: CardTarget | null): void {
    if (this.#card) return this.#card.hover(target);
    this.#lastHover = target;
    if (target) void this.#load().then((card) => card?.hover(this.#lastHover));
  }

  openNow(target: CardTarget, how: { focus: boolean }): void {
    void this.#load().then((card) => card?.openNow(target, how));
  }

  setTimings(timings: HoverTimings): void {
    this.#options.timings = timings;
    this.#card?.setTimings(timings);
  }

  /** Our shadow-root host, once the card has been shown. */
  get host(): HTMLElement | null {
    return this.#card?.host ?? null;
  }

  /** The open card's content, for our own extension pages (null while none is open). */
  snapshot(expand = false): CardSnapshot | null {
    return this.#card?.snapshot(expand) ?? null;
  }

  destroy(): void {
    this.#destroyed = true;
    this.#card?.destroy();
  }

  #load(): Promise<CardController | null> {
    this.#loading ??= (
      import(/* @vite-ignore */ browser.runtime.getURL(CARD_MODULE)) as Promise<{
        createCard: typeof createCard;
      }>
    ).then(
      (module) => {
        if (this.#destroyed || this.#ctx.isInvalid) return null;
        this.#card = module.createCard(this.#ctx, this.#options, this.#signal);
        return this.#card;
      },
      (error: unknown) => {
        console.warn('[Counterpoint] the card could not be loaded', error);
        this.#loading = null; // try again on the next hover
        return null;
      },
    );
    return this.#loading;
  }
}
