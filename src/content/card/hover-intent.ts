/** Timings of the hover card, in ms. `showDelay` is the user's setting. */
export interface HoverTimings {
  /** Rest this long on a mention before fetching its card data. */
  fetchDelay: number;
  /** Rest this long before showing the card. */
  showDelay: number;
  /** Close this long after the pointer has left both the mention and the card. */
  hideDelay: number;
}

export const DEFAULT_TIMINGS: HoverTimings = { fetchDelay: 150, showDelay: 500, hideDelay: 300 };

export interface HoverIntentCallbacks<T> {
  fetch(target: T): void;
  show(target: T): void;
  hide(): void;
}

/**
 * Decides when the card opens and closes, from pointer and keyboard events, the way page
 * previews do: fetch early, show after a rest, close after a grace period, stay while pinned.
 * No DOM here: the controller feeds it events, so the timing rules are unit-tested alone.
 */
export class HoverIntent<T> {
  private pending: ReturnType<typeof setTimeout>[] = [];
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private candidate: T | null = null;
  private shown: T | null = null;
  private overCard = false;
  private overMention = false;
  pinned = false;

  constructor(
    private readonly callbacks: HoverIntentCallbacks<T>,
    private timings: HoverTimings = DEFAULT_TIMINGS,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  setTimings(timings: HoverTimings): void {
    this.timings = timings;
  }

  get current(): T | null {
    return this.shown;
  }

  /** The pointer came to rest on a mention (or moved to another one). */
  enterMention(target: T): void {
    this.overMention = true;
    this.cancelHide();
    if (this.shown !== null && this.same(this.shown, target)) return;
    if (this.candidate !== null && this.same(this.candidate, target)) return;
    if (this.pinned) return;
    this.clearPending();
    this.candidate = target;
    this.pending.push(
      setTimeout(() => this.callbacks.fetch(target), this.timings.fetchDelay),
      setTimeout(() => this.open(target), this.timings.showDelay),
    );
  }

  /** The pointer is no longer on a mention. */
  leaveMention(): void {
    this.overMention = false;
    if (this.shown === null) {
      this.clearPending();
      this.candidate = null;
      return;
    }
    this.scheduleHide();
  }

  enterCard(): void {
    this.overCard = true;
    this.cancelHide();
  }

  leaveCard(): void {
    this.overCard = false;
    this.scheduleHide();
  }

  /** Keyboard focus or a tap: open now, no delay. */
  openNow(target: T): void {
    this.clearPending();
    this.cancelHide();
    this.callbacks.fetch(target);
    this.open(target);
  }

  /** Esc, a click elsewhere, or a setting turning us off: close at once, pinned or not. */
  close(): void {
    this.clearPending();
    this.cancelHide();
    this.candidate = null;
    this.pinned = false;
    if (this.shown !== null) {
      this.shown = null;
      this.callbacks.hide();
    }
  }

  destroy(): void {
    this.clearPending();
    this.cancelHide();
  }

  private open(target: T): void {
    this.candidate = null;
    this.shown = target;
    this.callbacks.show(target);
  }

  private scheduleHide(): void {
    if (this.pinned || this.overCard || this.overMention || this.shown === null) return;
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.close(), this.timings.hideDelay);
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private clearPending(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending = [];
  }
}
