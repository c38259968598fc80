/**
 * Every message between the extension's contexts, typed in one place and named by direction
 * (sender:receiver:what). Storage changes (settings, reader facts) are not messages: each context
 * watches storage itself.
 */
import type { Entity, Source } from '@/lib/facts/schema';
import type { Verdict } from '@/lib/match/types';

/** What the popup shows for a tab. */
export interface PageSummary {
  url: string;
  /** False when the site is switched off or Backstory is paused. */
  enabled: boolean;
  /** False when the page is not an article (or nothing of the fact base could be on it). */
  isArticle: boolean;
  article?: {
    title: string;
    byline?: string;
    siteName?: string;
    published?: string;
    readingMinutes: number;
  };
  entities: { id: Entity['id']; name: string; kind: Entity['kind']; count: number }[];
  /** Figures found, conflicts first. */
  figures: { factId: string; text: string; verdict: Verdict; reason: string }[];
  sources: Source[];
}

/** Requests and their replies, keyed by message type. */
export interface MessageMap {
  /** Content script → background: how many annotations the tab has now (for the badge). */
  'content:background:count': { request: { count: number }; response: undefined };
  /** Popup → content script: summarise the page. */
  'popup:content:summary': { request: undefined; response: PageSummary };
  /** Popup → content script: scroll to the first mark of a fact and open its card. */
  'popup:content:reveal': { request: { factId: string }; response: boolean };
  /** Background → content script: a keyboard command to move between marks. */
  'background:content:command': {
    request: { command: 'next-mark' | 'previous-mark' };
    response: undefined;
  };
}

export type MessageType = keyof MessageMap;

/** The envelope every message travels in. */
export interface Message<T extends MessageType = MessageType> {
  type: T;
  data: MessageMap[T]['request'];
}
