import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract/article';
import type { ReadResult } from '@/lib/reader/read-tab';
import { type ReaderState, stateOfResult } from '@/lib/reader/reader-state';
import { applySettings, type ReaderSettings } from '@/lib/settings/settings';
import { ArticleView } from './ArticleView';
import { Icon } from './Icon';
import { EmptyState, ErrorState, LoadingState, RestrictedState } from './ReaderStates';
import { SettingsPanel } from './SettingsPanel';

export interface ReaderProps {
  layout: 'popup' | 'tab';
  /** The first read, started before the first render so extraction overlaps Preact's boot. */
  initial: Promise<ReadResult>;
  /** Reads again (the retry button). */
  reload: () => Promise<ReadResult>;
  settings: ReaderSettings;
  onSettingsChange: (settings: ReaderSettings) => void;
  /** Shown in the popup only: opens the same article in a full tab. */
  onOpenInTab?: () => void;
  /** The full-tab command's current shortcut, shown in the button's tooltip. */
  openInTabShortcut?: string;
  /** Extra toolbar buttons (e.g. Save, highlight toggles), placed before the text settings. */
  toolbarExtras?: (article: Article) => ComponentChildren;
  /** Rendered under the article (e.g. the highlights panel). */
  articleExtras?: (article: Article) => ComponentChildren;
  /** Called once the article is on screen (after layout, before the next frame). */
  onArticlePainted?: (article: Article) => void;
  /** A saved article's stored images (see ArticleView). */
  offlineImages?: ReadonlyMap<string, string>;
}

const SETTINGS_ID = 'reader-settings';

export function Reader(props: ReaderProps) {
  const [view, setView] = useState<ReaderState>({ state: 'loading' });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);

  const run = useCallback((read: Promise<ReadResult>) => {
    setView((current) => (current.state === 'loading' ? current : { state: 'loading' }));
    read.then(
      (result) => setView(stateOfResult(result)),
      (error: unknown) => setView({ state: 'error', message: String(error), timedOut: false }),
    );
  }, []);

  // A layout effect, not an effect: an extraction that is already done renders in the first frame,
  // instead of a frame after a loading state nobody needs to see.
  useLayoutEffect(() => run(props.initial), [run, props.initial]);

  useLayoutEffect(() => applySettings(document.documentElement, props.settings), [props.settings]);

  const article = view.state === 'ready' ? view.article : null;
  useLayoutEffect(() => {
    if (!article) return;
    if (props.layout === 'tab') document.title = article.title || 'Lede';
    props.onArticlePainted?.(article);
  }, [article]);

  useEffect(() => {
    if (!settingsOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setSettingsOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [settingsOpen]);

  return (
    <div class={`reader reader--${props.layout}`} data-testid="reader" data-state={view.state}>
      <header class="toolbar">
        <span class="toolbar__brand" aria-hidden="true">
          Lede
        </span>
        <nav class="toolbar__actions" aria-label="Reader tools">
          {article && props.toolbarExtras?.(article)}
          <button
            ref={toggleRef}
            type="button"
            class="icon-button"
            data-testid="settings-toggle"
            aria-expanded={settingsOpen}
            aria-controls={SETTINGS_ID}
            aria-label="Text and theme"
            title="Text and theme"
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            <Icon name="type" />
          </button>
          {article && props.onOpenInTab && (
            <button
              type="button"
              class="icon-button"
              data-testid="open-in-tab"
              aria-label="Open in a full tab"
              title={
                props.openInTabShortcut
                  ? `Open in a full tab (${props.openInTabShortcut})`
                  : 'Open in a full tab'
              }
              onClick={props.onOpenInTab}
            >
              <Icon name="external" />
            </button>
          )}
        </nav>
      </header>
      {settingsOpen && (
        <SettingsPanel id={SETTINGS_ID} settings={props.settings} onChange={props.onSettingsChange} />
      )}
      <main class="reader__main" aria-busy={view.state === 'loading'}>
        {view.state === 'loading' && <LoadingState />}
        {view.state === 'ready' && (
          <ArticleView
            article={view.article}
            thirdPartyImages={props.settings.thirdPartyImages}
            offlineImages={props.offlineImages}
          >
            {props.articleExtras?.(view.article)}
          </ArticleView>
        )}
        {view.state === 'empty' && (
          <EmptyState
            reason={view.reason}
            onShowAnyway={
              view.candidate
                ? () => view.candidate && setView({ state: 'ready', article: view.candidate })
                : undefined
            }
          />
        )}
        {view.state === 'restricted' && <RestrictedState reason={view.reason} />}
        {view.state === 'error' && (
          <ErrorState message={view.message} timedOut={view.timedOut} onRetry={() => run(props.reload())} />
        )}
      </main>
    </div>
  );
}
