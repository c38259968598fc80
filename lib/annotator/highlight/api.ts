/**
 * The CSS Custom Highlight API where the browser has it, behind an interface tests can fake (happy-dom
 * and jsdom have none).
 */
/** The document's highlight registry and a way to make highlights, where the browser has them. */
export interface HighlightApi {
  registry: HighlightRegistry;
  create(): Highlight;
}

/** The API of `win`'s document, or undefined in browsers without custom highlights. */
export function highlightApi(win: Window & typeof globalThis = window): HighlightApi | undefined {
  const registry = win.CSS?.highlights;
  const HighlightClass = win.Highlight;
  if (!registry || typeof HighlightClass !== 'function') return undefined;
  return { registry, create: () => new HighlightClass() };
}
