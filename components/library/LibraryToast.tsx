import type { Toast } from './use-toast';

/** The live region stays in the page, so screen readers announce each toast put into it. */
export function LibraryToast({ toast }: { toast: Toast | null }) {
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="toast" data-testid="toast">
          <span>{toast.message}</span>
          {toast.undo && (
            <button type="button" onClick={toast.undo} data-testid="undo">
              Undo
            </button>
          )}
        </div>
      )}
    </div>
  );
}
