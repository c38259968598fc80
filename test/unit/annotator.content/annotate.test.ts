import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PageAnnotator } from '@/entrypoints/annotator.content/annotate';
import { packSlice } from '@/lib/shared/facts/page-slice';
import type { Annotation } from '@/lib/shared/match/types';
import type { MessageMap, PageMatch } from '@/lib/shared/messages';
import { inCorpusMarkup, NEWS_HOSTS } from '../../fixtures/corpus-page';
import { REPORT } from '../../fixtures/on-topic';
import { facts } from '../shared/card/facts';

/** A stand-in for the CSS Custom Highlight API, which happy-dom does not have. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

const TERM = 'Christopher Wray';
let registry: Map<string, FakeHighlight>;
let enabled: boolean;
let counts: number[];

/** The background's answer: every occurrence of TERM in the text the annotator sent. */
function match(text: string): PageMatch {
  const annotations: Annotation[] = [];
  for (let at = text.indexOf(TERM); at >= 0; at = text.indexOf(TERM, at + TERM.length)) {
    annotations.push({
      start: at,
      end: at + TERM.length,
      kind: 'entity',
      factId: 'wray',
      text: TERM,
    });
  }
  return { enabled, cardDelayMs: 500, annotations, facts: packSlice(facts, annotations) };
}

/** The page's text under our highlights, as the reader sees it marked. */
function drawn(): string[] {
  return [...(registry.get('backstory-entity') ?? [])].map((range) => (range as Range).toString());
}

beforeEach(() => {
  fakeBrowser.reset();
  registry = new Map();
  Object.assign(window, { Highlight: FakeHighlight, CSS: { highlights: registry } });
  enabled = true;
  counts = [];
  // The background's side, in its envelope: matching the article text; each announcement taken.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, data } = message as {
      type: string;
      data: MessageMap['annotator:background:match']['request'];
    };
    const value = type === 'annotator:background:match' ? match(data.text) : undefined;
    return Promise.resolve({ ok: true, value });
  });
  showPage(page);
});

afterEach(() => vi.restoreAllMocks());

/**
 * A real news page's body and title, without what would load from the network: cleaned in jsdom,
 * which fetches nothing, as happy-dom would fetch stylesheets and frames.
 */
function cleanPage(html: string): { title: string; body: string } {
  const parsed = new JSDOM(html).window.document;
  for (const loads of parsed.querySelectorAll(
    'script, link, style, iframe, img, picture, video, object',
  )) {
    loads.remove();
  }
  return { title: parsed.title, body: parsed.body.innerHTML };
}

const page = cleanPage(inCorpusMarkup(NEWS_HOSTS[0], REPORT));

function showPage({ title, body }: typeof page): void {
  document.title = title;
  document.body.innerHTML = body;
}

function annotator(): PageAnnotator {
  return new PageAnnotator(new AbortController().signal, {
    onAnnotated: (count) => counts.push(count),
    onDropped: () => {},
  });
}

// Readability over a real news page takes seconds on a busy machine.
describe('the page annotator', { timeout: 30_000 }, () => {
  it('draws the annotations the background returns over the page’s own text', async () => {
    const page = annotator();
    await page.annotate(true);
    expect(drawn().length).toBeGreaterThan(0);
    expect(new Set(drawn())).toEqual(new Set([TERM]));
    expect(counts.at(-1)).toBe(page.highlights.groups.length);
    expect(page.facts.entities.has('wray')).toBe(true);
  });

  it('clears everything when the background says Backstory is paused', async () => {
    const page = annotator();
    await page.annotate(true);
    enabled = false;
    await page.annotate(false);
    expect(drawn()).toEqual([]);
    expect(page.highlights.groups).toEqual([]);
    expect(counts.at(-1)).toBe(0);
  });
});
