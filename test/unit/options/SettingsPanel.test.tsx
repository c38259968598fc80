import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { parseDelay, SettingsPanel } from '@/entrypoints/options/SettingsPanel';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/defaults';
import { renderRoot } from '../render-root';

const root = renderRoot();

function checkbox(label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = found?.querySelector('input');
  if (!input) throw new Error(`no checkbox ${label}`);
  return input;
}

describe('SettingsPanel', () => {
  it('saves each switch at once', () => {
    const onChange = vi.fn();
    render(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={onChange} />, root);
    checkbox('Use the bundled facts (from the two source articles)').click();
    checkbox('Pause Backstory everywhere').click();
    expect(onChange.mock.calls).toEqual([
      [{ ...DEFAULT_SETTINGS, useBundledPack: false }],
      [{ ...DEFAULT_SETTINGS, paused: true }],
    ]);
  });

  it('lists switched-off sites and switches one back on', () => {
    const onChange = vi.fn();
    const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['a.org', 'b.org'] };
    render(<SettingsPanel settings={settings} onChange={onChange} />, root);
    expect([...root.querySelectorAll('.sites span')].map((s) => s.textContent)).toEqual([
      'a.org',
      'b.org',
    ]);
    root.querySelector<HTMLButtonElement>('[aria-label="Annotate a.org again"]')?.click();
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ ...settings, disabledSites: ['b.org'] });
  });

  it('changes the card delay within bounds', () => {
    const onChange = vi.fn();
    render(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={onChange} />, root);
    const delay = root.querySelector<HTMLInputElement>('#card-delay');
    if (!delay) throw new Error('no delay field');
    delay.value = '800';
    delay.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ ...DEFAULT_SETTINGS, cardDelayMs: 800 });
    expect([parseDelay('9999'), parseDelay('-5'), parseDelay(''), parseDelay('1.5')]).toEqual([
      3000,
      0,
      undefined,
      undefined,
    ]);
  });
});
