import type { MentionMarks } from '@/lib/highlight/drawn-marks';
import {
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  type FontFamily,
  type LineHeight,
  type LineWidth,
  type ReaderSettings,
  type Theme,
} from '@/lib/settings/settings';

interface Option<T extends string> {
  value: T;
  label: string;
}

function Choice<T extends string>(props: {
  name: keyof ReaderSettings;
  legend: string;
  options: Option<T>[];
  value: T;
  onChange: (value: T) => void;
  swatches?: boolean;
}) {
  return (
    <fieldset class={props.swatches ? 'choice choice--swatches' : 'choice'}>
      <legend>{props.legend}</legend>
      <div class="choice__options">
        {props.options.map((option) => (
          <label key={option.value} class="choice__option" data-value={option.value}>
            <input
              type="radio"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const THEMES: Option<Theme>[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'light', label: 'Light' },
  { value: 'sepia', label: 'Sepia' },
  { value: 'dark', label: 'Dark' },
];
const FONTS: Option<FontFamily>[] = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans' },
];
const WIDTHS: Option<LineWidth>[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'medium', label: 'Medium' },
  { value: 'wide', label: 'Wide' },
];
const HEIGHTS: Option<LineHeight>[] = [
  { value: 'tight', label: 'Tight' },
  { value: 'normal', label: 'Normal' },
  { value: 'loose', label: 'Loose' },
];

const MENTIONS: Option<MentionMarks>[] = [
  { value: 'first', label: 'First mentions' },
  { value: 'all', label: 'All mentions' },
];

/** Text and theme controls. Native radios and buttons: keyboard use and labels come for free. */
export function SettingsPanel(props: {
  id: string;
  settings: ReaderSettings;
  onChange: (settings: ReaderSettings) => void;
}) {
  const { settings } = props;
  const set = <K extends keyof ReaderSettings>(key: K, value: ReaderSettings[K]) =>
    props.onChange({ ...settings, [key]: value });
  return (
    <section id={props.id} class="settings" aria-label="Text and theme">
      <Choice
        name="theme"
        legend="Theme"
        options={THEMES}
        value={settings.theme}
        onChange={(v) => set('theme', v)}
        swatches
      />
      <fieldset class="choice">
        <legend>Text size</legend>
        <div class="stepper">
          <button
            type="button"
            class="stepper__button"
            data-testid="font-smaller"
            aria-label="Smaller text"
            title="Smaller text"
            disabled={settings.fontSize <= FONT_SIZE_MIN}
            onClick={() => set('fontSize', settings.fontSize - 1)}
          >
            <span aria-hidden="true" class="stepper__glyph stepper__glyph--small">
              A
            </span>
          </button>
          <output class="stepper__value" data-testid="font-size" aria-live="polite">
            {settings.fontSize}px
          </output>
          <button
            type="button"
            class="stepper__button"
            data-testid="font-larger"
            aria-label="Larger text"
            title="Larger text"
            disabled={settings.fontSize >= FONT_SIZE_MAX}
            onClick={() => set('fontSize', settings.fontSize + 1)}
          >
            <span aria-hidden="true" class="stepper__glyph">
              A
            </span>
          </button>
        </div>
      </fieldset>
      <Choice
        name="font"
        legend="Typeface"
        options={FONTS}
        value={settings.font}
        onChange={(v) => set('font', v)}
      />
      <Choice
        name="lineWidth"
        legend="Line width"
        options={WIDTHS}
        value={settings.lineWidth}
        onChange={(v) => set('lineWidth', v)}
      />
      <Choice
        name="lineHeight"
        legend="Line spacing"
        options={HEIGHTS}
        value={settings.lineHeight}
        onChange={(v) => set('lineHeight', v)}
      />
      <Choice
        name="entityMentions"
        legend="Names marked"
        options={MENTIONS}
        value={settings.entityMentions}
        onChange={(v) => set('entityMentions', v)}
      />
      <label class="settings__check">
        <input
          type="checkbox"
          name="thirdPartyImages"
          checked={settings.thirdPartyImages}
          onChange={(event) => set('thirdPartyImages', (event.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          Load images from other sites
          <small>Off: only the article’s own site is contacted until you ask.</small>
        </span>
      </label>
    </section>
  );
}
