import { PathIcon } from '../Icon';

/** The narrator's icons (inline, decorative: the buttons carry the labels). */
const PATHS = {
  listen: 'M4 9v6h4l5 4V5L8 9H4ZM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  play: 'M7 5v14l12-7z',
  pause: 'M7 5h3v14H7zM14 5h3v14h-3z',
  previous: 'M6 5v14M18 5 9 12l9 7z',
  next: 'M18 5v14M6 5l9 7-9 7z',
  stop: 'M6 6l12 12M18 6 6 18',
} as const;

export function ListenIcon({ name, size = 20 }: { name: keyof typeof PATHS; size?: number }) {
  return <PathIcon d={PATHS[name]} size={size} />;
}
