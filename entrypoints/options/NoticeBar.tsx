/**
 * What the last change did, at the bottom of the window wherever the reader is, with Undo when it
 * can be taken back. A change storage refused is said as an alert.
 */
import { useState } from 'preact/hooks';
import type { Notice } from './changes';

export interface NoticeBarProps {
  notice: Notice | undefined;
  /** Called with what undoing said. */
  onChange(notice: Notice): void;
}

export function NoticeBar({ notice, onChange }: NoticeBarProps) {
  const [undoing, setUndoing] = useState(false);
  const undo = async (run: () => Promise<Notice>) => {
    setUndoing(true);
    onChange(await run());
    setUndoing(false);
  };
  // Both live regions stay in the page, so what appears in them is announced.
  return (
    <div class={notice ? 'notice-bar shown' : 'notice-bar'}>
      <p role="status">
        {notice && !notice.failed && notice.text}
        {notice?.undo && (
          <button
            type="button"
            disabled={undoing}
            onClick={() => notice.undo && void undo(notice.undo)}
          >
            Undo
          </button>
        )}
      </p>
      <p role="alert" class="error">
        {notice?.failed && notice.text}
      </p>
    </div>
  );
}
