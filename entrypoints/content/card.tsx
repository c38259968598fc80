/**
 * The card next to a mark: opens after a dwell or at once on focus, stays while the pointer is on the
 * mark or the card, closes after a grace period, on Escape, or when focus and pointer have both left.
 * One card at a time, in the open shadow root of `<backstory-tooltip>`.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { type Highlights, MARK_TAG, type MarkGroup } from '@/lib/highlight/highlights';
import { Card } from '@/lib/ui/Card';
import cardCss from '@/lib/ui/card.css?inline';
import { cardDataFor, type FactLookup } from '@/lib/ui/card-data';
import { placeCard } from '@/lib/ui/position';
import { themeBehind } from '@/lib/ui/theme';

/** How long after the pointer left both mark and card the card closes (DESIGN.md). */
export const CLOSE_GRACE_MS = 300;

const FOCUSABLE = 'a[href], button, [tabindex]:not([tabindex="-1"])';

/** The mark an event target is in, if any. */
function markOf(target: EventTarget | null): HTMLElement | null {
  const node = target as Node | null;
  const el = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  return el?.closest<HTMLElement>(MARK_TAG) ?? null;
}

export interface CardOptions {
  highlights: Highlights;
  facts: () => FactLookup;
  /** Dwell before a hovered mark's card opens (settings.cardDelayMs). */
  delayMs: () => number;
}

