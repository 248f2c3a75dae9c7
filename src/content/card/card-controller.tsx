import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { CardData } from '../../cards/build-card';
import type { CardSnapshot } from '../../shared/protocol';
import { Card } from './Card';
import cardCss from './card.css?inline';
import coverageCss from '../../ui/coverage/coverage.css?inline';
import { DEFAULT_TIMINGS, HoverIntent, type HoverTimings } from './hover-intent';
import { UI_HOST_NAME } from '../../shared/packaged-files';
import { t } from '../../shared/i18n';

/** Events inside the card that act on it; synthetic ones are stopped before they reach it. */
const UNTRUSTED_BLOCKED = ['click', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'input'];

function dropUntrusted(e: Event): void {
  if (!e.isTrusted) e.stopImmediatePropagation();
}

/** A mention the card can be shown for. */
export interface CardTarget {
  /** Person or event id. */
  entity: string;
  /** Their name, shown while the card's data loads. */
  name: string | null;
  /** Unique per mention on the page, so moving between mentions of one person reopens nothing. */
  key: string;
  /** A fresh live Range over the mention, or null once its text is gone. */
  range(): Range | null;
  /** Text around the mention, to find which statement the page itself quotes. */
  context(): string;
}

export interface CardControllerOptions {
  loadCard(entity: string, pageText: string): Promise<CardData | null>;
  openCompare(articles: string[]): void;
  timings?: HoverTimings;
}

interface State {
  target: CardTarget | null;
  data: CardData | null;
  error: string | null;
  pinned: boolean;
}

/**
 * Owns the one hover card: when it opens and closes (HoverIntent), its data, its place next
 * to the mention (floating-ui) and focus. The shadow root is created on first use, so a page
 * nobody hovers keeps its DOM untouched.
 */
