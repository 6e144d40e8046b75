import { useEffect, useRef } from 'preact/hooks';
import type { StoredHighlight } from '@/lib/notes/stored-highlight';

interface NoteEditorProps {
  highlight: StoredHighlight;
  onNote: (note: string) => void;
  /** The editor lost focus or closed: store the note now. */
  onFlush: () => void;
  onDelete: () => void;
  onClose: () => void;
}

/**
 * The note of one highlight: its quote, a text box saved as you type (and when you leave it),
 * Delete and Done. Escape closes it; focus starts in the text box.
 */
export function NoteEditor({ highlight, onNote, onFlush, onDelete, onClose }: NoteEditorProps) {
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), [highlight.id]);
  const quote = highlight.exact.length > 160 ? `${highlight.exact.slice(0, 157)}…` : highlight.exact;
  return (
    <div
      class="note-editor"
      role="dialog"
      aria-labelledby="note-editor-title"
      data-testid="note-editor"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <h2 id="note-editor-title" class="note-editor__title">
        Note
      </h2>
      <blockquote class="note-editor__quote">{quote}</blockquote>
      <label class="visually-hidden" for="note-input">
        Your note on this highlight
      </label>
      <textarea
        id="note-input"
        ref={input}
        class="note-editor__input"
        data-testid="note-input"
        rows={3}
        placeholder="Add a note…"
        value={highlight.note}
        onInput={(event) => onNote(event.currentTarget.value)}
        onBlur={onFlush}
      />
      <div class="note-editor__actions">
        <button type="button" class="note-editor__delete" data-testid="highlight-delete" onClick={onDelete}>
          Delete highlight
        </button>
        <button type="button" data-testid="note-done" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
