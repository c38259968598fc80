/**
 * One labelled form control with its hint and its validation message, wired for assistive tech:
 * the message sits next to the field and is announced through aria-describedby.
 */
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Renders the control, given the attributes that tie it to its label, hint and message. */
  children(control: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: 'true';
  }): ComponentChildren;
}

/** A label, the control, an optional hint and, when invalid, the message saying why. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
      })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
