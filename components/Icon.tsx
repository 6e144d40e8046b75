/** Inline icons (no icon font, no request). Decorative: the button around them carries the label. */
const PATHS = {
  type: 'M4 19 9.5 5h1L16 19M6.2 14h7.6M15 19l3.5-9h.5l3.5 9M16.2 16h5.1',
  external: 'M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
  retry: 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  search: 'M10.5 17a6.5 6.5 0 1 1 0-13 6.5 6.5 0 0 1 0 13ZM15.5 15.5 20 20',
  alert: 'M12 3 2 20h20L12 3ZM12 10v4M12 17h.01',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15 9h.01',
  close: 'M6 6l12 12M18 6 6 18',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return <PathIcon d={PATHS[name]} size={size} />;
}

/** One stroked 24×24 path as an inline, decorative icon; other icon sets (components/listen) draw with it. */
export function PathIcon({ d, size = 20 }: { d: string; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
