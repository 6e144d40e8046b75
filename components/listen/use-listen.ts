import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { annotate } from '@/lib/annotate/annotate';
import type { Annotations } from '@/lib/annotate/annotations';
import { articleLanguage } from '@/lib/annotate/languages';
import type { Article } from '@/lib/extract/article';
import { buildTextMap } from '@/lib/highlight/text-map';
import { chooseVoice, primaryLanguage, type VoiceChoice, voicesFor } from '@/lib/listen/choose-voice';
import { handoffOf, type ListenHandoff, resolveHandoff } from '@/lib/listen/handoff';
import type { ListenSettings } from '@/lib/listen/listen-settings';
import { clearSentenceMark, markSentence } from '@/lib/listen/mark-sentence';
import { buildSpeechPlan, type SpeechPlan } from '@/lib/listen/speech-plan';
import {
  type PlayerState,
  SpeechPlayer,
  type UtteranceLike,
  type VoiceSetup,
} from '@/lib/listen/speech-player';
import { useListenSettings } from './use-listen-settings';
import { useVoices, type VoicesState } from './use-voices';

/** One article being read: its body, text, annotations, plan and player. */
interface Session {
  body: HTMLElement;
  text: string;
  annotations: Annotations | null;
  plan: SpeechPlan;
  player: SpeechPlayer;
}

export interface ListenView {
  voicesState: VoicesState;
  player: PlayerState;
  /** The controls are shown (Listen was pressed, or playback came from the popup). */
  open: boolean;
  settings: ListenSettings;
  choice: VoiceChoice<SpeechSynthesisVoice> | null;
  /** Voices to offer, the article's language first. */
  voices: SpeechSynthesisVoice[];
  toggle(): void;
  skip(step: 1 | -1): void;
  /** Stops and hides the controls. */
  close(): void;
  update(patch: Partial<ListenSettings>): void;
  setVoice(voiceURI: string): void;
  /** Where playback is, for "Continue in tab". */
  handoff(): ListenHandoff | null;
}

const IDLE: PlayerState = { status: 'idle', sentence: -1, message: null, boundaries: false };

const synthesis = (): SpeechSynthesis | undefined =>
  typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;

const articleBody = () => document.querySelector<HTMLElement>('[data-testid="article-body"]');

/**
 * Reads `article` aloud with the browser's speechSynthesis: voice by the article's language (the
 * reader's kept choice per language first), the sentence being read marked and kept in view,
 * speakers announced. With `handoff` (the popup's "Continue in tab"), playback starts there.
 */
