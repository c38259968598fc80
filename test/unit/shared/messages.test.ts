/**
 * Every request travels through one helper and comes back as a Result: the receiver's answer, or
 * why there is none in words — never a rejection, never `undefined` passed off as an answer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onMessages, sendToExtension, sendToTab } from '@/lib/shared/messages';
import { NO_RECEIVER, sendLikeABrowser } from '../browser-messaging';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  sendLikeABrowser();
});

describe('the Result envelope', () => {
  it('carries a handler’s answer, synchronous or promised, as ok', async () => {
    onMessages({
      'popup:content:reveal': () => true,
      'annotator:background:annotated': async () => undefined,
    });
    expect(await sendToExtension('popup:content:reveal', { id: 1 })).toEqual({
      ok: true,
      value: true,
    });
    expect(await sendToExtension('annotator:background:annotated', { count: 2 })).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('says in words why a handler that throws or rejects gave no answer', async () => {
    onMessages({
      'popup:content:reveal': () => {
        throw new Error('the frame went away');
      },
      'background:content:published': () => Promise.reject(new Error('storage is unreadable')),
    });
    expect(await sendToExtension('popup:content:reveal', { id: 1 })).toEqual({
      ok: false,
      error: '“popup:content:reveal” failed: the frame went away',
    });
    expect(await sendToExtension('background:content:published', undefined)).toEqual({
      ok: false,
      error: '“background:content:published” failed: storage is unreadable',
    });
  });

  it('says so when no receiver is there, or none answers that message', async () => {
    expect(await sendToExtension('popup:content:reveal', { id: 1 })).toEqual({
      ok: false,
      error: `Nothing could answer “popup:content:reveal”: ${NO_RECEIVER}`,
    });
    onMessages({ 'popup:content:reveal': () => true });
    expect(await sendToExtension('background:content:published', undefined)).toEqual({
      ok: false,
      error: 'Nothing answered “background:content:published”.',
    });
  });

  it('never throws when sending does (a content script whose extension was unloaded)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await sendToTab(3, 'popup:content:summary', undefined)).toEqual({
      ok: false,
      error: 'Nothing could answer “popup:content:summary”: Extension context invalidated.',
    });
  });

  it('stops answering once its signal aborts', async () => {
    const life = new AbortController();
    onMessages({ 'popup:content:reveal': () => true }, life.signal);
    life.abort();
    expect(await sendToExtension('popup:content:reveal', { id: 1 })).toMatchObject({
      ok: false,
    });
  });
});
