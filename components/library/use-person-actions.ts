import { useCallback } from 'preact/hooks';
import { findPerson, type QuoteGroup } from '@/lib/people/find-person';
import type { PersonEntry } from '@/lib/people/resolve';
import { describeError } from './describe-error';
import { downloadBlob } from './download-blob';
import { loadPeopleData } from './load-people';
import type { Toast } from './use-toast';

interface PersonActionsDeps {
  entry: PersonEntry | null;
  entries: PersonEntry[];
  groups: QuoteGroup[];
  reload: () => Promise<void>;
  showToast(toast: Toast): void;
  hideToast(): void;
}

/** The person view's actions: delete an article (with Undo), merge, split, export as Markdown. */
export function usePersonActions({
  entry,
  entries,
  groups,
  reload,
  showToast,
  hideToast,
}: PersonActionsDeps) {
  const fail = useCallback(
    (what: string, error: unknown) => showToast({ message: `Could not ${what}: ${describeError(error)}` }),
    [showToast],
  );

  const deleteArticle = useCallback(
    async (id: string) => {
      try {
        const data = await loadPeopleData();
        const deleted = await data.deleteArticle(data.db, id);
        await reload();
        if (!deleted) return;
        showToast({
          message: `Deleted “${deleted.article.title}”; its quotes left the index.`,
          undo: async () => {
            hideToast();
            if (!(await data.restoreArticle(data.db, deleted)))
              showToast({ message: 'This article was saved again meanwhile; nothing to undo.' });
            await reload();
          },
        });
      } catch (error) {
        fail('delete the article', error);
      }
    },
    [reload, showToast, hideToast, fail],
  );

  const merge = useCallback(
    async (otherName: string) => {
      const other = findPerson(entries, otherName);
      if (!entry || !other || other.key === entry.key) {
        showToast({ message: `No other entry called “${otherName}” in your library.` });
        return;
      }
      try {
        const data = await loadPeopleData();
        await data.mergePeople(data.db, entry, other);
        await reload();
        showToast({ message: `Merged “${other.name}” into “${entry.name}”.` });
      } catch (error) {
        fail('merge', error);
      }
    },
    [entry, entries, reload, showToast, fail],
  );

  const split = useCallback(
    async (key: string) => {
      try {
        const data = await loadPeopleData();
        await data.splitPerson(data.db, key);
        await reload();
      } catch (error) {
        fail('split', error);
      }
    },
    [reload, fail],
  );

  const exportMarkdown = useCallback(async () => {
    if (!entry) return;
    try {
      // turndown's escaping, loaded only for an export.
      const { personMarkdown, personMarkdownFileName } = await import('@/lib/people/person-markdown');
      const text = personMarkdown(entry, groups);
      downloadBlob(new Blob([text], { type: 'text/markdown' }), personMarkdownFileName(entry.name));
    } catch (error) {
      fail('export', error);
    }
  }, [entry, groups, fail]);

  return { deleteArticle, merge, split, exportMarkdown };
}
