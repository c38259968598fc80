/** Medians, percentiles and the lines the benchmark prints, each figure beside its budget. */

export function quantile(list: number[], q: number): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export const median = (list: number[]) => quantile(list, 0.5);

/** A number right-aligned in `width`, with `digits` decimals. */
export const num = (n: number, digits = 1, width = 8) => n.toFixed(digits).padStart(width);

/** "PASS" or "OVER" beside a budget. */
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'OVER');

/** A table row: a label, then cells. */
export function row(label: string, ...cells: string[]): string {
  return `  ${label.padEnd(50)}${cells.join('  ')}`;
}

/** kB (1,000 bytes, as WXT and test/package/check-bundle.ts count), one decimal. */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