export function useListen(article: Article, handoff: ListenHandoff | null = null): ListenView {
  const synth = useMemo(synthesis, []);
  const voicesState = useVoices(synth);
  const [settings, update] = useListenSettings();
  const [player, setPlayer] = useState<PlayerState>(IDLE);
  const [open, setOpen] = useState(!!handoff);
  const session = useRef<Session | null>(null);
  // Play once voices are there: `from` a sentence, or -1 for "where it stopped".
  const pending = useRef<{ from: number | ListenHandoff } | null>(handoff ? { from: handoff } : null);

  const lang = useMemo(() => articleLanguage(article.textContent, article.lang) ?? article.lang, [article]);
  const voices = voicesState.status === 'ready' ? voicesState.voices : [];
  const choice = useMemo(
    () => chooseVoice(voices, lang, settings.voices[primaryLanguage(lang)]),
    [voices, lang, settings.voices],
  );
  const setup = useMemo<VoiceSetup>(
    () => ({ voice: choice?.voice ?? null, lang: lang ?? choice?.voice.lang ?? '', rate: settings.rate }),
    [choice, lang, settings.rate],
  );
  const setupRef = useRef(setup);

  const prepare = useCallback((): Session | null => {
    const body = articleBody();
    if (!synth || !body) return null;
    if (session.current?.body === body) return session.current;
    session.current?.player.dispose();
    const text = buildTextMap(body).text;
    let annotations: Annotations | null = null;
    try {
      annotations = annotate({ textContent: text, lang: article.lang });
    } catch {
      // Without annotations the article is still read, only without speaker announcements.
    }
    const plan = buildSpeechPlan(text, annotations, { lang, announceSpeakers: settings.announceSpeakers });
    const make = (t: string) => new SpeechSynthesisUtterance(t) as unknown as UtteranceLike;
    const speaker = synth as unknown as ConstructorParameters<typeof SpeechPlayer>[0];
    const p = new SpeechPlayer(speaker, make, plan, setupRef.current, setPlayer);
    session.current = { body, text, annotations, plan, player: p };
    return session.current;
  }, [synth, article, lang, settings.announceSpeakers]);

  const start = useCallback(
    (from: number | ListenHandoff) => {
      const s = prepare();
      if (!s) return;
      if (typeof from === 'number') s.player.play(from < 0 ? undefined : from);
      else s.player.play(resolveHandoff(s.plan, from));
    },
    [prepare],
  );

  // Voices arrived (or were already there) with a play waiting.
  useEffect(() => {
    if (voicesState.status !== 'ready' || !pending.current) return;
    const { from } = pending.current;
    pending.current = null;
    start(from);
  }, [voicesState, start]);

  useSetupChanges(session, setup, setupRef);
  useAnnounceChanges(session, settings.announceSpeakers, lang);
  useSentenceMark(session, player);
  usePlayPauseKey(() => toggleRef.current());
  useEffect(() => {
    // The page going away (the popup losing focus closes it) stops speech, in every browser.
    const end = () => session.current?.player.dispose();
    window.addEventListener('pagehide', end);
    return () => {
      window.removeEventListener('pagehide', end);
      end();
      if (session.current) clearSentenceMark(session.current.body);
    };
  }, []);

  const toggle = () => {
    setOpen(true);
    if (voicesState.status === 'loading') pending.current = { from: -1 };
    if (voicesState.status !== 'ready') return;
    const s = session.current?.body === articleBody() ? session.current : null;
    if (s) s.player.toggle();
    else start(-1);
  };
  const toggleRef = useRef(toggle);
  toggleRef.current = toggle;

  return {
    voicesState,
    player,
    open,
    settings,
    choice,
    voices: useMemo(() => voicesFor(voices, lang, choice?.voice), [voices, lang, choice]),
    toggle,
    skip: (step) => session.current?.player.skip(step),
    close: () => {
      session.current?.player.stop();
      pending.current = null;
      setOpen(false);
    },
    update,
    setVoice: (voiceURI) => update({ voices: { ...settings.voices, [primaryLanguage(lang)]: voiceURI } }),
    handoff: () => {
      const s = session.current;
      if (!s?.plan.sentences.length) return null;
      return handoffOf(s.plan, Math.max(0, s.player.state.sentence));
    },
  };
}

/** A new voice or rate restarts the sentence being read with it. */
function useSetupChanges(
  session: { current: Session | null },
  setup: VoiceSetup,
  setupRef: { current: VoiceSetup },
) {
  useEffect(() => {
    const before = setupRef.current;
    setupRef.current = setup;
    const same =
      before.voice?.voiceURI === setup.voice?.voiceURI &&
      before.rate === setup.rate &&
      before.lang === setup.lang;
    if (!same) session.current?.player.configure(setup);
  }, [session, setup, setupRef]);
}

/** Announcements switched on or off: the plan is rebuilt, the sentences stay the same. */
function useAnnounceChanges(
  session: { current: Session | null },
  announceSpeakers: boolean,
  lang: string | null,
) {
  useEffect(() => {
    const s = session.current;
    if (!s) return;
    s.plan = buildSpeechPlan(s.text, s.annotations, { lang, announceSpeakers });
    s.player.replan(s.plan);
  }, [session, announceSpeakers, lang]);
}

/**
 * Marks the sentence being read (`[data-tts-current]`) and scrolls it into view when it is not.
 * A layout effect: the mark moves (or goes, on Stop) in the same frame as the controls change,
 * not a frame later.
 */
function useSentenceMark(session: { current: Session | null }, player: PlayerState) {
  useLayoutEffect(() => {
    const s = session.current;
    if (!s) return;
    const sentence = s.plan.sentences[player.sentence];
    if (!sentence || player.status === 'idle') {
      clearSentenceMark(s.body);
      return;
    }
    const [first] = markSentence(s.body, sentence.start, sentence.end);
    if (first) keepInView(first);
  }, [session, player.sentence, player.status]);
}

function keepInView(el: HTMLElement) {
  const rect = el.getBoundingClientRect();
  // Leave room for the sticky toolbar above and the listen controls below.
  if (rect.top >= 72 && rect.bottom <= window.innerHeight - 120) return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

/** Whether a key press is typing (then it is not a shortcut). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** The `l` key plays and pauses (like `s` saves). */
function usePlayPauseKey(toggle: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'l' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || event.defaultPrevented) return;
      event.preventDefault();
      toggle();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
