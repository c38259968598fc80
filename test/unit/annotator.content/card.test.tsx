// happy-dom, not jsdom: WXT's test setup cannot run under jsdom (esbuild's TextEncoder check).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardController, CLOSE_GRACE_MS } from '@/entrypoints/annotator.content/card';
import { collectText } from '@/lib/annotator/extract/text';
import { type AnnotationGroup, Highlights } from '@/lib/annotator/highlight/highlights';
import { fakeHighlightApi } from '../annotator/highlight/fake-highlights';
import { facts } from '../shared/card/facts';

const DWELL_MS = 500;

let ctx: ContentScriptContext;
let card: CardController;
let group: AnnotationGroup;
let pageKeyDown: (event: Partial<KeyboardEvent>) => void;

/** The card's host while a card is open (its content is in a closed shadow root). */
const openCard = () => document.querySelector('backstory-tooltip');

beforeEach(async () => {
  fakeBrowser.reset();
  document.body.innerHTML =
    '<article><p>Christopher Wray spoke today.</p></article><button id="page">Page button</button>';
  // jsdom lays nothing out: the annotation gets a box, so the card has somewhere to go.
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
    new DOMRect(10, 10, 120, 16),
  ] as unknown as DOMRectList);
  const highlights = new Highlights({ api: fakeHighlightApi() });
  const article = document.querySelector('article') as HTMLElement;
  await highlights.update(collectText(article), [
    { start: 0, end: 16, kind: 'entity', factId: 'wray', text: 'Christopher Wray' },
  ]);
  group = highlights.groups[0] as AnnotationGroup;
  vi.useFakeTimers();
  ctx = new ContentScriptContext('test');
  // jsdom cannot make a trusted event: the page-wide keydown listener is called as the browser would.
  const listen = vi.spyOn(ctx, 'addEventListener');
  card = new CardController(ctx, {
    highlights,
    facts: () => facts,
    delayMs: () => DWELL_MS,
    save: vi.fn(),
  });
  const keydown = listen.mock.calls.find(
    ([target, type]) => target === document && type === 'keydown',
  );
  if (!keydown) throw new Error('the card controller listens for no keydown on the page');
  const listener = keydown[2] as (event: Event) => void;
  pageKeyDown = (event) => listener(event as Event);
});

afterEach(() => {
  // The host hangs off <html>, which outlives each test's body.
  card.close();
  ctx.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the card controller, from the pointer', () => {
  it('opens the card only once the pointer has dwelt on the annotation', () => {
    card.hover({ on: 'annotation', group });
    vi.advanceTimersByTime(DWELL_MS - 1);
    expect(openCard()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(openCard()?.isConnected).toBe(true);
  });

  it('opens nothing when the pointer moves on before the dwell', () => {
    card.hover({ on: 'annotation', group });
    vi.advanceTimersByTime(DWELL_MS - 100);
    card.hover({ on: 'page' });
    vi.advanceTimersByTime(DWELL_MS * 4);
    expect(openCard()).toBeNull();
  });

  it('keeps the card open while the pointer is on it, and closes it after the grace once it leaves', () => {
    card.hover({ on: 'annotation', group });
    vi.advanceTimersByTime(DWELL_MS);
    card.hover({ on: 'card' });
    vi.advanceTimersByTime(10_000);
    expect(openCard()?.isConnected).toBe(true);

    card.hover({ on: 'page' });
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 1);
    expect(openCard()?.isConnected).toBe(true);
    vi.advanceTimersByTime(1);
    expect(openCard()).toBeNull();
  });

  it('keeps the card when the pointer comes back within the grace', () => {
    card.hover({ on: 'annotation', group });
    vi.advanceTimersByTime(DWELL_MS);
    card.hover({ on: 'page' });
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 50);
    card.hover({ on: 'annotation', group });
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 4);
    expect(openCard()?.isConnected).toBe(true);
  });

  it('closes on Escape and leaves the page’s focus where it was', () => {
    const button = document.getElementById('page') as HTMLButtonElement;
    button.focus();
    card.hover({ on: 'annotation', group });
    vi.advanceTimersByTime(DWELL_MS);
    expect(openCard()?.isConnected).toBe(true);
    // A card the pointer opened never takes focus from the page.
    expect(document.activeElement).toBe(button);

    pageKeyDown({ isTrusted: true, key: 'Escape', target: document.body });
    expect(openCard()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('ignores an Escape the page made up', () => {
    card.hover({ on: 'annotation', group });
    vi.advanceTimersByTime(DWELL_MS);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    pageKeyDown({ isTrusted: false, key: 'Escape', target: document.body });
    expect(openCard()?.isConnected).toBe(true);
  });
});
