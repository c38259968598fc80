/**
 * The reader's facts, a page at a time so the DOM stays small with thousands of them.
 */
import { useState } from 'preact/hooks';
import type { Entity } from '@/lib/facts/schema';

/** How many facts are shown at first and added by each "Show more". */
export const PAGE_SIZE = 50;

export interface FactListProps {
  entities: Entity[];
  onEdit(id: string): void;
  onDelete(id: string): void;
}

/** The facts with Edit and Delete buttons, the first PAGE_SIZE of them until the reader asks for more. */
export function FactList({ entities, onEdit, onDelete }: FactListProps) {
  const [shown, setShown] = useState(PAGE_SIZE);
  if (entities.length === 0) return <p>You have not added any facts yet.</p>;
  const visible = entities.slice(0, shown);
  return (
    <>
      <p>
        {entities.length === 1 ? '1 fact' : `${entities.length} facts`}
        {visible.length < entities.length && `, showing the first ${visible.length}`}
      </p>
      <ul class="fact-list">
        {visible.map((entity) => (
          <li key={entity.id}>
            <div>
              <span class="name">{entity.name}</span>
              <span class="detail">
                {entity.kind}
                {entity.aliases.length > 0 && ` · also: ${entity.aliases.join(', ')}`}
              </span>
            </div>
            <button
              type="button"
              aria-label={`Edit “${entity.name}”`}
              onClick={() => onEdit(entity.id)}
            >
              Edit
            </button>
            <button
              type="button"
              aria-label={`Delete “${entity.name}”`}
              onClick={() => onDelete(entity.id)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {visible.length < entities.length && (
        <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, entities.length - visible.length)} more
        </button>
      )}
    </>
  );
}
