import { useCallback, useRef, useState } from 'preact/hooks';

const UNDO_MS = 8000;

export interface Toast {
  message: string;
  undo?: () => void;
}

/** One message at a time; each hides after UNDO_MS, long enough to press its Undo. */
export function useToast() {
  const [toast, setToast] = useState<Toast | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const showToast = useCallback((next: Toast) => {
    clearTimeout(timer.current);
    setToast(next);
    timer.current = setTimeout(() => setToast(null), UNDO_MS);
  }, []);
  const hideToast = useCallback(() => setToast(null), []);

  return { toast, showToast, hideToast };
}
