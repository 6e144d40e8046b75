import { loadAfterPaint } from '@/components/lazy';
import { LibraryLink } from '@/components/library/LibraryLink';
import { ReaderApp } from '@/components/ReaderApp';
import { parseHandoff } from '@/lib/listen/handoff';
import type { ReadResult } from '@/lib/reader/read-tab';
import { startReading } from '@/lib/reader/start-reading';
import type { ReaderSettings } from '@/lib/settings/settings';

/** Saving (the library's code) loads after the article's first frame. */
const SaveButton = loadAfterPaint(() => import('@/components/SaveButton').then((m) => m.SaveButton));

/** The full-tab reader (`reader.html?tab=<id>`): the popup's view at full width. */
export function App(props: {
  tabId: Promise<number | undefined>;
  initial: Promise<ReadResult>;
  settings: ReaderSettings;
}) {
  return (
    <ReaderApp
      layout="tab"
      initial={props.initial}
      reload={() => startReading(props.tabId)}
      initialSettings={props.settings}
      listenHandoff={parseHandoff(location.search)}
      toolbarExtras={(article) => (
        <>
          <SaveButton article={article} />
          <LibraryLink />
        </>
      )}
    />
  );
}