/** Opens and closes the card in response to the pointer, focus and keys, until `ctx` ends. */
export class CardController {
  private ui?: Promise<ShadowRootContentScriptUi<void>>;
  private mounted?: ShadowRootContentScriptUi<void>;
  private current?: { group: MarkGroup; mark: HTMLElement };
  private openTimer?: number;
  private closeTimer?: number;
  private pointerInside = false;
  private focusWithout = false;
  private repositionFrame = 0;
  /** Increases on every open and close, so a slow open cannot undo a later close. */
  private ticket = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: CardOptions,
  ) {
    const on = <K extends keyof DocumentEventMap>(
      type: K,
      listener: (event: DocumentEventMap[K]) => void,
    ) => ctx.addEventListener(document, type, listener, { capture: true });
    on('pointerover', (e) => this.onPointerOver(e));
    on('pointerout', (e) => this.onPointerOut(e));
    on('focusin', (e) => this.onFocusIn(e));
    on('focusout', (e) => this.onFocusOut(e));
    on('keydown', (e) => this.onKeyDown(e));
    const reposition = () => this.scheduleReposition();
    ctx.addEventListener(window, 'scroll', reposition, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', reposition, { passive: true });
  }

  /** The mark whose card is open, if any. */
  get openMark(): HTMLElement | undefined {
    return this.current?.mark;
  }

  /** Focuses `mark` (which opens its card), scrolling it to the middle of the view. */
  focusMark(mark: HTMLElement): void {
    mark.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (document.activeElement === mark) void this.open(mark);
    else mark.focus({ preventScroll: true });
  }

  /** Closes the card; with `returnFocus`, puts focus back on its mark without reopening it. */
  close(returnFocus = false): void {
    this.cancelTimers();
    this.ticket++;
    const mark = this.current?.mark;
    this.current = undefined;
    this.pointerInside = false;
    this.mounted?.remove();
    this.mounted = undefined;
    if (returnFocus && mark?.isConnected) this.focusQuietly(mark);
  }

  private async open(mark: HTMLElement): Promise<void> {
    this.cancelTimers();
    const ticket = ++this.ticket;
    const group = this.options.highlights.groupOf(mark);
    const data = group && cardDataFor(group.annotation, this.options.facts());
    if (!group || !data || !mark.isConnected) return;
    this.ui ??= this.createUi();
    const ui = await this.ui;
    // A close (or a newer open) while the host was being created wins.
    if (ticket !== this.ticket || this.ctx.isInvalid) return;
    this.current = { group, mark };
    if (!this.mounted) {
      ui.mount();
      this.mounted = ui;
    }
    render(<Card data={data} theme={themeBehind(mark)} />, ui.uiContainer);
    this.reposition();
  }

  private createUi(): Promise<ShadowRootContentScriptUi<void>> {
    return createShadowRootUi(this.ctx, {
      name: 'backstory-tooltip',
      position: 'inline',
      anchor: 'body',
      mode: 'open',
      css: cardCss,
      // Preact renders on open; mounting only attaches the empty host.
      onMount: () => undefined,
      onRemove: () => {
        const container = this.mounted?.uiContainer;
        if (container) render(null, container);
      },
    }).then((ui) => {
      const { signal } = this.ctx;
      ui.shadowHost.addEventListener(
        'pointerenter',
        () => {
          this.pointerInside = true;
          clearTimeout(this.closeTimer);
        },
        { signal },
      );
      ui.shadowHost.addEventListener(
        'pointerleave',
        () => {
          this.pointerInside = false;
          this.closeSoon();
        },
        { signal },
      );
      return ui;
    });
  }

  /** The card element inside the shadow root, while open. */
  private cardElement(): HTMLElement | null {
    return this.mounted?.uiContainer.querySelector<HTMLElement>('.card') ?? null;
  }

  private reposition(): void {
    const card = this.cardElement();
    const mark = this.current?.mark;
    if (!card || !mark) return;
    // The page (or a re-run) replaced the mark: a card pointing at nothing must go.
    if (!mark.isConnected) {
      this.close();
      return;
    }
    card.style.maxHeight = '';
    const anchor = mark.getBoundingClientRect();
    const place = placeCard(anchor, card.getBoundingClientRect(), {
      width: document.documentElement.clientWidth,
      height: window.innerHeight,
    });
    card.style.top = `${place.top}px`;
    card.style.left = `${place.left}px`;
    card.style.maxHeight = `${place.maxHeight}px`;
    card.dataset.side = place.side;
  }

  private scheduleReposition(): void {
    if (!this.current || this.repositionFrame) return;
    this.repositionFrame = this.ctx.requestAnimationFrame(() => {
      this.repositionFrame = 0;
      this.reposition();
    });
  }

  private isInside(target: EventTarget | null): boolean {
    const host = this.mounted?.shadowHost;
    if (host && target === host) return true;
    const mark = markOf(target);
    return !!mark && !!this.current && this.options.highlights.groupOf(mark) === this.current.group;
  }

  private onPointerOver(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    const mark = markOf(event.target);
    if (!mark || !this.options.highlights.groupOf(mark)) return;
    this.pointerInside = true;
    if (this.isInside(mark)) {
      clearTimeout(this.closeTimer);
      return;
    }
    clearTimeout(this.openTimer);
    this.openTimer = this.ctx.setTimeout(() => void this.open(mark), this.options.delayMs());
  }

  private onPointerOut(event: PointerEvent): void {
    if (event.pointerType === 'touch' || !markOf(event.target)) return;
    if (this.isInside(event.relatedTarget) && this.isInside(event.target)) return;
    clearTimeout(this.openTimer);
    this.pointerInside = false;
    this.closeSoon();
  }

  private closeSoon(): void {
    if (!this.current) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = this.ctx.setTimeout(() => {
      if (!this.pointerInside && !this.hasFocus()) this.close();
    }, CLOSE_GRACE_MS);
  }

  /** True while focus is on the open card's mark or inside the card. */
  private hasFocus(): boolean {
    return this.isInside(document.activeElement);
  }

  private onFocusIn(event: FocusEvent): void {
    const mark = markOf(event.target);
    if (!mark || this.focusWithout || this.isInside(mark)) return;
    void this.open(mark);
  }

  private onFocusOut(event: FocusEvent): void {
    if (!this.current || !this.isInside(event.target) || this.isInside(event.relatedTarget)) return;
    if (!this.pointerInside) this.close();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.current) return;
    const inCard = event.target === this.mounted?.shadowHost;
    const onMark = !inCard && this.isInside(event.target);
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close(inCard || onMark);
    } else if (event.key === 'Tab' && onMark && !event.shiftKey) {
      event.preventDefault();
      this.focusIntoCard();
    } else if (event.key === 'Tab' && inCard) {
      this.tabOutOfCard(event);
    }
  }

  private focusIntoCard(): void {
    const card = this.cardElement();
    (card?.querySelector<HTMLElement>(FOCUSABLE) ?? card)?.focus({ preventScroll: true });
  }

  /**
   * Leaving the card by Tab goes back to the mark: Shift+Tab stays there with the card open; Tab
   * closes the card and lets the browser continue to whatever follows the mark on the page.
   */
  private tabOutOfCard(event: KeyboardEvent): void {
    const card = this.cardElement();
    const inner = event.composedPath()[0];
    const focusables = card ? [...card.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
    const mark = this.current?.mark;
    if (!mark) return;
    if (event.shiftKey && (inner === card || inner === focusables[0])) {
      event.preventDefault();
      this.focusQuietly(mark);
    } else if (!event.shiftKey && (inner === card || inner === focusables.at(-1))) {
      this.close(true);
    }
  }

  /** Focuses `mark` without opening its card again. */
  private focusQuietly(mark: HTMLElement): void {
    this.focusWithout = true;
    try {
      mark.focus({ preventScroll: true });
    } finally {
      this.focusWithout = false;
    }
  }

  private cancelTimers(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
  }
}
