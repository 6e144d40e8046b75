import { useEffect, useState } from 'preact/hooks';

export type VoicesState =
  | { status: 'loading' }
  /** No `speechSynthesis` at all, or an engine with no voice installed. */
  | { status: 'none'; engine: boolean }
  | { status: 'ready'; voices: SpeechSynthesisVoice[] };

/** How long to wait for voices before saying there are none (Chromium lists speech-dispatcher's late). */
export const VOICES_WAIT_MS = 3000;
const POLL_MS = 250;

/**
 * The engine's voices. Browsers list them asynchronously (`voiceschanged`; Chromium on Linux only
 * after a few seconds, sometimes without the event), so they are polled for a while; a list that
 * arrives after "none" was said still replaces it.
 */
export function useVoices(synth: SpeechSynthesis | undefined): VoicesState {
  const [state, setState] = useState<VoicesState>(() => initial(synth));
  useEffect(() => {
    if (!synth) return;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const voices = synth.getVoices();
      if (voices.length) {
        setState((current) => (sameVoices(current, voices) ? current : { status: 'ready', voices }));
        return;
      }
      if (Date.now() - started >= VOICES_WAIT_MS) setState({ status: 'none', engine: true });
      else timer = setTimeout(check, POLL_MS);
    };
    const onChange = () => {
      clearTimeout(timer);
      check();
    };
    synth.addEventListener?.('voiceschanged', onChange);
    check();
    return () => {
      clearTimeout(timer);
      synth.removeEventListener?.('voiceschanged', onChange);
    };
  }, [synth]);
  return state;
}

function initial(synth: SpeechSynthesis | undefined): VoicesState {
  if (!synth) return { status: 'none', engine: false };
  const voices = synth.getVoices();
  return voices.length ? { status: 'ready', voices } : { status: 'loading' };
}

function sameVoices(current: VoicesState, voices: SpeechSynthesisVoice[]): boolean {
  return (
    current.status === 'ready' &&
    current.voices.length === voices.length &&
    current.voices.every((v, i) => v.voiceURI === voices[i].voiceURI)
  );
}
