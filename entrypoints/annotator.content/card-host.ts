/**
 * The one element Backstory adds to a page: `<backstory-tooltip>`, beside `<body>`, with a closed
 * shadow root holding the card. Made here rather than with WXT's shadow-root UI helper, whose
 * auto-mount machinery the content script would carry unused (8 KB of the bundle's budget).
 */
import { render } from 'preact';
import { CARD_HOST } from '@/lib/shared/content/instance';

export interface CardHost {
  /** The element in the page; events from inside the card appear to come from it. */
  host: HTMLElement;
  /** Where Preact renders the card. */
  container: HTMLElement;
  /** Puts the host on the page (again). */
  mount(): void;
  /** Unmounts the card's Preact tree, then takes the host off the page. */
  remove(): void;
}

/** A host styled by `css` (its `:host` rules reset everything a page could pass on). */
export function createCardHost(css: string, signal: AbortSignal): CardHost {
  const host = document.createElement(CARD_HOST);
  // Closed: a page cannot read a reader's facts out of the card.
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);
  // Keys pressed inside the card are not the page's to act on.
  for (const type of ['keydown', 'keyup', 'keypress']) {
    container.addEventListener(type, (event) => event.stopPropagation(), { signal });
  }
  return {
    host,
    container,
    // Beside <body>, not in it: transforms, filters or zoom on the page's body cannot reach it.
    mount: () => document.documentElement.append(host),
    remove() {
      render(null, container);
      host.remove();
    },
  };
}