export class CardController {
  private readonly intent: HoverIntent<CardTarget>;
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private mounting: Promise<void> | null = null;
  private container: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private readonly cache = new Map<string, Promise<CardData | null>>();
  private state: State = { target: null, data: null, error: null, pinned: false };
  private stopPositioning: (() => void) | null = null;
  private returnFocus: Element | null = null;
  private destroyed = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: CardControllerOptions,
    signal: AbortSignal,
  ) {
    this.intent = new HoverIntent<CardTarget>(
      {
        fetch: (t) => void this.load(t),
        show: (t) => void this.show(t),
        hide: () => this.hide(),
      },
      options.timings ?? DEFAULT_TIMINGS,
      (a, b) => a.key === b.key,
    );
    document.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    document.addEventListener('pointerdown', (e) => this.onPointerDown(e), {
      capture: true,
      signal,
    });
    signal.addEventListener('abort', () => this.destroy());
  }

  setTimings(timings: HoverTimings): void {
    this.intent.setTimings(timings);
  }

  /** The mention under the pointer, or null; called on every (throttled) pointer move. */
  hover(target: CardTarget | null): void {
    if (target) this.intent.enterMention(target);
    else this.intent.leaveMention();
  }

  /** Opens the card at once, from the keyboard (focus moves into it) or a tap. */
  openNow(target: CardTarget, { focus }: { focus: boolean }): void {
    if (focus) this.returnFocus = document.activeElement;
    this.intent.openNow(target);
    if (focus) void this.focusCard();
  }

  close(): void {
    this.intent.close();
  }

  get isOpen(): boolean {
    return this.state.target !== null;
  }

  /** The host element, if the UI was ever created; for hit tests that must ignore our UI. */
  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /**
   * The open card as the reader sees it, or null; for our own extension pages only. `expand`
   * opens its folded rows first (for screenshots).
   */
  snapshot(expand = false): CardSnapshot | null {
    const dialog = this.container?.querySelector('[role="dialog"]');
    if (!dialog) return null;
    if (expand) dialog.querySelectorAll('details').forEach((d) => (d.open = true));
    const card = this.cardElement();
    const texts = (root: ParentNode, selector: string) =>
      [...root.querySelectorAll(selector)].map((e) => e.textContent ?? '');
    const group = dialog.querySelector('[data-testid="page-row"]')?.closest('.group') ?? null;
    const box = card?.getBoundingClientRect();
    return {
      label: dialog.getAttribute('aria-label'),
      text: (dialog.textContent ?? '').replace(/\s+/g, ' '),
      removed: texts(dialog, 'del.diff'),
      added: texts(dialog, 'ins.diff'),
      marked: texts(dialog, 'mark.diff'),
      focused: document.activeElement === this.host && this.shadow?.activeElement === dialog,
      versions: dialog.querySelector('.versions') !== null,
      background: card ? getComputedStyle(card).backgroundColor : '',
      rect: { x: box?.x ?? 0, y: box?.y ?? 0, width: box?.width ?? 0, height: box?.height ?? 0 },
      pageRows: group
        ? [...group.querySelectorAll('.version')].map((v) => ({
            outlets: texts(v, '.outlet'),
            versions: Number(v.getAttribute('data-versions')),
            page: v.querySelector('[data-testid="page-row"]') !== null,
            marked: texts(v, 'mark.diff'),
            text: (v.querySelector('.text')?.textContent ?? '').replace(/\s+/g, ' '),
          }))
        : null,
      more: group?.querySelector('details > summary')?.textContent ?? null,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.intent.destroy();
    this.stopPositioning?.();
    this.ui?.remove();
    this.ui = null;
  }

  private load(target: CardTarget): Promise<CardData | null> {
    const pageText = target.context();
    const key = `${target.entity}\u0000${pageText}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.options.loadCard(target.entity, pageText);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return pending;
  }

  private async show(target: CardTarget): Promise<void> {
    await this.mount();
    if (this.destroyed || this.intent.current?.key !== target.key) return;
    this.state = { target, data: null, error: null, pinned: this.intent.pinned };
    this.render();
    this.position(target);
    try {
      const data = await this.load(target);
      if (this.state.target?.key !== target.key) return;
      this.state = {
        ...this.state,
        data,
        error: data ? null : t('nothingAboutThis'),
      };
    } catch {
      if (this.state.target?.key !== target.key) return;
      this.state = { ...this.state, error: t('cardLoadFailed') };
    }
    this.render();
  }

  private hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.state = { target: null, data: null, error: null, pinned: false };
    this.render();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement || back instanceof SVGElement)
      back.focus({ preventScroll: true });
  }

  private async mount(): Promise<void> {
    if (this.ui) return;
    this.mounting ??= (async () => {
      const ui = await createShadowRootUi<void>(this.ctx, {
        name: UI_HOST_NAME,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        // Closed: nothing in the card (names, library statements) is reachable from the page.
        mode: 'closed',
        // Inlined, not a web-accessible file: pages cannot probe for the extension by URL.
        css: `${coverageCss}\n${cardCss}`,
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: (container, shadow) => {
          const layer = document.createElement('div');
          layer.className = 'layer';
          container.append(layer);
          // Only the reader's own input acts on the card (pin, close, compare, hover).
          for (const type of UNTRUSTED_BLOCKED) {
            shadow.addEventListener(type, dropUntrusted, { capture: true });
          }
          layer.addEventListener('pointerenter', (e) => e.isTrusted && this.intent.enterCard());
          layer.addEventListener('pointerleave', (e) => e.isTrusted && this.intent.leaveCard());
          this.container = layer;
          this.shadow = shadow;
        },
        onRemove: () => {
          if (this.container) render(null, this.container);
          this.container = null;
        },
      });
      // Our host takes no room in the page's layout, whatever the page's CSS.
      ui.shadowHost.style.setProperty('position', 'fixed', 'important');
      ui.shadowHost.style.setProperty('inset', '0 auto auto 0', 'important');
      ui.shadowHost.style.setProperty('width', '0', 'important');
      ui.shadowHost.style.setProperty('height', '0', 'important');
      ui.shadowHost.style.setProperty('z-index', '2147483647', 'important');
      ui.mount();
      this.ui = ui;
    })();
    await this.mounting;
  }

  private render(): void {
    if (!this.container) return;
    const { target, data, error, pinned } = this.state;
    render(
      target ? (
        <Card
          name={target?.name ?? null}
          data={data}
          error={error}
          pinned={pinned}
          onPin={() => {
            this.intent.pinned = !this.intent.pinned;
            this.state = { ...this.state, pinned: this.intent.pinned };
            this.render();
          }}
          onClose={() => this.intent.close()}
          onCompare={(articles) => this.options.openCompare(articles)}
        />
      ) : null,
      this.container,
    );
  }

  private cardElement(): HTMLElement | null {
    return this.container?.querySelector<HTMLElement>('.card') ?? null;
  }

  private position(target: CardTarget): void {
    this.stopPositioning?.();
    const card = this.cardElement();
    if (!card) return;
    const reference: VirtualElement = {
      getBoundingClientRect: () => target.range()?.getBoundingClientRect() ?? new DOMRect(),
      getClientRects: () => target.range()?.getClientRects() ?? ([] as unknown as DOMRectList),
    };
    const update = () => {
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight, elements }) {
              elements.floating.style.maxHeight = `${Math.max(160, Math.min(640, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
      });
    };
    const anchorNode = target.range()?.startContainer.parentElement ?? document.body;
    this.stopPositioning = autoUpdate({ ...reference, contextElement: anchorNode }, card, update, {
      animationFrame: false,
    });
  }

  private async focusCard(): Promise<void> {
    await this.mount();
    // The card renders on show(); wait a frame for it.
    await new Promise((r) => requestAnimationFrame(r));
    this.cardElement()?.focus({ preventScroll: true });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    if (e.key === 'Escape' && this.isOpen) {
      e.stopPropagation();
      this.intent.close();
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if (!e.isTrusted || !this.isOpen || this.intent.pinned) return;
    const host = this.host;
    if (host && e.composedPath().includes(host)) return;
    this.intent.close();
  }
}
