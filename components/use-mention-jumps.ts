import { useCallback, useRef, useState } from 'preact/hooks';

export interface MentionJumps {
  /** What the last jump announced to screen readers ("<what>: 2 of 5"). */
  announcement: string;
  /**
   * Scrolls to and flashes the next of `targets` still in the page for `key`, cycling on repeated calls.
   * `what` names the item in the announcement.
   */
  jump: (key: string, targets: HTMLElement[], what: string) => void;
  /** Forgets where each item's cycle stands; stable across renders. */
  reset: () => void;
}

export function useMentionJumps(): MentionJumps {
  const cursor = useRef(new Map<string, number>());
  const [announcement, setAnnouncement] = useState('');
  const reset = useCallback(() => cursor.current.clear(), []);

  const jump = (key: string, targets: HTMLElement[], what: string) => {
    const live = targets.filter((t) => t.isConnected);
    if (!live.length) return;
    const next = (cursor.current.get(key) ?? -1) + 1;
    const target = live[next % live.length];
    cursor.current.set(key, next % live.length);
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    target.classList.remove('hl-flash');
    // Forces a reflow so the animation restarts when the same mention is flashed again.
    void target.offsetWidth;
    target.classList.add('hl-flash');
    setTimeout(() => target.classList.remove('hl-flash'), 1600);
    // Focus stays on the panel (repeated presses cycle); screen readers hear where it went.
    setAnnouncement(`${what}: ${(next % live.length) + 1} of ${live.length}`);
  };

  return { announcement, jump, reset };
}
