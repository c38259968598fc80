/**
 * The popup's wiring: which tab, its summary from the content script, and the switches in storage.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/defaults';
import { onMessages, sendToTab } from '@/lib/shared/messages';
import { isSiteEnabled, siteOf, withSiteEnabled } from '@/lib/shared/sites';
import { readSettings, updateSettings, watchSettings } from '@/lib/shared/storage';
import { PopupView, type SummaryState } from './PopupView';

interface TargetTab {
  id?: number;
  url?: string;
}

/** The tab given as `?tabId=N`, else the active tab of the current window. */
async function targetTab(): Promise<TargetTab> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? {};
}

/** The tab's summary, or unavailable when nothing of Backstory answers there. */
async function fetchSummary(tabId: number | undefined): Promise<SummaryState> {
  if (tabId === undefined) return { status: 'unavailable' };
  const reply = await sendToTab(tabId, 'popup:content:summary', undefined);
  // No content script answers on browser pages (chrome://, the web store, PDFs).
  return reply.ok ? { status: 'ready', summary: reply.value } : { status: 'unavailable' };
}

export function App() {
  const [tab, setTab] = useState<TargetTab>();
  const [state, setState] = useState<SummaryState>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    void readSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  const site = siteOf((state.status === 'ready' && state.summary.url) || tab?.url || '');
  const siteEnabled = site === undefined || isSiteEnabled(settings, site);

  // Asks once, then again each time the background says the tab was (re)annotated: after a switch
  // or a new fact, the page announces its new annotations when they are drawn.
  useEffect(() => {
    const life = new AbortController();
    void targetTab()
      .catch((): TargetTab => ({}))
      .then(async (found) => {
        setTab(found);
        const reload = async () => {
          const next = await fetchSummary(found.id);
          if (!life.signal.aborted) setState(next);
        };
        onMessages(
          {
            'background:popup:annotated': ({ tabId }) => {
              if (tabId === found.id) void reload();
              return undefined;
            },
          },
          life.signal,
        );
        await reload();
      });
    return () => life.abort();
  }, []);

  const change = (apply: (s: Settings) => Settings) => void updateSettings(apply);

  return (
    <PopupView
      state={state}
      site={site}
      siteEnabled={siteEnabled}
      paused={settings.paused}
      optionsUrl={browser.runtime.getURL('/options.html')}
      onSiteEnabled={(enabled) => {
        if (site !== undefined) change((s) => withSiteEnabled(s, site, enabled));
      }}
      onPaused={(paused) => change((s) => ({ ...s, paused }))}
      onReveal={(id) => {
        if (tab?.id !== undefined) void sendToTab(tab.id, 'popup:content:reveal', { id });
      }}
    />
  );
}
