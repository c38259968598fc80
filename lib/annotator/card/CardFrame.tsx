/**
 * The card's frame, whatever it shows: a non-modal dialog named by its title, the place among the
 * page's annotations and a close button at the top, the body, then the card's own action and
 * Previous / Next at the foot.
 */
import type { ComponentChildren } from 'preact';

export type Theme = 'light' | 'dark';

/** The id of the card's title, which names the dialog. */
export const CARD_TITLE_ID = 'backstory-card-title';

/** Where this annotation is among the page's, for "3 of 14". */
interface CardPlace {
  index: number;
  total: number;
}

export interface CardFrameProps {
  /** The card's title as plain text (it names the dialog). */
  title: string;
  theme: Theme;
  place?: CardPlace;
  /** The id of an element in the body that says what the card finds, e.g. a conflict in words. */
  describedBy?: string;
  /**
   * Said once by screen readers after Previous / Next (the dialog's name is said when it opens):
   * empty on opening, so nothing is said twice.
   */
  announcement?: string;
  /** The card's own action at the foot ("Save to my facts"), before Previous / Next. */
  action?: ComponentChildren;
  onPrevious(): void;
  onNext(): void;
  onClose(): void;
  children: ComponentChildren;
}

/** Everything reader-supplied is text, isolated for direction (it may be written right to left). */
export function CardFrame(props: CardFrameProps) {
  const { place } = props;
  const steps = !!place && place.total > 1;
  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby={CARD_TITLE_ID}
      aria-describedby={props.describedBy}
      tabIndex={-1}
      lang="en"
      dir="ltr"
      data-theme={props.theme}
    >
      <div class="frame-head">
        <h2 id={CARD_TITLE_ID}>
          <bdi>{props.title}</bdi>
        </h2>
        {steps && (
          <span class="place">
            {place.index} of {place.total}
          </span>
        )}
        <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {/* Only the body scrolls when the card is short of room: title, Close, Previous / Next stay. */}
      <div class="frame-body">{props.children}</div>
      {(props.action || steps) && (
        <div class="frame-foot">
          {props.action}
          {steps && (
            <div class="steps">
              <button type="button" onClick={props.onPrevious}>
                <span aria-hidden="true">‹ </span>Previous
              </button>
              <button type="button" onClick={props.onNext}>
                Next<span aria-hidden="true"> ›</span>
              </button>
            </div>
          )}
        </div>
      )}
      <p class="visually-hidden" role="status">
        {props.announcement}
      </p>
    </div>
  );
}
