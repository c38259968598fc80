import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '@/entrypoints/background';
import { DEFAULT_SETTINGS, EMPTY_READER_PACK } from '@/lib/shared/defaults';
import { saveImported, saveYours } from '@/lib/shared/facts/stored';
import { settingsItem } from '@/lib/shared/storage';
import { deliver } from '../browser-messaging';

// fakeBrowser has no in-memory context menus or commands: keep the listeners the background adds.
type Listener = (...args: never[]) => unknown;
let menuClicked: Listener | undefined;
let commanded: Listener | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((l) => {
    menuClicked = l as Listener;
  });
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((l) => {
    commanded = l as Listener;
  });
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue();
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue('backstory-add');
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
});

describe('the background', () => {
  it('opens the options page prefilled when "Add to Backstory…" is chosen on a selection', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    // The page's content script knows the article's date.
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      ok: true,
      value: '2023-08-17T09:00:00Z',
    });
    background.main();
    await (menuClicked as (info: object, tab: object) => Promise<void>)(
      {
        menuItemId: 'backstory-add',
        editable: false,
        selectionText: 'stole over $1 billion',
        pageUrl: 'https://news.example/a?x=1',
      },
      { id: 5, title: 'Hackers & money', url: 'https://news.example/a?x=1' },
    );
    expect(ask).toHaveBeenCalledExactlyOnceWith(5, {
      type: 'background:content:published',
      data: undefined,
    });
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: 'chrome-extension://test-extension-id/options.html?figure=stole+over+%241+billion&sourceTitle=Hackers+%26+money&sourceUrl=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1&sourcePublished=2023-08-17',
    });
  });

  it('opens the form without a date when the page has no content script to ask', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    background.main();
    await (menuClicked as (info: object, tab: object) => Promise<void>)(
      {
        menuItemId: 'backstory-add',
        selectionText: 'Lazarus Group',
        pageUrl: 'https://x.example/',
      },
      { id: 5 },
    );
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: 'chrome-extension://test-extension-id/options.html?term=Lazarus+Group&sourceUrl=https%3A%2F%2Fx.example%2F',
    });
  });

  it('opens the form prefilled as a note when a card asks (“Save to my facts”)', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      ok: true,
      value: '2023-09-14T08:00:00Z',
    });
    background.main();
    await deliver(
      {
        type: 'content:background:save-note',
        data: {
          about: { kind: 'entity', id: 'christopher-wray' },
          quote: 'the most active in the world',
        },
      },
      { tab: { id: 3, title: 'North Korea’s hackers', url: 'https://news.example/a' } as never },
    );
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: 'chrome-extension://test-extension-id/options.html?about=entity%3Achristopher-wray&quote=the+most+active+in+the+world&sourceTitle=North+Korea%E2%80%99s+hackers&sourceUrl=https%3A%2F%2Fnews.example%2Fa&sourcePublished=2023-09-14',
    });
  });

  it('creates the menu, for selections only, every time the background starts', async () => {
    const removeAll = vi.mocked(fakeBrowser.contextMenus.removeAll);
    const create = vi.mocked(fakeBrowser.contextMenus.create);
    background.main();
    background.main();
    const item = { id: 'backstory-add', title: 'Add to Backstory…', contexts: ['selection'] };
    await vi.waitFor(() => expect(create.mock.calls).toEqual([[item], [item]]));
    // Each start clears what a previous one made, so Chrome never sees a duplicate id.
    expect(removeAll).toHaveBeenCalledTimes(2);
  });

  it('tells every tab when an imported pack or the reader’s own facts change', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    background.main();
    await saveImported([]);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await saveYours(EMPTY_READER_PACK);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
  });

  it('tells every tab at once when the settings change', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    background.main();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true });
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls).toEqual([
      [1, { type: 'background:content:changed', data: undefined }],
      [2, { type: 'background:content:changed', data: undefined }],
    ]);
  });

  it('passes keyboard commands to the active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42 } as never]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    background.main();
    (commanded as (command: string) => void)('next-mark');
    await vi.waitFor(() =>
      expect(send).toHaveBeenCalledExactlyOnceWith(42, {
        type: 'background:content:command',
        data: { command: 'next-mark' },
      }),
    );
  });

  it('sets the badge from a tab’s announced count and clears it when the tab navigates', async () => {
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    background.main();
    await deliver(
      { type: 'annotator:background:annotated', data: { count: 7 } },
      // Only the sender's tab id matters to the background.
      { tab: { id: 3 } as never },
    );
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading' }, { id: 3 } as never);
    await vi.waitFor(() =>
      expect(setText.mock.calls).toEqual([[{ tabId: 3, text: '7' }], [{ tabId: 3, text: '' }]]),
    );
  });
});
