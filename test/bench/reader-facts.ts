/**
 * The bench's reader-facts row: page start-up with 5,000 reader facts stored, against the same
 * extension with none (the page must not pay for the size of the reader's fact base).
 */
import { withReaderFacts } from '../fixtures/reader-pack';
import type { BenchBrowser, LoadCost } from './reader-cost';
import { median, num, quantile, row, verdict } from './report';

/** Page start-up with 5,000 reader facts: within 10 % of the same without them. */
const BUDGET_READER_FACTS = 1.1;
export const READER_FACTS = 5_000;

/** Stores `n` reader facts (the synthetic ones, without the bundled pack) in the browser's extension. */
export async function storeReaderFacts(browser: BenchBrowser, n: number): Promise<void> {
  const all = withReaderFacts(n);
  const pack = {
    format: 1,
    name: 'My facts',
    sources: all.sources.filter((source) => source.id === 'reader-source'),
    entities: all.entities.filter((entity) => entity.id.startsWith('reader-')),
    claims: all.claims.filter((claim) => claim.id.startsWith('reader-claim-')),
  };
  const [worker] = browser.context.serviceWorkers();
  if (!worker) throw new Error(`${browser.label}: no service worker to store reader facts with`);
  await worker.evaluate(
    (readerPack) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(items: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ readerPack, readerPack$: { v: 3 } }),
    pack,
  );
}

/** Prints page start-up with reader facts against the same extension without them. */
export function printReaderFacts(costs: LoadCost[][]): void {
  const [none, ours, , withFacts] = costs as [LoadCost[], LoadCost[], LoadCost[], LoadCost[]];
  const extra = (list: LoadCost[]) => list.map((c, i) => c.jsMs - (none[i] as LoadCost).jsMs);
  const plain = median(extra(ours));
  const heavy = median(extra(withFacts));
  const ratio = heavy / Math.max(plain, 0.1);
  console.log(
    row(
      `+${READER_FACTS.toLocaleString('en')} reader facts, JS ms (with − without)`,
      num(heavy),
      num(quantile(extra(withFacts), 0.9)),
    ),
  );
  console.log(
    row(
      `  ratio to no reader facts (median ${plain.toFixed(1)} ms)`,
      num(ratio, 3),
      '        ',
      `budget ≤ ${BUDGET_READER_FACTS}  ${verdict(ratio <= BUDGET_READER_FACTS)}`,
    ),
  );
}
