/**
 * The popup's wiring: which tab, its summary from the content script, and the switches in storage.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/defaults';
import { type PageSummary, sendToTab } from '@/lib/shared/messages';
import { isSiteEnabled, shouldAnnotate, siteOf, withSiteEnabled } from '@/lib/shared/sites';
import { readSettings, updateSettings, watchSettings } from '@/lib/shared/storage';
import { PopupView, type SummaryState } from './PopupView';

// After switching back on, the content script needs a moment to annotate again.
const RETRY_MS = 150;
const RETRIES = 20;

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

/** Asks the tab for its summary, retrying while it says it is not enabled but `wantEnabled` is. */
async function fetchSummary(tabId: number, wantEnabled: boolean): Promise<PageSummary> {
  let summary = await sendToTab(tabId, 'popup:content:summary', undefined);
  for (let i = 0; wantEnabled && !summary.enabled && i < RETRIES; i++) {
    await new Promise((done) => setTimeout(done, RETRY_MS));
    summary = await sendToTab(tabId, 'popup:content:summary', undefined);
  }
  return summary;
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

  const load = useCallback(async (tabId: number | undefined, wantEnabled: boolean) => {
    if (tabId === undefined) return setState({ status: 'unavailable' });
    try {
      setState({ status: 'ready', summary: await fetchSummary(tabId, wantEnabled) });
    } catch {
      // No content script answers on browser pages (chrome://, the web store, PDFs).
      setState({ status: 'unavailable' });
    }
  }, []);

  useEffect(() => {
    void targetTab()
      .catch((): TargetTab => ({}))
      .then((found) => {
        setTab(found);
        return load(found.id, false);
      });
  }, [load]);

  const change = async (apply: (s: Settings) => Settings) => {
    const next = await updateSettings(apply);
    const enabled = site === undefined ? !next.paused : shouldAnnotate(next, site);
    if (enabled) await load(tab?.id, true);
  };

  return (
    <PopupView
      state={state}
      site={site}
      siteEnabled={siteEnabled}
      paused={settings.paused}
      optionsUrl={browser.runtime.getURL('/options.html')}
      onSiteEnabled={(enabled) => {
        if (site !== undefined) void change((s) => withSiteEnabled(s, site, enabled));
      }}
      onPaused={(paused) => void change((s) => ({ ...s, paused }))}
      onReveal={(id) => {
        if (tab?.id !== undefined) void sendToTab(tab.id, 'popup:content:reveal', { id });
      }}
    />
  );
}
