import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract/article';
import type { ListenHandoff } from '@/lib/listen/handoff';
import type { ReadResult } from '@/lib/reader/read-tab';
import { MARKS, mark, markAfterPaint } from '@/lib/reader/reader-timing';
import { loadSettings, type ReaderSettings, saveSettings, watchSettings } from '@/lib/settings/settings';
import { loadAfterPaint } from './lazy';
import { Reader, type ReaderProps } from './Reader';

/** Annotation and its marks come after the article's first frame, and so does their code. */
const Highlights = loadAfterPaint(() => import('./Highlights').then((m) => m.Highlights));
/** Listen (read aloud) loads after the first frame too. */
const Listen = loadAfterPaint(() => import('./listen/Listen').then((m) => m.Listen));
/** The reader's own highlights and notes (lib/notes), likewise after the first frame. */
const UserHighlights = loadAfterPaint(() => import('./notes/UserHighlights').then((m) => m.UserHighlights));

interface ReaderAppProps extends Omit<ReaderProps, 'settings' | 'onSettingsChange' | 'reload'> {
  /** Settings read synchronously before the first render (from the localStorage cache). */
  initialSettings: ReaderSettings;
  reload: () => Promise<ReadResult>;
  /** Playback carried over from the popup ("Continue in tab"): Listen starts there. */
  listenHandoff?: ListenHandoff | null;
  /** Popup only: "Continue in tab" for Listen. */
  onContinueListening?: (handoff: ListenHandoff | null) => void;
  /** The library id when the article shown is the saved copy. */
  savedId?: string;
}

/** The reader with its settings kept in storage and in sync across every open reader page. */
export function ReaderApp({
  initialSettings,
  listenHandoff,
  onContinueListening,
  savedId,
  ...props
}: ReaderAppProps) {
  const [settings, setSettings] = useState(initialSettings);
  /** Set once the reader changes a setting here: the stored ones, read at mount, must not undo it. */
  const changedHere = useRef(false);
  useEffect(() => {
    let live = true;
    // The stored settings usually equal the cached ones the page started with: keep the same
    // object then, so the article is not rendered again (nor the page restyled) as it appears.
    const update = (next: ReaderSettings) =>
      setSettings((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    loadSettings().then((stored) => live && !changedHere.current && update(stored));
    const unwatch = watchSettings(update);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const onSettingsChange = useCallback((next: ReaderSettings) => {
    changedHere.current = true;
    setSettings(next);
    void saveSettings(next);
  }, []);
  const onArticlePainted = useCallback<NonNullable<ReaderProps['onArticlePainted']>>(
    (article) => {
      mark(MARKS.rendered);
      markAfterPaint(MARKS.painted);
      props.onArticlePainted?.(article);
    },
    [props.onArticlePainted],
  );
  const articleExtras = useCallback<NonNullable<ReaderProps['articleExtras']>>(
    (article) => (
      <>
        {props.articleExtras?.(article)}
        <Highlights
          key={article.url}
          lang={article.lang}
          page={article}
          layers={settings.highlights}
          mentions={settings.entityMentions}
          onLayersChange={(highlights) => onSettingsChange({ ...settings, highlights })}
        />
        <UserHighlights key={`user-${article.url}`} article={article} savedId={savedId} />
      </>
    ),
    [props.articleExtras, settings, onSettingsChange, savedId],
  );
  const toolbarExtras = (article: Article) => (
    <>
      {props.toolbarExtras?.(article)}
      <Listen
        key={article.url}
        article={article}
        layout={props.layout}
        handoff={listenHandoff}
        onContinueInTab={onContinueListening}
      />
    </>
  );
  return (
    <Reader
      {...props}
      toolbarExtras={toolbarExtras}
      settings={settings}
      onSettingsChange={onSettingsChange}
      onArticlePainted={onArticlePainted}
      articleExtras={articleExtras}
    />
  );
}
