/**
 * Deleting everything the reader stored, after they confirm what that means (and it can be undone).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface DeleteAllProps {
  /** The reader's own facts and notes. */
  yours: number;
  packs: number;
  onDelete(): void;
}

export function DeleteAll({ yours, packs, onDelete }: DeleteAllProps) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (yours === 0 && packs === 0) return null;
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Delete all your facts…
      </button>
    );
  }
  const what = [
    yours > 0 &&
      `your ${yours === 1 ? 'fact' : `${yours.toLocaleString('en-US')} facts and notes`}`,
    packs > 0 && `${packs === 1 ? 'the pack' : `the ${packs} packs`} you imported`,
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <fieldset class="confirm">
      <legend>Delete {what}?</legend>
      <p>The bundled facts stay. You can undo this right after.</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          ref={confirm}
          onClick={() => {
            setAsking(false);
            onDelete();
          }}
        >
          Delete all
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
