/**
 * What Firefox saw go wrong, watched from its privileged scope for the whole browser: requests that
 * would leave the machine (blocked and recorded) and errors from extension contexts (uncaught errors
 * and `console.error`, in whichever process they ran).
 */
import { type ChromeScope, type Gecko, NAME_SHIM } from './gecko';

/** An error a page or an extension context reported. */
export interface ExtensionError {
  /** The script it came from (moz-extension://UUID/…), or "" when Firefox gave none. */
  source: string;
  /** Firefox's category for a script error ("content javascript"…), "console" for console.error. */
  category: string;
  /** The add-on it came from, when Firefox says. */
  addonId: string;
  message: string;
}

/** A request that was not for 127.0.0.1. */
interface BlockedRequest {
  url: string;
  /** Who asked: the origin of the page or extension, or "system" for Firefox itself. */
  by: string;
  /** The add-on that asked, if one did. */
  addonId: string;
}

/** Where the watchers keep what they saw, on the browser window. */
interface Records {
  errors: ExtensionError[];
  requests: BlockedRequest[];
}

/** Starts both watchers; call once, before the extension is installed. */
export function startWatching(chrome: ChromeScope): Promise<void> {
  return chrome.run(installWatchers, {
    // Process scripts' globals are lexical, not properties of `this`: hand over the ones used.
    processScript: `${NAME_SHIM} (${consoleErrorsInProcess})({ Cc, Ci, Services, sendAsyncMessage: sendAsyncMessage.bind(this) })`,
  });
}

/** Everything recorded so far. */
export function readRecords(chrome: ChromeScope): Promise<Records> {
  return chrome.run((g: Gecko) => g.backstoryTestRecords as Records, null);
}

function installWatchers(g: Gecko, { processScript }: { processScript: string }): void {
  const { Ci, Cr, Services } = g;
  const records: Records = { errors: [], requests: [] };
  g.backstoryTestRecords = records;

  // Every HTTP(S) and WebSocket request of the whole browser passes here, in the parent process.
  const local = /^(https?|wss?):\/\/127\.0\.0\.1[:/]/;
  Services.obs.addObserver((subject: Gecko) => {
    const channel = subject.QueryInterface(Ci.nsIHttpChannel);
    const url: string = channel.URI.spec;
    if (local.test(url)) return;
    channel.cancel(Cr.NS_ERROR_ABORT);
    const principal = channel.loadInfo?.triggeringPrincipal;
    records.requests.push({
      url,
      by: !principal || principal.isSystemPrincipal ? 'system' : principal.origin,
      addonId: principal?.addonId ?? '',
    });
  }, 'http-on-modify-request');

  // Uncaught errors of every process reach the parent's console service as script errors.
  const quiet = Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag;
  Services.console.registerListener((message: Gecko) => {
    if (!(message instanceof Ci.nsIScriptError) || message.flags & quiet) return;
    records.errors.push({
      source: message.sourceName ?? '',
      category: message.category ?? '',
      addonId: '',
      message: message.errorMessage ?? '',
    });
  });

  // console.error stays in the process that called it: a process script in each one forwards it.
  Services.ppmm.addMessageListener(
    'backstory-test:console',
    ({ data }: { data: ExtensionError }) => {
      records.errors.push(data);
    },
  );
  Services.ppmm.loadProcessScript(`data:,${encodeURIComponent(processScript)}`, true);
}

/** Runs in every content, extension and parent process: forwards extensions' console.error calls. */
function consoleErrorsInProcess(g: Gecko): void {
  const { Cc, Ci, Services } = g;
  const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
  const describe = (value: Gecko) => {
    try {
      return typeof value === 'string' ? value : String(value?.message ?? value);
    } catch {
      return '(unreadable)';
    }
  };
  const listener = (event: Gecko) => {
    const entry = event.wrappedJSObject ?? event;
    if (entry.level !== 'error') return;
    const source = String(entry.filename ?? '');
    const addonId = String(entry.addonId ?? '');
    const message = [...(entry.arguments ?? [])].map(describe).join(' ');
    g.sendAsyncMessage('backstory-test:console', { source, category: 'console', addonId, message });
  };
  storage.addLogEventListener(listener, Services.scriptSecurityManager.getSystemPrincipal());
}
