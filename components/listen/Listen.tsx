import './listen.css';
import { createPortal } from 'preact/compat';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Article } from '@/lib/extract/article';
import type { ListenHandoff } from '@/lib/listen/handoff';
import { RATES } from '@/lib/listen/listen-settings';
import { ListenIcon } from './ListenIcons';
import { type ListenView, useListen } from './use-listen';

export interface ListenProps {
  article: Article;
  layout: 'popup' | 'tab';
  /** Playback carried over from the popup: starts there. */
  handoff?: ListenHandoff | null;
  /** Popup only: opens the full-tab reader, which goes on reading at `handoff`. */
  onContinueInTab?: (handoff: ListenHandoff | null) => void;
}

/** The shortcut, documented in the README and shown in the button's tooltip. */
export const LISTEN_KEY = 'L';

/**
 * Listen: the toolbar button (`aria-pressed` while reading; the `l` key too) and, once pressed, the
 * controls at the bottom: previous/next paragraph, play/pause, stop, voice, speed, speaker
 * announcements, and what the reader should know (no voices, no voice for the language, the
 * popup stopping when it closes).
 */
export function Listen({ article, layout, handoff = null, onContinueInTab }: ListenProps) {
  const view = useListen(article, handoff);
  const playing = view.player.status === 'playing';
  return (
    <>
      <button
        type="button"
        class="icon-button"
        data-testid="listen"
        aria-pressed={playing}
        aria-label="Listen"
        title={`Listen: read the article aloud (${LISTEN_KEY})`}
        onClick={view.toggle}
      >
        <ListenIcon name="listen" />
      </button>
      {/* Out of the toolbar: its backdrop-filter would make it the box a fixed bar is placed in. */}
      {view.open &&
        createPortal(
          <ListenBar view={view} layout={layout} onContinueInTab={onContinueInTab} />,
          document.querySelector('[data-testid="reader"]') ?? document.body,
        )}
    </>
  );
}

/** What the bar and its notes are drawn from. */
interface ListenPartProps {
  view: ListenView;
  layout: ListenProps['layout'];
  onContinueInTab?: ListenProps['onContinueInTab'];
}

function ListenBar({ view, layout, onContinueInTab }: ListenPartProps) {
  const { player, voicesState } = view;
  const playing = player.status === 'playing';
  const usable = voicesState.status === 'ready';
  const ref = useRef<HTMLElement>(null);
  useBarHeight(ref);
  return (
    <section
      ref={ref}
      class="listen-bar"
      data-testid="listen-bar"
      data-status={player.status}
      aria-label="Listening"
    >
      <div class="listen-bar__controls">
        <button
          type="button"
          class="icon-button"
          data-testid="listen-previous"
          aria-label="Previous paragraph"
          title="Previous paragraph"
          disabled={!usable}
          onClick={() => view.skip(-1)}
        >
          <ListenIcon name="previous" />
        </button>
        <button
          type="button"
          class="icon-button"
          data-testid="listen-play"
          aria-label={playing ? 'Pause' : 'Play'}
          title={`${playing ? 'Pause' : 'Play'} (${LISTEN_KEY})`}
          disabled={!usable}
          onClick={view.toggle}
        >
          <ListenIcon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          class="icon-button"
          data-testid="listen-next"
          aria-label="Next paragraph"
          title="Next paragraph"
          disabled={!usable}
          onClick={() => view.skip(1)}
        >
          <ListenIcon name="next" />
        </button>
        {usable && <VoiceAndSpeed view={view} />}
        <button
          type="button"
          class="icon-button listen-bar__close"
          data-testid="listen-stop"
          aria-label="Stop listening"
          title="Stop listening"
          onClick={view.close}
        >
          <ListenIcon name="stop" />
        </button>
      </div>
      <ListenNotes view={view} layout={layout} onContinueInTab={onContinueInTab} />
    </section>
  );
}

/** Publishes the bar's height (`--listen-bar-height`) so the highlights legend and the text stay above it. */
function useBarHeight(ref: { current: HTMLElement | null }) {
  useLayoutEffect(() => {
    const el = ref.current;
    const root = document.documentElement;
    if (!el) return;
    const publish = () => root.style.setProperty('--listen-bar-height', `${el.offsetHeight}px`);
    publish();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(publish);
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--listen-bar-height');
    };
  }, [ref]);
}

function VoiceAndSpeed({ view }: { view: ListenView }) {
  return (
    <>
      <label class="listen-bar__field">
        <span class="visually-hidden">Voice</span>
        <select
          data-testid="listen-voice"
          value={view.choice?.voice.voiceURI}
          onChange={(e) => view.setVoice((e.target as HTMLSelectElement).value)}
        >
          {view.voices.map((v) => (
            <option key={v.voiceURI} value={v.voiceURI}>
              {v.name} ({v.lang})
            </option>
          ))}
        </select>
      </label>
      <label class="listen-bar__field">
        <span class="visually-hidden">Speed</span>
        <select
          data-testid="listen-rate"
          value={String(view.settings.rate)}
          onChange={(e) => view.update({ rate: Number((e.target as HTMLSelectElement).value) })}
        >
          {RATES.map((r) => (
            <option key={r} value={String(r)}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      <label class="listen-bar__check">
        <input
          type="checkbox"
          data-testid="listen-announce"
          checked={view.settings.announceSpeakers}
          onChange={(e) => view.update({ announceSpeakers: (e.target as HTMLInputElement).checked })}
        />
        Say who speaks
      </label>
    </>
  );
}

/** What the listener should know: no voices, the fallback voice, errors, and the popup's limits. */
function ListenNotes({ view, layout, onContinueInTab }: ListenPartProps) {
  const { voicesState, player } = view;
  const message =
    voicesState.status === 'loading'
      ? 'Loading voices…'
      : voicesState.status === 'none'
        ? voicesState.engine
          ? 'No text-to-speech voices are installed, so Lede cannot read aloud. Add a voice in your system’s speech settings (on Linux: install speech-dispatcher and espeak-ng).'
          : 'This browser has no speech engine, so Lede cannot read aloud.'
        : (player.message ?? view.choice?.note ?? null);
  const problem = voicesState.status === 'none' || player.status === 'error' || player.status === 'blocked';
  return (
    <div class="listen-bar__notes">
      {message && (
        <p
          class={`listen-bar__note${problem ? ' listen-bar__note--problem' : ''}`}
          role="status"
          data-testid="listen-status"
        >
          {message}
        </p>
      )}
      {layout === 'popup' && voicesState.status === 'ready' && (
        <p class="listen-bar__note" data-testid="listen-popup-note">
          Listening stops when this popup closes (a click outside it closes it).
          {onContinueInTab && (
            <button
              type="button"
              class="listen-bar__continue"
              data-testid="listen-continue"
              onClick={() => onContinueInTab(view.handoff())}
            >
              Continue in tab
            </button>
          )}
        </p>
      )}
    </div>
  );
}
