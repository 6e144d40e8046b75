import type { VoiceLike } from './choose-voice';
import { paragraphStep, type SpeechPlan } from './speech-plan';
import { type SpeechCursor, sentenceAtChar, type Utterance, utteranceAt } from './utterances';

/** The part of `SpeechSynthesis` the player uses (the browser's, or a stand-in in tests). */
export interface SynthLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
}

/** The part of `SpeechSynthesisUtterance` the player uses. */
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onstart: ((event: unknown) => void) | null;
  onend: ((event: unknown) => void) | null;
  onerror: ((event: { error?: string }) => void) | null;
  onboundary: ((event: { charIndex: number; name?: string }) => void) | null;
}

/** Slow speech (rate 0.5 doubles it): about 14 characters a second at rate 1. */
const MS_PER_CHAR = 70;
/** Engines take a moment to start (speech-dispatcher: ~0.5 s; voices loading: more). */
const STALL_MARGIN_MS = 10_000;
const STALLED = 'The speech engine stopped answering. Press Listen to go on from this sentence.';

export type PlayerStatus = 'idle' | 'playing' | 'paused' | 'ended' | 'blocked' | 'error';

export interface PlayerState {
  status: PlayerStatus;
  /** The sentence being read (or where playback will resume); -1 for none. */
  sentence: number;
  /** Why playback stopped (`error`, `blocked`). */
  message: string | null;
  /** The engine has reported word boundaries: utterances then hold several sentences. */
  boundaries: boolean;
}

export interface VoiceSetup {
  voice: VoiceLike | null;
  /** The article's language, set on every utterance. */
  lang: string;
  rate: number;
}

/**
 * Reads a speech plan through `synth`, one utterance after another, and reports which sentence is
 * being said. Pause cancels and remembers the sentence (engines' own pause is unreliable: Chrome on
 * Linux and Firefox ignore it for some voices), so resuming starts that sentence again. Events of a
 * cancelled utterance are ignored: each `speak` starts a new generation.
 */
export class SpeechPlayer {
  state: PlayerState = { status: 'idle', sentence: -1, message: null, boundaries: false };
  private generation = 0;
  private watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly synth: SynthLike,
    private readonly makeUtterance: (text: string) => UtteranceLike,
    private plan: SpeechPlan,
    private setup: VoiceSetup,
    private readonly onChange: (state: PlayerState) => void,
  ) {}

  /** Starts (or resumes) reading at sentence `from` (default: where it stopped, else the start). */
  play(from = Math.max(this.state.sentence, 0)): void {
    if (!this.plan.sentences.length) {
      this.set({ status: 'ended', sentence: -1 });
      return;
    }
    this.speak({ sentence: Math.min(Math.max(0, from), this.plan.sentences.length - 1), piece: 0 });
  }

  pause(): void {
    if (this.state.status !== 'playing') return;
    this.silence();
    this.set({ status: 'paused' });
  }

  /** Play/pause: the Listen button and its key. */
  toggle(): void {
    if (this.state.status === 'playing') this.pause();
    else this.play();
  }

  stop(): void {
    this.silence();
    this.set({ status: 'idle', sentence: -1, message: null });
  }

  /** Moves to the next (`1`) or previous (`-1`) paragraph; keeps playing if it was. */
  skip(step: 1 | -1): void {
    const from = Math.max(0, this.state.sentence);
    const target = paragraphStep(this.plan, from, step);
    if (target < 0) return;
    if (this.state.status === 'playing') this.speak({ sentence: target, piece: 0 });
    else this.set({ sentence: target, status: this.state.status === 'idle' ? 'paused' : this.state.status });
  }

  /** New voice, language or rate: the sentence being read starts again with it. */
  configure(setup: VoiceSetup): void {
    this.setup = setup;
    if (this.state.status === 'playing') this.play(this.state.sentence);
  }

  /** A new plan with the same sentences (announcements switched on or off, annotations arrived). */
  replan(plan: SpeechPlan): void {
    this.plan = plan;
  }

  /** Cancels speech for good (the reader closes). */
  dispose(): void {
    this.silence();
  }

  private silence(): void {
    this.generation++;
    clearTimeout(this.watchdog);
    this.synth.cancel();
  }

  /**
   * An engine that cannot reach its audio output (speech-dispatcher without a sound server) may fire
   * `start` and never `end`: past `stallMs` of an utterance with no event, playback stops with an
   * error instead of hanging silently. Every event restarts the wait.
   */
  private watch(generation: number, text: string): void {
    clearTimeout(this.watchdog);
    const expected = (text.length * MS_PER_CHAR) / Math.max(0.5, this.setup.rate);
    this.watchdog = setTimeout(
      () => {
        if (generation !== this.generation) return;
        this.silence();
        this.set({ status: 'error', message: STALLED });
      },
      STALL_MARGIN_MS + 2 * expected,
    );
  }

  private speak(cursor: SpeechCursor): void {
    this.silence();
    const generation = this.generation;
    const utterance = utteranceAt(this.plan, cursor, this.state.boundaries);
    if (!utterance) {
      this.set({ status: 'ended', sentence: -1 });
      return;
    }
    const u = this.makeUtterance(utterance.text);
    u.lang = this.setup.lang;
    u.rate = this.setup.rate;
    if (this.setup.voice) u.voice = this.setup.voice;
    const live = () => generation === this.generation;
    u.onstart = () => {
      if (!live()) return;
      this.watch(generation, utterance.text);
      this.set({ sentence: utterance.parts[0].sentence });
    };
    u.onboundary = (event) => {
      if (!live()) return;
      this.watch(generation, utterance.text.slice(event.charIndex));
      this.state.boundaries = true;
      this.set({ sentence: sentenceAtChar(utterance, event.charIndex) });
    };
    u.onend = () => live() && this.afterEnd(utterance);
    u.onerror = (event) => live() && this.failed(event.error ?? 'unknown');
    this.set({ status: 'playing', sentence: cursor.sentence, message: null });
    this.watch(generation, utterance.text);
    this.synth.speak(u);
  }

  private afterEnd(utterance: Utterance): void {
    clearTimeout(this.watchdog);
    if (utterance.next) this.speak(utterance.next);
    else {
      this.generation++;
      this.set({ status: 'ended', sentence: -1 });
    }
  }

  private failed(error: string): void {
    this.generation++;
    clearTimeout(this.watchdog);
    if (error === 'not-allowed') {
      this.set({
        status: 'blocked',
        message: 'The browser did not let Lede start speaking here: press Listen.',
      });
    } else if (error === 'interrupted' || error === 'canceled') {
      // Something else took the speech engine (another page, the system): stop where we were.
      this.set({ status: 'paused' });
    } else {
      this.set({
        status: 'error',
        message: `Speech stopped (${error}). Press Listen to go on from this sentence.`,
      });
    }
  }

  private set(patch: Partial<PlayerState>): void {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }
}
