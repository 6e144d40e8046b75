interface LibraryToolsProps {
  selectedCount: number;
  canBackUp: boolean;
  onExportMarkdown: () => void;
  onBackup: () => void;
  onRestore: (file: File) => void;
}

/** Export of the selection as Markdown; backup and restore of the whole library. */
export function LibraryTools({
  selectedCount,
  canBackUp,
  onExportMarkdown,
  onBackup,
  onRestore,
}: LibraryToolsProps) {
  return (
    <div class="library-tools">
      <a class="tool-button" href="library.html?view=highlights" data-testid="open-highlights">
        Highlights
      </a>
      <button
        type="button"
        disabled={selectedCount === 0}
        onClick={onExportMarkdown}
        data-testid="export-markdown"
      >
        Export Markdown{selectedCount > 0 ? ` (${selectedCount})` : ''}
      </button>
      <button type="button" onClick={onBackup} disabled={!canBackUp} data-testid="export-library">
        Back up
      </button>
      <label class="tool-button">
        Restore…
        <input
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          data-testid="import-library"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Choosing the same file again must fire another change.
            event.currentTarget.value = '';
            if (file) onRestore(file);
          }}
        />
      </label>
    </div>
  );
}
