/**
 * The DevTools protocol's view of closed shadow roots: `DOM.getDocument` with `pierce: true` walks
 * them, where no page script (and no `page.evaluate`) can. Used to read the card and, for axe-core and
 * screen-reader checks, to reach it from the page's side.
 */
import type { CDPSession, Page } from 'playwright-core';

/** A node as `DOM.getDocument` describes it. */
interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: 'open' | 'closed' | 'user-agent';
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One DevTools session per page. */
function devtools(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Every element named `localName` in the document (not inside other shadow roots or frames). */
function findHosts(node: CdpNode, localName: string, found: CdpNode[] = []): CdpNode[] {
  if (node.localName === localName) found.push(node);
  for (const child of node.children ?? []) findHosts(child, localName, found);
  return found;
}

/** The first `localName` element (the card host by default) and its shadow root, through the protocol. */
export async function cardNodes(
  page: Page,
  localName = 'backstory-tooltip',
): Promise<{ session: CDPSession; host: CdpNode; shadow: CdpNode } | undefined> {
  const session = await devtools(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  const host = findHosts(root, localName)[0];
  const shadow = host?.shadowRoots?.[0];
  return host && shadow ? { session, host, shadow } : undefined;
}

/** A JavaScript handle on `node`, for `Runtime.callFunctionOn`. */
async function objectIdOf(session: CDPSession, node: CdpNode): Promise<string> {
  const { object } = (await session.send('DOM.resolveNode', {
    backendNodeId: node.backendNodeId,
  })) as { object: { objectId: string } };
  return object.objectId;
}

/**
 * Runs `fn(root, arg)` in the page on the shadow root of the first `host` element (a tag name), even
 * a closed one, and returns its result as JSON; null when there is no such element or root. `fn` is
 * sent as source: it sees only its arguments and the page's globals.
 */
export async function inClosedShadow<A, R>(
  page: Page,
  host: string,
  fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
  arg: A,
): Promise<R | null> {
  const nodes = await cardNodes(page, host);
  if (!nodes) return null;
  const { session, shadow } = nodes;
  const { result, exceptionDetails } = (await session.send('Runtime.callFunctionOn', {
    objectId: await objectIdOf(session, shadow),
    // esbuild may wrap named functions in __name(); the page has no such helper.
    functionDeclaration: `function (arg) { var __name = (f) => f; return (${fn})(this, arg); }`,
    arguments: [{ value: arg }],
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value?: R }; exceptionDetails?: { exception?: { description?: string } } };
  if (exceptionDetails) {
    throw new Error(`In the closed root of ${host}: ${exceptionDetails.exception?.description}`);
  }
  return result.value ?? null;
}

/** The element-children indices from `from` down to the node with `nodeId`, if it is there. */
export function pathTo(from: CdpNode, nodeId: number): number[] | undefined {
  const elements = (from.children ?? []).filter((child) => child.nodeType === 1);
  for (const [i, child] of elements.entries()) {
    if (child.nodeId === nodeId) return [i];
    const rest = pathTo(child, nodeId);
    if (rest) return [i, ...rest];
  }
  return undefined;
}

/** The element at `path` (element-children indices) under `root`. */
export function follow(root: ParentNode, path: readonly number[]): Element | null {
  let node: ParentNode | Element | null = root;
  for (const i of path) node = node?.children[i] ?? null;
  return node as Element | null;
}

/**
 * For axe-core, which runs in the page and reads `shadowRoot`: gives the host, in the page's world
 * only and for this test, a `shadowRoot` property returning its closed root. Nothing else changes.
 */
export async function exposeCardToPage(page: Page): Promise<void> {
  const nodes = await cardNodes(page);
  if (!nodes) throw new Error('no card on the page');
  const { session, host, shadow } = nodes;
  await session.send('Runtime.callFunctionOn', {
    objectId: await objectIdOf(session, host),
    functionDeclaration:
      'function (root) { Object.defineProperty(this, "shadowRoot", { value: root, configurable: true }); }',
    arguments: [{ objectId: await objectIdOf(session, shadow) }],
  });
}

/** An accessibility-tree node, as `Accessibility.getFullAXTree` gives it. */
interface AxNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
}

/** The dialogs in the page's accessibility tree: name, description and whether focused. */
export async function axDialogs(
  page: Page,
): Promise<{ name: string; description: string; focused: boolean }[]> {
  const session = await devtools(page);
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  return nodes
    .filter((node) => !node.ignored && node.role?.value === 'dialog')
    .map((node) => ({
      name: node.name?.value ?? '',
      description: node.description?.value ?? '',
      focused: !!node.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    }));
}
