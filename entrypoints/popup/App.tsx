import { useEffect, useState } from 'preact/hooks';
import { loadAfterPaint } from '@/components/lazy';
import { LibraryLink } from '@/components/library/LibraryLink';
import { ReaderApp } from '@/components/ReaderApp';
import { handoffParams, type ListenHandoff } from '@/lib/listen/handoff';
import { commandShortcut } from '@/lib/reader/command-shortcut';
import { OPEN_READER_COMMAND, openReaderTab } from '@/lib/reader/open-reader-tab';
import type { ReadResult } from '@/lib/reader/read-tab';
import { startReading } from '@/lib/reader/start-reading';
import type { ReaderSettings } from '@/lib/settings/settings';

/** Saving (the library's code) loads after the article's first frame. */
const SaveButton = loadAfterPaint(() => import('@/components/SaveButton').then((m) => m.SaveButton));

export function App(props: {
  tabId: Promise<number | undefined>;
  initial: Promise<ReadResult>;
  settings: ReaderSettings;
}) {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    commandShortcut(OPEN_READER_COMMAND).then(setShortcut);
  }, []);
  const openInTab = async (listen?: ListenHandoff | null) => {
    const id = await props.tabId;
    if (id === undefined) return;
    await openReaderTab(id, listen ? handoffParams(listen) : {});
    window.close();
  };
  return (
    <ReaderApp
      layout="popup"
      initial={props.initial}
      reload={() => startReading(props.tabId)}
      initialSettings={props.settings}
      toolbarExtras={(article) => (
        <>
          <SaveButton article={article} />
          <LibraryLink closeAfter />
        </>
      )}
      onOpenInTab={() => openInTab()}
      onContinueListening={openInTab}
      openInTabShortcut={shortcut}
    />
  );
}
