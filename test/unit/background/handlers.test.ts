/**
 * The background's answers to pages, through its real message listener with fakeBrowser: checking
 * the detector's text, injecting the annotator once per document, and matching an article's text
 * into annotations with only the slice of the fact base they use.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '@/entrypoints/background';
import { DEFAULT_SETTINGS } from '@/lib/shared/defaults';
import { saveYours } from '@/lib/shared/facts/stored';
import type { MessageMap, MessageType, Result } from '@/lib/shared/messages';
import { settingsItem } from '@/lib/shared/storage';
import { readerEntities } from '../../fixtures/reader-pack';

type Listener = (message: unknown, sender: unknown, respond: (v: unknown) => void) => unknown;
let listeners: Listener[] = [];

const PAGE = { tab: { id: 4 }, frameId: 0, documentId: 'doc-1', url: 'https://news.example/a' };

/** Sends a message to the background as a page would, and resolves with its answer's value. */
function ask<T extends MessageType>(
  type: T,
  data: MessageMap[T]['request'],
  sender: object = PAGE,
): Promise<MessageMap[T]['response']> {
  // Chrome answers through sendResponse (a returned promise is not enough there).
  return new Promise((resolve, reject) => {
    const respond = (reply: Result<MessageMap[T]['response']>) =>
      reply.ok ? resolve(reply.value) : reject(new Error(reply.error));
    for (const listener of listeners) listener({ type, data }, sender, respond as never);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  listeners = [];
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
    listeners.push(l as Listener);
  });
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue();
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue('backstory-add');
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
  background.main();
});

const ARTICLE =
  'Homeland Security Secretary Alejandro Mayorkas said North Korea had stolen $3bn in crypto currency.';

describe('the background, answering pages', () => {
  it('checks the detector’s text, and says off while paused or on a site switched off', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue();
    const offTopic = { text: 'The council met on Tuesday to review the season.' };
    expect(await ask('detector:background:check', offTopic)).toEqual({
      enabled: true,
      injected: false,
    });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] });
    await vi.waitFor(async () =>
      expect(await ask('detector:background:check', { text: ARTICLE })).toEqual({
        enabled: false,
        injected: false,
      }),
    );
    const elsewhere = { ...PAGE, url: 'https://other.example/' };
    expect((await ask('detector:background:check', offTopic, elsewhere)).enabled).toBe(true);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true });
    await vi.waitFor(async () =>
      expect((await ask('detector:background:check', offTopic, elsewhere)).enabled).toBe(false),
    );
  });

  it('injects the annotator and its stylesheet into a frame whose text names the fact base, once per document', async () => {
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const css = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue();
    const named = { enabled: true, injected: true };
    expect(await ask('detector:background:check', { text: ARTICLE })).toEqual(named);
    expect(await ask('detector:background:check', { text: ARTICLE })).toEqual(named);
    const target = { tabId: 4, frameIds: [0] };
    expect(execute.mock.calls).toEqual([[{ target, files: ['/content-scripts/annotator.js'] }]]);
    expect(css.mock.calls).toEqual([[{ target, files: ['/content-scripts/annotator.css'] }]]);
    // A new document in the tab gets its own.
    await ask('detector:background:check', { text: ARTICLE }, { ...PAGE, documentId: 'doc-2' });
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it('matches an article’s text and sends only the facts its annotations use', async () => {
    await saveYours({
      format: 1,
      name: 'My facts',
      sources: [{ id: 'reader-source', title: 'Reader notes' }],
      entities: readerEntities(5_000),
      claims: [],
    });
    const match = await ask('annotator:background:match', { text: ARTICLE });
    expect(match.enabled).toBe(true);
    expect(match.cardDelayMs).toBe(DEFAULT_SETTINGS.cardDelayMs);
    const found = match.annotations.map((a) => ARTICLE.slice(a.start, a.end));
    expect(found).toContain('Alejandro Mayorkas');
    // Every map as entries (messages are JSON in Chromium), holding only what the cards read.
    const entityIds = match.facts.entities.map(([id]) => id);
    expect(entityIds.length).toBeGreaterThan(0);
    expect(entityIds.length).toBeLessThan(20);
    expect(entityIds.some((id) => id.startsWith('reader-'))).toBe(false);
    expect(JSON.parse(JSON.stringify(match))).toEqual(match);
  });

  it('matches with the reader’s new facts once they are saved, and nothing when paused', async () => {
    const text = 'Noor Quell7 Varga spoke to reporters.';
    expect((await ask('annotator:background:match', { text })).annotations).toEqual([]);
    await saveYours({
      format: 1,
      name: 'My facts',
      sources: [{ id: 'reader-source', title: 'Reader notes' }],
      entities: readerEntities(10),
      claims: [],
    });
    await vi.waitFor(async () => {
      const match = await ask('annotator:background:match', { text });
      expect(match.annotations.map((a) => a.factId)).toEqual(['reader-7']);
      expect(match.facts.entities.map(([id]) => id)).toEqual(['reader-7']);
    });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true });
    await vi.waitFor(async () =>
      expect(await ask('annotator:background:match', { text })).toMatchObject({
        enabled: false,
        annotations: [],
      }),
    );
  });
});
