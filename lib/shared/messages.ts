/**
 * Every message between the extension's contexts, typed in one place and named by direction
 * (sender:receiver:what). Senders and receivers: the background, the popup, the detector (every
 * page), the annotator (injected where the detector says yes), and "content" for either content
 * script. Extension pages watch storage themselves; content scripts hear of changes from the background.
 */
import { type Browser, browser } from 'wxt/browser';
import type { PackedLookup } from '@/lib/shared/facts/page-slice';
import type { Entity, NoteTarget, Source } from '@/lib/shared/facts/schema';
import type { Annotation, Verdict } from '@/lib/shared/match/types';

/**
 * What the annotator gets back for its article's text: the annotations, and the part of the fact
 * base their cards and the page's summary read — never the whole fact base (a reader's 5,000 facts
 * stay in the background).
 */
export interface PageMatch {
  /** False when Backstory is paused or switched off for the page's site: nothing is drawn. */
  enabled: boolean;
  /** Dwell before a hovered annotation's card opens (the reader's setting). */
  cardDelayMs: number;
  /** Offsets index the text sent. */
  annotations: Annotation[];
  facts: PackedLookup;
}

/** Why a page shows no annotation although it is enabled, for the popup to say in words. */
export type NoArticleReason =
  /** The detector found nothing the fact base names, so the annotator never ran. */
  | 'nothing-known'
  | 'not-an-article'
  /** Over the element cap, with no article-like part under it. */
  | 'too-large'
  | 'in-frame'
  | 'in-shadow-root';

/** One place an annotation is drawn: the popup reveals it by `id` (its highlight group). */
export interface Mention {
  id: number;
  /** The page's words there. */
  text: string;
}

/**
 * A claim the page makes that the fact base speaks to (a figure, or a sourced claim retold), one per
 * fact and wording, with every place it is written.
 */
export interface SummaryClaim {
  factId: string;
  /** The page's words (for a figure, the figure as written). */
  text: string;
  verdict: Verdict;
  /** The verdict as a heading, as the card says it: "Conflicts with the sources". */
  label: string;
  /** The verdict in one plain sentence. */
  reason: string;
  /** For a retold claim: the sourced claim, in the project's words. */
  statement?: string;
  mentions: Mention[];
}

/** What the popup shows for a tab; together its items list every annotation on the page. */
export interface PageSummary {
  url: string;
  /** False when the site is switched off or Backstory is paused. */
  enabled: boolean;
  /** False when the page is not an article (or nothing of the fact base could be on it). */
  isArticle: boolean;
  /** When enabled and not an article: why. */
  noArticle?: NoArticleReason;
  article?: {
    title: string;
    byline?: string;
    siteName?: string;
    published?: string;
    readingMinutes: number;
  };
  /** Entities in order of first mention, each with every mention. */
  entities: { id: Entity['id']; name: string; kind: Entity['kind']; mentions: Mention[] }[];
  /** Figures compared with the sources, in the order of the text. */
  figures: SummaryClaim[];
  /** Sourced claims the page retells in other words, in the order of the text. */
  restated: SummaryClaim[];
  sources: Source[];
}

/** Requests and their replies, keyed by message type. */
export interface MessageMap {
  /**
   * Annotator → background: the page was (re)annotated, or cleared, and has `count` annotations
   * now; once per run. The background sets the badge and tells an open popup.
   */
  'annotator:background:annotated': { request: { count: number }; response: undefined };
  /** Background → popup: tab `tabId` was (re)annotated; a popup showing it asks for its summary again. */
  'background:popup:annotated': { request: { tabId: number; count: number }; response: undefined };
  /**
   * Content script → background: a card's "Save to my facts" — open the options page's form on a
   * note about `about`, the tab's page as its source, `quote` (the page's words) as its quote.
   */
  'content:background:save-note': {
    request: { about: NoteTarget; quote?: string };
    response: undefined;
  };
  /**
   * Detector → background: does the page's text name the fact base? If so the background injects
   * the annotator into the sender's frame (once per document). The check runs in the background, off
   * the page's thread: the page pays for one message, never for a matcher that grows with the
   * reader's facts. `enabled` is false while Backstory is paused or off for the sender's site;
   * `injected` is true once the annotator is there (false too when the frame could not take it).
   */
  'detector:background:check': {
    request: { text: string };
    response: { enabled: boolean; injected: boolean };
  };
  /** Annotator → background: match the article's text (its blocks and headline) against the fact base. */
  'annotator:background:match': {
    request: { text: string };
    response: PageMatch;
  };
  /** Background → content scripts: the settings or the fact base changed; check or match again. */
  'background:content:changed': { request: undefined; response: undefined };
  /** Popup → content script: summarise the page. */
  'popup:content:summary': { request: undefined; response: PageSummary };
  /** Popup → content script: scroll to one annotation (a mention's id), show it as current, open its card. */
  'popup:content:reveal': { request: { id: number }; response: boolean };
  /** Background → content script: the article's publication date, when the page gives one. */
  'background:content:published': { request: undefined; response: string | undefined };
  /** Background → content script: a keyboard command to move between annotations. */
  'background:content:command': {
    request: { command: 'next-mark' | 'previous-mark' };
    response: undefined;
  };
}

