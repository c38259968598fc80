/**
 * The settings a reader expects: pause, bundled pack, generic entities, card delay, switched-off sites.
 */

import type { Settings } from '@/lib/shared/defaults';
import { withSiteEnabled } from '@/lib/shared/sites';

export interface SettingsPanelProps {
  settings: Settings;
  onChange(next: Settings): void;
}

// The card delay stays within what still feels like "hover to preview" (Page Previews use 500 ms).
const MIN_DELAY = 0;
const MAX_DELAY = 3000;

function Checkbox(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      {props.label}
    </label>
  );
}

/** A whole-number delay in ms within bounds, or undefined when the text is not one. */
export function parseDelay(text: string): number | undefined {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value)) return undefined;
  return Math.min(MAX_DELAY, Math.max(MIN_DELAY, value));
}

/** The settings form; every change is saved at once. */
export function SettingsPanel({ settings, onChange }: SettingsPanelProps) {
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  return (
    <div class="settings">
      <Checkbox
        label="Pause Backstory everywhere"
        checked={settings.paused}
        onChange={(paused) => set({ paused })}
      />
      <Checkbox
        label="Use the bundled facts (from the two source articles)"
        checked={settings.useBundledPack}
        onChange={(useBundledPack) => set({ useBundledPack })}
      />
      <Checkbox
        label="Mark common names (countries, big agencies) on pages about the topic"
        checked={settings.markGeneric}
        onChange={(markGeneric) => set({ markGeneric })}
      />
      <div class="field">
        <label for="card-delay">Card delay (ms)</label>
        <input
          id="card-delay"
          type="number"
          min={MIN_DELAY}
          max={MAX_DELAY}
          step={100}
          value={settings.cardDelayMs}
          aria-describedby="card-delay-hint"
          onChange={(e) => {
            const cardDelayMs = parseDelay(e.currentTarget.value);
            if (cardDelayMs !== undefined) set({ cardDelayMs });
          }}
        />
        <p class="hint" id="card-delay-hint">
          How long the pointer rests on a mark before its card opens ({MIN_DELAY}–{MAX_DELAY}).
        </p>
      </div>
      <h3>Sites switched off</h3>
      {settings.disabledSites.length === 0 ? (
        <p>None. Switch a site off from the toolbar popup.</p>
      ) : (
        <ul class="sites">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                aria-label={`Annotate ${site} again`}
                onClick={() => onChange(withSiteEnabled(settings, site, true))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
