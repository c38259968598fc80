/**
 * The options form driven as a reader drives it, for the form's tests: fields found by their
 * visible labels, typing, choosing, pressing buttons, and messages found the way a screen reader
 * finds them (through aria-describedby).
 */
import { render } from 'preact';
import { vi } from 'vitest';
import { FactForm } from '@/entrypoints/options/FactForm';
import type { FormContext, FormPlan } from '@/lib/pages/facts/form';
import { EMPTY_FORM, type ReaderFactForm } from '@/lib/pages/facts/reader';

type Control = HTMLInputElement & HTMLSelectElement;

export const tick = () => new Promise((done) => setTimeout(done, 0));

export function formDriver(root: HTMLElement) {
  const field = (label: string): Control => {
    const element = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
    const control = document.getElementById(element?.htmlFor ?? '');
    if (!control) throw new Error(`no field labelled ${label}`);
    return control as Control;
  };

  const button = (name: string): HTMLButtonElement => {
    const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };

  return {
    field,
    button,

    type(label: string, value: string): void {
      const control = field(label);
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
    },

    /** Picks the option with this text in the select labelled `label`. */
    choose(label: string, optionText: string): void {
      const control = field(label);
      const option = [...control.options].find((o) => o.textContent === optionText);
      if (!option) throw new Error(`no option ${optionText} in ${label}`);
      control.value = option.value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    },

    /** Lets Preact render what was typed, then presses the button. */
    async submit(name = 'Add fact'): Promise<void> {
      await tick();
      button(name).click();
      await tick();
    },

    /** Shows the form; resolves saves with `refusal` (why nothing was saved), or as saved. */
    show(
      context: FormContext,
      options: { initial?: ReaderFactForm; fixed?: FormPlan; refusal?: string } = {},
    ) {
      const onSave = vi.fn(async (_form: ReaderFactForm, _plan: FormPlan) => options.refusal);
      render(
        <FactForm
          initial={options.initial ?? EMPTY_FORM}
          context={context}
          fixed={options.fixed}
          whereFrom={() => 'Bundled with Backstory'}
          onSave={onSave}
        />,
        root,
      );
      return onSave;
    },

    /** The message shown for a field, found the way a screen reader finds it. */
    messageFor(label: string): string | undefined {
      const control = field(label);
      if (control.getAttribute('aria-invalid') !== 'true') return undefined;
      const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
      const error = ids
        .map((id) => document.getElementById(id))
        .find((el) => el?.className === 'error');
      return error?.textContent ?? undefined;
    },
  };
}
