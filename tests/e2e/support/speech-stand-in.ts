/**
 * A stand-in `speechSynthesis` for extension pages in headless Chromium (which has no voices),
 * installed with `context.addInitScript(installSpeechStandIn)`. It speaks nothing: the test drives
 * it through `window.__tts` — `start()`, `boundary(i)`, `end()`, `fail(error)` on the utterance
 * being spoken — and reads what was asked (`__tts.spoken`: text, lang, rate, voice). Voices come from
 * `window.__ttsVoices` when a page sets it (an empty list: no voices), else an English and a French one.
 * Self-contained: Playwright serializes the function into the page.
 */
export function installSpeechStandIn(): void {
  interface StandInUtterance {
    text: string;
    lang: string;
    rate: number;
    voice: { voiceURI: string } | null;
    onstart: ((e: unknown) => void) | null;
    onend: ((e: unknown) => void) | null;
    onerror: ((e: { error: string }) => void) | null;
    onboundary: ((e: { charIndex: number; name: string }) => void) | null;
  }
  const w = window as unknown as Record<string, unknown>;
  const defaults = [
    { voiceURI: 'stand-in-en', name: 'Stand-in English', lang: 'en-US', default: true, localService: true },
    { voiceURI: 'stand-in-fr', name: 'Stand-in French', lang: 'fr-FR', default: false, localService: true },
  ];
  const queue: StandInUtterance[] = [];
  const spoken: { text: string; lang: string; rate: number; voice: string | null }[] = [];
  class Utterance {
    text: string;
    lang = '';
    rate = 1;
    pitch = 1;
    volume = 1;
    voice = null;
    onstart = null;
    onend = null;
    onerror = null;
    onboundary = null;
    constructor(text = '') {
      this.text = text;
    }
  }
  const synth = {
    get speaking() {
      return queue.length > 0;
    },
    paused: false,
    pending: false,
    getVoices: () => (w.__ttsVoices as typeof defaults | undefined) ?? defaults,
    speak(u: StandInUtterance) {
      queue.push(u);
      spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.voiceURI ?? null });
    },
    cancel() {
      const current = queue[0];
      queue.length = 0;
      current?.onerror?.({ error: 'interrupted' });
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.SpeechSynthesisUtterance = Utterance;
  w.__tts = {
    spoken,
    current: () => queue[0]?.text ?? null,
    start: () => queue[0]?.onstart?.({}),
    boundary: (charIndex: number) => queue[0]?.onboundary?.({ charIndex, name: 'word' }),
    end: () => queue.shift()?.onend?.({}),
    fail: (error: string) => queue.shift()?.onerror?.({ error }),
  };
}