export type MessageType = keyof MessageMap;

/** What every request comes back as: the receiver's answer, or why there is none, in words. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The envelope every message travels in. */
interface Message<T extends MessageType = MessageType> {
  type: T;
  data: MessageMap[T]['request'];
}

type Request<T extends MessageType> = MessageMap[T]['request'];
type Response<T extends MessageType> = MessageMap[T]['response'];

/** Handlers for the messages a context receives; each may answer synchronously or with a promise. */
export type MessageHandlers = {
  [T in MessageType]?: (
    data: Request<T>,
    sender: Browser.runtime.MessageSender,
  ) => Response<T> | Promise<Response<T>>;
};

/** Sends a message to the extension's background (or any extension page listening). */
export function sendToExtension<T extends MessageType>(
  type: T,
  data: Request<T>,
): Promise<Result<Response<T>>> {
  return deliver(type, () => browser.runtime.sendMessage({ type, data } satisfies Message<T>));
}

/** Sends a message to the content script of one tab. */
export function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  data: Request<T>,
): Promise<Result<Response<T>>> {
  return deliver(type, () => browser.tabs.sendMessage(tabId, { type, data } satisfies Message<T>));
}

/**
 * Sends with `send` and reads the receiver's envelope. Never rejects, and never throws: a content
 * script whose extension was unloaded throws synchronously ("Extension context invalidated"), and a
 * rejection nobody handles would land in the page's console.
 */
async function deliver<T>(type: MessageType, send: () => Promise<unknown>): Promise<Result<T>> {
  let reply: unknown;
  try {
    reply = await send();
  } catch (error) {
    return { ok: false, error: `Nothing could answer “${type}”: ${reasonOf(error)}` };
  }
  if (isResult(reply)) return reply as Result<T>;
  // Firefox resolves with undefined when listeners exist but none answers this type.
  return { ok: false, error: `Nothing answered “${type}”.` };
}

function isResult(reply: unknown): reply is Result<unknown> {
  return (
    typeof reply === 'object' &&
    reply !== null &&
    typeof (reply as { ok?: unknown }).ok === 'boolean'
  );
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Answers the given message types until `signal` aborts, and only while `answering()` says so (two
 * scripts of a frame that answer the same message take turns); other messages are left to other
 * listeners. Each answer travels as a `Result`: a handler that throws or rejects answers
 * `ok: false` with its reason, so the sender learns why instead of getting `undefined`.
 */
export function onMessages(
  handlers: MessageHandlers,
  signal?: AbortSignal,
  answering: () => boolean = () => true,
): void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (response: Result<unknown>) => void,
  ): true | undefined => {
    const { type, data } = (message ?? {}) as Partial<Message>;
    const handler = type && (handlers[type] as MessageHandlers[MessageType] | undefined);
    if (!handler || !answering()) return undefined;
    // The union of handler signatures cannot be called with a union argument; the envelope's
    // type field guarantees data matches. Called inside the promise so a throw becomes a rejection.
    const call = handler as (d: unknown, s: typeof sender) => unknown;
    new Promise((answer) => answer(call(data, sender))).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) =>
        sendResponse({ ok: false, error: `“${type}” failed: ${reasonOf(error)}` }),
    );
    // Chrome answers only through sendResponse, and only when the listener returns true.
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  // A content script orphaned by an extension reload may have lost `runtime`: nothing to remove then.
  signal?.addEventListener('abort', () => browser.runtime?.onMessage.removeListener(listener));
}
