/**
 * The card next to an annotation. From the pointer: opens after a dwell, stays while the pointer is
 * on the annotation or the card, closes after a grace period or on Escape; a tap opens it at once.
 * From the keyboard (commands, the popup, the card's Previous / Next): scrolls to the annotation,
 * shows it as current, opens the card with focus inside; Escape or Close puts focus and selection
 * back exactly where they were. One card at a time, in the closed shadow root of `<backstory-tooltip>`.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Card, cardTitle } from '@/lib/annotator/card/Card';
import cardCss from '@/lib/annotator/card/card.css?inline';
import { type FocusReturn, putBack, rememberFocus } from '@/lib/annotator/card/focus-return';
import { placeNextTo } from '@/lib/annotator/card/place';
import { themeBehind } from '@/lib/annotator/card/theme';
import type { AnnotationGroup, Highlights } from '@/lib/annotator/highlight/highlights';
import { scrollToGroup, stepGroup } from '@/lib/annotator/highlight/navigate';
import { cardDataFor, type FactLookup, noteTargetOf } from '@/lib/shared/card/card-data';
import type { NoteTarget } from '@/lib/shared/facts/schema';
import { type CardHost, createCardHost } from './card-host';
import type { PointerPlace } from './pointer';

/** How long after the pointer left both annotation and card the card closes (DESIGN.md). */
export const CLOSE_GRACE_MS = 300;

const FOCUSABLE = 'a[href], button:not([disabled])';

export interface CardOptions {
  highlights: Highlights;
  facts: () => FactLookup;
  /** Dwell before a hovered annotation's card opens (settings.cardDelayMs). */
  delayMs: () => number;
  /** "Save to my facts": a note about what the card shows, the page's words as its quote. */
  save(about: NoteTarget, quote?: string): void;
}

type Opener = 'pointer' | 'keyboard';

