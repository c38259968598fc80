/**
 * The packs the reader imported, each with where it comes from and a way to remove it as a whole.
 */
import { formatDate } from '@/lib/shared/facts/describe';
import type { ImportedOrigin } from '@/lib/shared/facts/layers';

export interface PackItem {
  origin: ImportedOrigin;
  /** Entities, claims, sources and notes in the pack. */
  entries: number;
}

export interface PacksProps {
  packs: PackItem[];
  onRemove(origin: ImportedOrigin): void;
}

export function Packs({ packs, onRemove }: PacksProps) {
  if (packs.length === 0) return <p>You have not imported any packs.</p>;
  return (
    <ul class="packs">
      {packs.map(({ origin, entries }) => (
        <li key={origin.packId}>
          <div>
            <span class="name">
              <bdi>“{origin.name}”</bdi>
            </span>
            <span class="detail">
              {origin.author && (
                <>
                  by <bdi>{origin.author}</bdi> ·{' '}
                </>
              )}
              {entries.toLocaleString('en-US')} {entries === 1 ? 'entry' : 'entries'} · imported{' '}
              {formatDate(origin.importedAt.slice(0, 10))}
              {origin.url && (
                <>
                  {' · '}
                  <a href={origin.url}>{origin.url}</a>
                </>
              )}
            </span>
          </div>
          <button
            type="button"
            aria-label={`Remove the pack “${origin.name}”`}
            onClick={() => onRemove(origin)}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
