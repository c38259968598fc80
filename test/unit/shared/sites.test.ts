import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/shared/defaults';
import { isSiteEnabled, shouldAnnotate, siteOf, withSiteEnabled } from '@/lib/shared/sites';

describe('siteOf', () => {
  it('is the hostname, as location.hostname gives it', () => {
    expect(siteOf('https://WWW.Example.org:8080/a?b#c')).toBe('www.example.org');
    expect(siteOf('http://127.0.0.1:5000/article.html')).toBe('127.0.0.1');
    expect(siteOf('https://news.example.org/')).toBe('news.example.org');
  });

  it('is undefined for pages Backstory never annotates', () => {
    expect(siteOf('chrome://extensions')).toBeUndefined();
    expect(siteOf('file:///tmp/a.html')).toBeUndefined();
    expect(siteOf('')).toBeUndefined();
  });
});

describe('switching sites', () => {
  it('remembers switched-off sites, sorted and once each', () => {
    const off = withSiteEnabled(withSiteEnabled(DEFAULT_SETTINGS, 'b.org', false), 'a.org', false);
    expect(withSiteEnabled(off, 'a.org', false).disabledSites).toEqual(['a.org', 'b.org']);
    expect(isSiteEnabled(off, 'a.org')).toBe(false);
    expect(isSiteEnabled(off, 'c.org')).toBe(true);
    const on = withSiteEnabled(off, 'a.org', true);
    expect(on.disabledSites).toEqual(['b.org']);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });

  it('annotates only when not paused and the site is on', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'a.org', false);
    expect(shouldAnnotate(off, 'a.org')).toBe(false);
    expect(shouldAnnotate(off, 'b.org')).toBe(true);
    expect(shouldAnnotate({ ...off, paused: true }, 'b.org')).toBe(false);
  });
});
