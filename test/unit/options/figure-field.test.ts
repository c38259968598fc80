/**
 * The form's one Figure field, rendered, as a journalist new to Backstory uses it: read back in words
 * as it is typed, what it counts chosen or named, and, when it cannot be read, why.
 */
import { describe, expect, it, vi } from 'vitest';
import { applyForm, type FormPlan } from '@/lib/pages/facts/form';
import { EMPTY_FORM, formOf } from '@/lib/pages/facts/reader';
import type { FactPack } from '@/lib/shared/facts/schema';
import { EMPTY } from '../pages/facts/reader-form';
import { renderRoot } from '../render-root';
import { CRYPTO, contextFor } from './figure-context';
import { formDriver, tick } from './form-driver';

// The form itself, rendered.

const root = renderRoot();
const { field, type, choose, submit, ...driver } = formDriver(root);

function show(context = contextFor(EMPTY), initial = EMPTY_FORM, fixed?: FormPlan) {
  return driver.show(context, { initial, fixed });
}

const reading = () => root.querySelector('#fact-figure-reading');
const announced = () => root.querySelector('.figure [role="status"]')?.textContent;

describe('the Figure field', () => {
  it('reads the figure while it is typed, and tells a screen reader once typing pauses', async () => {
    show();
    type('Figure', 'over $1.7 billion in 2022');
    await tick();
    expect(reading()?.textContent).toBe('Read as: more than $1,700,000,000 · in 2022 · in total');
    expect(reading()?.className).toBe('reading');
    expect(field('Figure').getAttribute('aria-describedby')).toBe(
      'fact-figure-hint fact-figure-reading',
    );
    await vi.waitFor(() =>
      expect(announced()).toBe('Read as: more than $1,700,000,000 · in 2022 · in total'),
    );
  });

  it('says why it cannot read it, once, next to the field, and as an error after Add fact', async () => {
    const onSave = show();
    type('Term', 'Theft');
    type('Source title', 'Report');
    type('Figure', 'in 2022');
    await tick();
    const reason =
      '“in 2022” is a period, not a figure: add the amount, e.g. “$1.7 billion in 2022”.';
    expect(reading()?.textContent).toBe(reason);
    expect(field('Figure').getAttribute('aria-invalid')).toBeNull();
    choose('What it counts', 'North Korea’s total crypto theft');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(field('Figure').getAttribute('aria-invalid')).toBe('true');
    expect(reading()?.className).toBe('error');
    expect(document.activeElement).toBe(field('Figure'));
    const said = [...root.querySelectorAll('p')].filter((p) => p.textContent === reason);
    expect(said).toHaveLength(1);
  });

  it('offers the known measures by label, grouped, says what each holds, and saves the choice', async () => {
    const onSave = show();
    type('Term', 'North Korea');
    type('Source URL', 'https://www.chainalysis.com/report');
    type('Figure', 'over $1.7 billion in 2022');
    await tick();
    const groups = [...field('What it counts').querySelectorAll('optgroup')].map((g) => [
      g.label,
      [...g.querySelectorAll('option')].map((o) => o.textContent),
    ]);
    expect(groups).toEqual([
      ['Bundled and imported', ['North Korea’s hackers', 'North Korea’s total crypto theft']],
    ]);
    choose('What it counts', 'North Korea’s total crypto theft');
    await tick();
    expect(root.querySelector('#fact-measure-hint')?.textContent).toBe(
      '2 figures so far, in US dollars.',
    );
    await submit();
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      figure: 'over $1.7 billion in 2022',
      measure: CRYPTO,
      newMeasure: '',
      scope: 'total',
    });
  });

  it('names something new, and files words that match a known label under it', async () => {
    const onSave = show();
    type('Term', 'Lazarus Group');
    type('Source title', 'Report');
    type('Figure', '$600m');
    await tick();
    choose('What it counts', 'Something else: name it');
    await tick();
    await submit();
    // The message sits under the name to give, and focus goes there.
    expect(document.activeElement).toBe(field('Name what it counts'));
    expect(root.querySelector('#fact-newMeasure-error')?.textContent).toBe(
      'Choose what the figure counts, or name something new.',
    );
    expect(root.querySelector('#fact-measure-error')).toBeNull();
    type('Name what it counts', 'north korea’s total crypto theft');
    await tick();
    expect(root.querySelector('#fact-newMeasure-hint')?.textContent).toBe(
      'Already in the list, with 2 figures so far, in US dollars.',
    );
    await submit();
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ measure: CRYPTO, newMeasure: '' });
  });

  it('takes one incident from the figure’s words, and the incident Backstory knows by them', async () => {
    show();
    type('Term', 'Axie heist');
    type('Figure', '$620 million in the Ronin bridge hack');
    await tick();
    expect(
      [...root.querySelectorAll<HTMLInputElement>('[name="scope"]')].map((r) => [
        r.parentElement?.textContent,
        r.checked,
      ]),
    ).toEqual([
      ['A total', false],
      ['One incident (one theft, one attack)', true],
    ]);
    expect([...field('Which incident').options].map((o) => [o.textContent, o.selected])).toEqual([
      ['“Axie heist” itself', false],
      ['Ronin bridge hack', true],
    ]);
    expect(reading()?.textContent).toBe(
      'Read as: $620,000,000 · no period given · one incident: Ronin bridge hack',
    );
    choose('Which incident', '“Axie heist” itself');
    await tick();
    expect(reading()?.textContent).toBe(
      'Read as: $620,000,000 · no period given · one incident: Axie heist',
    );
  });

  it('asks which incident a note on a country counts, since the country is none', async () => {
    const onSave = show();
    type('Term', 'North Korea');
    type('Source title', 'Report');
    type('Figure', '$620 million from one game network');
    await tick();
    choose('What it counts', 'North Korea’s total crypto theft');
    await tick();
    expect(field('Which incident').options[0]?.textContent).toBe('Choose…');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('#fact-incident-error')?.textContent).toBe(
      'Choose which incident. One Backstory does not know yet can be added first, as a fact of the kind “event”.',
    );
    choose('Which incident', 'Ronin bridge hack');
    await submit();
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ scope: 'incident', incident: 'ronin-hack' });
  });

  it('edits a stored figure it cannot read without losing it', async () => {
    const old: FactPack = {
      ...EMPTY,
      sources: [{ id: 'reader.x.source', title: 'T' }],
      entities: [
        {
          id: 'reader.x',
          name: 'X',
          kind: 'concept',
          aliases: [],
          summary: '',
          sourceIds: ['reader.x.source'],
        },
      ],
      claims: [
        {
          id: 'reader.x.figure',
          statement: 'X: 5 years overall',
          subjects: ['reader.x'],
          sourceId: 'reader.x.source',
          figure: { value: 5, unit: 'years', qualifier: 'exact', period: 'total' },
          measure: 'reader.x',
        },
      ],
    };
    const initial = formOf(old, 'reader.x');
    if (!initial) throw new Error('no form');
    const onSave = show(contextFor(old), initial, { kind: 'edit', entityId: 'reader.x' });
    type('Details', 'Now with words.');
    await submit('Save changes');
    const [saved, plan] = onSave.mock.calls[0] ?? [];
    if (!saved || !plan) throw new Error('not saved');
    expect(applyForm(old, saved, plan).pack.claims).toEqual(old.claims);
  });
});
