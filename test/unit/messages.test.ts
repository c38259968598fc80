/**
 * Every request travels through one helper and comes back as a Result: the receiver's answer, or
 * why there is none in words — never a rejection, never `undefined` passed off as an answer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onMessages, sendToExtension, sendToTab } from '@/lib/messages';
import { NO_RECEIVER, sendLikeABrowser } from './browser-messaging';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  sendLikeABrowser();
});

describe('the Result envelope', () => {
  it('carries a handler’s answer, synchronous or promised, as ok', async () => {
    onMessages({
      'detector:background:inject': () => true,
      'annotator:background:annotated': async () => undefined,
    });
    expect(await sendToExtension('detector:background:inject', undefined)).toEqual({
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
      'detector:background:inject': () => {
        throw new Error('the frame went away');
      },
      'detector:background:matcher': () => Promise.reject(new Error('storage is unreadable')),
    });
    expect(await sendToExtension('detector:background:inject', undefined)).toEqual({
      ok: false,
      error: '“detector:background:inject” failed: the frame went away',
    });
    expect(await sendToExtension('detector:background:matcher', undefined)).toEqual({
      ok: false,
      error: '“detector:background:matcher” failed: storage is unreadable',
    });
  });

  it('says so when no receiver is there, or none answers that message', async () => {
    expect(await sendToExtension('detector:background:inject', undefined)).toEqual({
      ok: false,
      error: `Nothing could answer “detector:background:inject”: ${NO_RECEIVER}`,
    });
    onMessages({ 'detector:background:inject': () => true });
    expect(await sendToExtension('detector:background:matcher', undefined)).toEqual({
      ok: false,
      error: 'Nothing answered “detector:background:matcher”.',
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
    onMessages({ 'detector:background:inject': () => true }, life.signal);
    life.abort();
    expect(await sendToExtension('detector:background:inject', undefined)).toMatchObject({
      ok: false,
    });
  });
});
