/**
 * Which site a page belongs to, and whether Backstory annotates it. A site is the page's hostname
 * exactly as `location.hostname` gives it, which is what the content script checks.
 */
import type { Settings } from '@/lib/shared/defaults';

/** The site key of a page URL, or undefined for pages that are not http(s) (nothing to annotate). */
export function siteOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.hostname;
}

/** True when the reader has not switched the site off (pause is a separate, global setting). */
export function isSiteEnabled(settings: Settings, site: string): boolean {
  return !settings.disabledSites.includes(site);
}

/** The settings with the site switched on or off; the list stays sorted and free of duplicates. */
export function withSiteEnabled(settings: Settings, site: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== site);
  const disabledSites = enabled ? others : [...others, site].sort();
  return { ...settings, disabledSites };
}

/** True when Backstory should annotate pages of `site` right now. */
export function shouldAnnotate(settings: Settings, site: string): boolean {
  return !settings.paused && isSiteEnabled(settings, site);
}
