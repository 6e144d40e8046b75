import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { requestImageAccess, sweepImageAccess } from '@/lib/library/request-image-access';
import { describeImageReport, saveArticleImages, type saveArticleText } from '@/lib/library/save-article';

/**
 * The images of a save, after its text: waiting for the permission prompt (which never blocks
 * the text), downloading with progress, then done (`note`: which were not saved and why).
 */
export type ImagesState =
  | { kind: 'none' }
  | { kind: 'waiting'; total: number; hosts: string }
  | { kind: 'downloading'; done: number; total: number }
  | { kind: 'done'; note: string | null };

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What the Save button's note says about the images. */
export function imagesNote(images: ImagesState): string | null {
  switch (images.kind) {
    case 'waiting':
      return `Saved. Waiting for your permission to download ${images.total === 1 ? 'its image' : `its ${images.total} images`} from ${images.hosts}…`;
    case 'downloading':
      return `Saving images ${images.done}/${images.total}…`;
    case 'done':
      return images.note;
    default:
      return null;
  }
}

type SavedText = Awaited<ReturnType<typeof saveArticleText>>;

/**
 * The image half of saving. `begin(origins)` runs synchronously in the Save click (the browser
 * shows the permission prompt only inside the gesture) and returns `run`, to call once the text
 * is saved, and `finish`, which gives the permission back. `cancel` stops the download; leaving
 * the page (popup closed) cancels it and gives the permission back too.
 */
export function useSaveImages() {
  const [images, setImages] = useState<ImagesState>({ kind: 'none' });
  const current = useRef<{ controller: AbortController; release(): Promise<void> } | null>(null);

  useEffect(() => {
    // Gives back host permissions a closed page could not (lib/library/request-image-access.ts).
    sweepImageAccess().catch(() => {});
    return () => {
      current.current?.controller.abort();
      current.current?.release().catch(() => {});
    };
  }, []);

  const begin = useCallback((origins: string[], hosts: string) => {
    const access = requestImageAccess(origins);
    const controller = new AbortController();
    const entry = { controller, release: access.release };
    current.current = entry;
    setImages({ kind: 'none' });
    const run = async (saved: SavedText) => {
      if (saved.pendingImages.length > 0) {
        setImages({ kind: 'waiting', total: saved.pendingImages.length, hosts });
      }
      try {
        const report = await saveArticleImages(saved, {
          permission: access.granted,
          signal: controller.signal,
          onStart: (total) => setImages({ kind: 'downloading', done: 0, total }),
          onProgress: (done, total) => setImages({ kind: 'downloading', done, total }),
        });
        setImages({ kind: 'done', note: describeImageReport(report) });
      } catch (error) {
        setImages({ kind: 'done', note: `Images not saved: ${errorMessage(error)}` });
      }
    };
    const finish = () => {
      access.release().catch(() => {});
      if (current.current === entry) current.current = null;
    };
    return { run, finish };
  }, []);

  const cancel = useCallback(() => current.current?.controller.abort(), []);
  return { images, begin, cancel };
}