/** Opens and closes the card in response to the pointer, the keyboard and the popup, until `ctx` ends. */
export class CardController {
  private ui?: CardHost;
  private mounted?: CardHost;
  private current?: { group: AnnotationGroup; announce: boolean };
  private returnTo?: FocusReturn;
  private openTimer?: number;
  private closeTimer?: number;
  private pointerInside = false;
  private repositionFrame = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: CardOptions,
  ) {
    // Passive: Escape on the page closes a card without taking the key from the page.
    ctx.addEventListener(document, 'keydown', (e) => this.onPageKeyDown(e), {
      capture: true,
      passive: true,
    });
    const reposition = (event: Event) => {
      if (event.isTrusted) this.scheduleReposition();
    };
    ctx.addEventListener(window, 'scroll', reposition, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', reposition, { passive: true });
  }

  /** True for the card's host: where events from inside the card appear to come from. */
  isCard(target: EventTarget | null): boolean {
    return !!target && target === this.mounted?.host;
  }

  /** Scrolls to `group`, shows it as current and opens its card with focus inside. */
  show(group: AnnotationGroup): void {
    scrollToGroup(group);
    this.open(group, 'keyboard');
  }

  /** Moves the open card to the next (1) or previous (-1) annotation; from none, to the nearest. */
  step(direction: 1 | -1): void {
    const { groups } = this.options.highlights;
    const next = stepGroup(groups, this.current?.group, direction, window.innerHeight);
    if (!next) return;
    const announce = !!this.current && this.hasFocus();
    scrollToGroup(next);
    this.open(next, 'keyboard', announce);
  }

  /** The pointer moved onto an annotation, the card or elsewhere. */
  hover(place: PointerPlace): void {
    if (place.on === 'card') {
      this.pointerInside = true;
      clearTimeout(this.closeTimer);
      return;
    }
    clearTimeout(this.openTimer);
    if (place.on === 'annotation' && place.group === this.current?.group) {
      this.pointerInside = true;
      clearTimeout(this.closeTimer);
      return;
    }
    this.pointerInside = false;
    this.closeSoon();
    // A card the reader is working in with the keyboard stays until they leave it.
    if (place.on !== 'annotation' || this.hasFocus()) return;
    const { group } = place;
    this.openTimer = this.ctx.setTimeout(() => this.open(group, 'pointer'), this.options.delayMs());
  }

  /** A click or tap: on an annotation it opens its card at once, elsewhere on the page it closes. */
  tap(place: PointerPlace): void {
    if (place.on === 'card') return;
    if (place.on === 'annotation') {
      this.pointerInside = true;
      if (place.group !== this.current?.group) this.open(place.group, 'pointer');
    } else this.close();
  }

  /** Annotations the page changed or removed: a card about one of them must go. */
  dropped(groups: readonly AnnotationGroup[]): void {
    if (this.current && groups.includes(this.current.group)) this.close(true);
  }

  /** Closes the card; with `restoreFocus`, puts focus and selection back where they were. */
  close(restoreFocus = false): void {
    this.cancelTimers();
    const back = this.returnTo;
    const hadFocus = this.hasFocus();
    this.returnTo = undefined;
    this.current = undefined;
    this.pointerInside = false;
    this.options.highlights.setCurrent(undefined);
    // Before the host goes, so focus moves straight back and never lands on the page's body first.
    if (restoreFocus && hadFocus && back) putBack(back);
    this.mounted?.remove();
    this.mounted = undefined;
  }

  private open(group: AnnotationGroup, opener: Opener, announce = false): void {
    this.cancelTimers();
    const data = cardDataFor(group.annotation, this.options.facts());
    // An annotation the page has changed since (a timer's) open was asked for has no card.
    if (!data || this.ctx.isInvalid || this.options.highlights.groupById(group.id) !== group)
      return;
    this.ui ??= this.createUi();
    const ui = this.ui;
    const takeFocus = opener === 'keyboard' && !this.hasFocus();
    if (takeFocus) this.returnTo ??= rememberFocus();
    this.current = { group, announce };
    this.options.highlights.setCurrent(group);
    // Also when the page took the host out: it goes back, the card keeps working.
    if (!ui.host.isConnected) ui.mount();
    this.mounted = ui;
    this.render();
    this.reposition();
    if (takeFocus) this.cardElement()?.focus({ preventScroll: true });
  }

  private render(): void {
    const ui = this.mounted;
    const current = this.current;
    const data = current && cardDataFor(current.group.annotation, this.options.facts());
    if (!ui || !current || !data) return;
    const { groups } = this.options.highlights;
    const place = { index: groups.indexOf(current.group) + 1, total: groups.length };
    const anchor = current.group.ranges[0]?.startContainer.parentElement;
    render(
      <Card
        data={data}
        theme={anchor ? themeBehind(anchor) : 'light'}
        place={place}
        announcement={
          current.announce ? `${cardTitle(data)}, ${place.index} of ${place.total}` : undefined
        }
        onSave={() =>
          this.options.save(
            noteTargetOf(data),
            data.kind === 'claim' ? current.group.annotation.text : undefined,
          )
        }
        onPrevious={() => this.step(-1)}
        onNext={() => this.step(1)}
        onClose={() => this.close(true)}
      />,
      ui.container,
    );
  }

  private createUi(): CardHost {
    const ui = createCardHost(cardCss, this.ctx.signal);
    const on = <K extends keyof HTMLElementEventMap>(
      target: HTMLElement,
      type: K,
      listener: (event: HTMLElementEventMap[K]) => void,
    ) =>
      target.addEventListener(
        type,
        (event) => {
          if (event.isTrusted) listener(event);
        },
        { signal: this.ctx.signal },
      );
    on(ui.host, 'pointerenter', () => this.hover({ on: 'card' }));
    on(ui.host, 'pointerleave', () => {
      this.pointerInside = false;
      this.closeSoon();
    });
    on(ui.host, 'focusout', (event) => this.onFocusOut(event));
    on(ui.container, 'keydown', (event) => this.onCardKeyDown(event));
    // A disclosure opened or closed changes the card's height: place it again, never over the mark.
    ui.container.addEventListener('toggle', () => this.scheduleReposition(), {
      capture: true,
      signal: this.ctx.signal,
    });
    return ui;
  }

  /** The dialog element inside the shadow root, while open. */
  private cardElement(): HTMLElement | null {
    return this.mounted?.container.querySelector<HTMLElement>('.card') ?? null;
  }

  private reposition(): void {
    const card = this.cardElement();
    const group = this.current?.group;
    const host = this.mounted?.host;
    if (!card || !group || !host) return;
    // The page hid or moved the text: a card pointing at nothing must go.
    if (!placeNextTo(card, host, group)) this.close(true);
  }

  private scheduleReposition(): void {
    if (!this.current || this.repositionFrame) return;
    this.repositionFrame = this.ctx.requestAnimationFrame(() => {
      this.repositionFrame = 0;
      this.reposition();
    });
  }

  private closeSoon(): void {
    if (!this.current) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = this.ctx.setTimeout(() => {
      if (!this.pointerInside && !this.hasFocus()) this.close();
    }, CLOSE_GRACE_MS);
  }

  /** True while focus is inside the card. */
  private hasFocus(): boolean {
    return !!this.mounted && document.activeElement === this.mounted.host;
  }

  /** Focus left the card for the page (a click, or the browser's own keys): the card goes. */
  private onFocusOut(event: FocusEvent): void {
    if (!this.current || this.isCard(event.relatedTarget)) return;
    this.returnTo = undefined;
    if (!this.pointerInside) this.close();
  }

  /** Escape with focus on the page closes a card the pointer opened, and leaves focus alone. */
  private onPageKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted || !this.current || event.key !== 'Escape') return;
    // Keys inside the card reach this capturing listener first; the card handles those itself.
    if (this.isCard(event.target)) return;
    this.close();
  }

  /** Inside the card: Escape closes it; Tab out of either end closes it too, both returning focus. */
  private onCardKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
      return;
    }
    if (event.key !== 'Tab') return;
    const card = this.cardElement();
    const focusables = [...(card?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const inner = event.composedPath()[0];
    const leaving = event.shiftKey
      ? inner === card || inner === focusables[0]
      : inner === focusables.at(-1);
    if (!leaving) return;
    event.preventDefault();
    this.close(true);
  }

  private cancelTimers(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
  }
}
