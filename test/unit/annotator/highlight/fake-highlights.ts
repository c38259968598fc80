/** A stand-in for the CSS Custom Highlight API, which neither jsdom nor happy-dom has. */
import type { HighlightApi } from '@/lib/annotator/highlight/api';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

/** A registry (a Map, as the real one is maplike) and highlights (Sets, as the real ones are setlike). */
export function fakeHighlightApi(): HighlightApi {
  const registry = new Map<string, FakeHighlight>();
  return {
    registry: registry as unknown as HighlightRegistry,
    create: () => new FakeHighlight() as unknown as Highlight,
  };
}
