import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App } from '@/entrypoints/popup/App';
import { DEFAULT_SETTINGS } from '@/lib/shared/defaults';
import type { PageSummary } from '@/lib/shared/messages';
import { settingsItem } from '@/lib/shared/storage';
import { sendLikeABrowser } from '../browser-messaging';
import { renderRoot } from '../render-root';

const SUMMARY: PageSummary = {
  url: 'https://news.example/a',
  enabled: true,
  isArticle: true,
  article: { title: 'Cyber threats', readingMinutes: 3 },
  entities: [
    {
      id: 'wray',
      name: 'Christopher Wray',
      kind: 'person',
      mentions: [{ id: 7, text: 'Christopher Wray' }],
    },
  ],
  figures: [],
  restated: [],
  sources: [],
};

const root = renderRoot();

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  history.replaceState(null, '', '/popup.html?tabId=5');
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 5 } as never);
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

function siteSwitch(): HTMLInputElement {
  const input = root.querySelector<HTMLInputElement>('input[role="switch"]');
  if (!input) throw new Error('no switch');
  return input;
}

describe('the popup', () => {
  it('asks the tab given as ?tabId for its summary and reveals entities there', async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(async (_tab, message) => ({
        ok: true,
        value: (message as { type: string }).type === 'popup:content:summary' ? SUMMARY : true,
      }));
    render(<App />, root);
    await vi.waitFor(() => expect(root.querySelector('h2')?.textContent).toBe('Cyber threats'));
    root.querySelector<HTMLButtonElement>('.entities button')?.click();
    expect(send.mock.calls).toEqual([
      [5, { type: 'popup:content:summary', data: undefined }],
      [5, { type: 'popup:content:reveal', data: { id: 7 } }],
    ]);
  });

  it('remembers the switch per site, by the page’s hostname', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: SUMMARY });
    render(<App />, root);
    await vi.waitFor(() => expect(siteSwitch().checked).toBe(true));
    siteSwitch().click();
    await vi.waitFor(async () =>
      expect(await settingsItem.getValue()).toEqual({
        ...DEFAULT_SETTINGS,
        disabledSites: ['news.example'],
      }),
    );
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe(
        'Backstory is switched off for this site.',
      ),
    );
  });

  it('asks again, once, each time the background says its tab was annotated (and no other tab)', async () => {
    const paused: PageSummary = { ...SUMMARY, enabled: false, article: undefined, entities: [] };
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValueOnce({ ok: true, value: paused })
      .mockResolvedValue({ ok: true, value: SUMMARY });
    sendLikeABrowser();
    render(<App />, root);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await fakeBrowser.runtime.sendMessage({
      type: 'background:popup:annotated',
      data: { tabId: 6, count: 2 },
    });
    expect(send).toHaveBeenCalledTimes(1);
    await fakeBrowser.runtime.sendMessage({
      type: 'background:popup:annotated',
      data: { tabId: 5, count: 1 },
    });
    await vi.waitFor(() => expect(root.querySelector('h2')?.textContent).toBe('Cyber threats'));
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('says it cannot run where no content script answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('No receiving end'));
    render(<App />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe(
        'Backstory can’t run on this page.',
      ),
    );
    expect(siteSwitch().disabled).toBe(true);
  });
});
