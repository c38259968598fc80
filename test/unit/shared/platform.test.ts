import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installContextMenu, setBadge, shortcutSettings } from '@/lib/shared/platform';

// fakeBrowser has the MV3 shape (`action`, Chrome's `commands`); each test reshapes it into the
// browser it simulates, and the original properties are put back afterwards.
const replaced: Array<[object, PropertyKey, unknown]> = [];

function replace(target: object, key: PropertyKey, value: unknown): void {
  replaced.push([target, key, Reflect.get(target, key)]);
  Reflect.set(target, key, value);
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  for (const [target, key, value] of replaced.reverse()) Reflect.set(target, key, value);
  replaced.length = 0;
  vi.restoreAllMocks();
});

type BadgeApi = Pick<typeof fakeBrowser.action, 'setBadgeText' | 'setBadgeBackgroundColor'>;

function spyOnBadge(api: BadgeApi) {
  return {
    text: vi.spyOn(api, 'setBadgeText').mockResolvedValue(undefined),
    color: vi.spyOn(api, 'setBadgeBackgroundColor').mockResolvedValue(undefined),
  };
}

describe('setBadge', () => {
  it('uses `action` in Chromium MV3', async () => {
    const badge = spyOnBadge(fakeBrowser.action);
    await setBadge(7, 12);
    expect(badge.text).toHaveBeenCalledExactlyOnceWith({ tabId: 7, text: '12' });
    expect(badge.color).toHaveBeenCalledExactlyOnceWith({ tabId: 7, color: '#1d3557' });
  });

  it('uses `browserAction` in Firefox MV2, where `action` does not exist', async () => {
    replace(fakeBrowser, 'action', undefined);
    // The MV2 API has the same two methods; only its callback overloads differ in the types.
    const badge = spyOnBadge(fakeBrowser.browserAction as unknown as BadgeApi);
    await setBadge(3, 1);
    expect(badge.text).toHaveBeenCalledExactlyOnceWith({ tabId: 3, text: '1' });
    expect(badge.color).toHaveBeenCalledExactlyOnceWith({ tabId: 3, color: '#1d3557' });
  });

  it('clears the badge for zero without setting a colour', async () => {
    const badge = spyOnBadge(fakeBrowser.action);
    await setBadge(7, 0);
    expect(badge.text).toHaveBeenCalledExactlyOnceWith({ tabId: 7, text: '' });
    expect(badge.color).not.toHaveBeenCalled();
  });
});

describe('installContextMenu', () => {
  it('removes existing items before creating, so a second start does not duplicate the id', async () => {
    const calls: string[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {
      calls.push('removeAll');
    });
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((item) => {
      calls.push(`create ${item.id}`);
      return item.id ?? '';
    });
    const item: Parameters<typeof installContextMenu>[0] = {
      id: 'add-fact',
      title: 'Add to Backstory…',
      contexts: ['selection'],
    };
    await installContextMenu(item);
    await installContextMenu(item);
    expect(calls).toEqual(['removeAll', 'create add-fact', 'removeAll', 'create add-fact']);
  });
});

describe('shortcutSettings', () => {
  it('points Chromium readers to chrome://extensions/shortcuts and opens it in a tab', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    const settings = shortcutSettings();
    expect(settings?.where).toBe('chrome://extensions/shortcuts');
    await settings?.open();
    expect(createTab).toHaveBeenCalledExactlyOnceWith({ url: 'chrome://extensions/shortcuts' });
  });

  it("opens Firefox's own shortcut manager through commands.openShortcutSettings", async () => {
    const openShortcutSettings = vi.fn(async () => {});
    replace(fakeBrowser.commands, 'openShortcutSettings', openShortcutSettings);
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    const settings = shortcutSettings();
    expect(settings?.where).toBe(
      'about:addons → ⚙ (Tools for all add-ons) → Manage Extension Shortcuts',
    );
    await settings?.open();
    expect(openShortcutSettings).toHaveBeenCalledOnce();
    expect(createTab).not.toHaveBeenCalled();
  });

  it('is null where the browser has no keyboard shortcuts (Firefox for Android)', () => {
    replace(fakeBrowser, 'commands', undefined);
    expect(shortcutSettings()).toBeNull();
  });
});
