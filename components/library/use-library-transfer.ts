import { useCallback } from 'preact/hooks';
import type { StoredArticle } from '@/lib/db/schema';
import { describeError } from './describe-error';
import { downloadBlob } from './download-blob';
import { libraryData } from './load-library';
import type { Toast } from './use-toast';

interface LibraryTransferDeps {
  selected: Set<string>;
  showToast(toast: Toast): void;
  /** After an import: the rows, counts, menus and storage use have all changed. */
  reloadAll(): void;
  refreshStorage(): void;
  refreshMenus(): void;
}

/**
 * Markdown export of the selection, and backup and restore of the whole library. Their code
 * (turndown, zip, validation) is imported only when used: the list paints sooner.
 */
export function useLibraryTransfer({
  selected,
  showToast,
  reloadAll,
  refreshStorage,
  refreshMenus,
}: LibraryTransferDeps) {
  const exportMarkdown = useCallback(async () => {
    const { articleToMarkdown, markdownFileName } = await import('@/lib/library/markdown-export');
    const { withHighlightsMarkdown } = await import('@/lib/notes/highlights-markdown');
    const { db, getArticle } = await libraryData();
    const articles = (await Promise.all([...selected].map((id) => getArticle(db, id)))).filter(
      (a): a is StoredArticle => !!a,
    );
    // Each article with the reader's highlights (blockquotes) and notes at its end.
    const texts = await Promise.all(
      articles.map((a) => withHighlightsMarkdown(db, a.id, articleToMarkdown(a))),
    );
    if (articles.length === 1) {
      downloadBlob(new Blob([texts[0]], { type: 'text/markdown' }), markdownFileName(articles[0]));
    } else if (articles.length > 1) {
      const { zipFiles } = await import('@/lib/library/zip-files');
      const files = articles.map((a, i) => ({ name: markdownFileName(a), text: texts[i] }));
      downloadBlob(zipFiles(files), 'lede-articles.zip');
    }
  }, [selected]);

  const backup = useCallback(async () => {
    try {
      showToast({ message: 'Preparing the backup…' });
      const { backupFileName, exportLibrary } = await import('@/lib/db/export-library');
      downloadBlob(await exportLibrary((await libraryData()).db), backupFileName());
      showToast({ message: 'Backup downloaded.' });
    } catch (error) {
      showToast({ message: `Could not back up the library: ${describeError(error)}` });
    }
  }, [showToast]);

  const restore = useCallback(
    async (file: File) => {
      try {
        showToast({ message: `Importing ${file.name}…` });
        const { importLibrary } = await import('@/lib/db/import-library');
        const result = await importLibrary((await libraryData()).db, file);
        reloadAll();
        refreshStorage();
        refreshMenus();
        showToast({
          message: `Imported ${result.articles} article${result.articles === 1 ? '' : 's'} and ${result.images} image${result.images === 1 ? '' : 's'}${result.highlights ? ` with ${result.highlights} highlight${result.highlights === 1 ? '' : 's'}` : ''}.`,
        });
      } catch (error) {
        showToast({ message: `Nothing was imported. ${describeError(error)}` });
      }
    },
    [showToast, reloadAll, refreshStorage, refreshMenus],
  );

  return { exportMarkdown, backup, restore };
}
