import { Fragments } from '../highlight/apply-highlights';
import { piecesOf, type TextMap } from '../highlight/text-map';

/** A highlight placed in the text: its id, its offsets into `map.text`, and whether it has a note. */
export interface PlacedHighlight {
  id: string;
  start: number;
  end: number;
  hasNote: boolean;
}

export const USER_MARK = 'data-user-highlight';
const ID_ATTR = 'data-highlight-id';
const NOTE_ATTR = 'data-has-note';

/** The marks of highlight `id` in `root`, in document order. */
export function userMarksOf(root: ParentNode, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`mark[${USER_MARK}]`)).filter(
    (mark) => mark.getAttribute(ID_ATTR) === id,
  );
}

/** Marks the note state on every mark of highlight `id`. */
export function setHasNote(root: ParentNode, id: string, hasNote: boolean): void {
  for (const mark of userMarksOf(root, id)) mark.toggleAttribute(NOTE_ATTR, hasNote);
}

function userMark(doc: Document, highlight: PlacedHighlight, first: boolean): HTMLElement {
  const mark = doc.createElement('mark');
  mark.setAttribute(USER_MARK, '');
  mark.setAttribute(ID_ATTR, highlight.id);
  if (highlight.hasNote) mark.setAttribute(NOTE_ATTR, '');
  if (first) {
    // One stop per highlight for the keyboard: Enter opens its note.
    mark.tabIndex = 0;
    mark.title = 'Your highlight: click or press Enter for its note';
  }
  return mark;
}

/**
 * Wraps each highlight's text (offsets into `map.text`, built from `root` as it is now) in
 * `<mark data-user-highlight data-highlight-id>`: one mark per text-node piece, so a highlight
 * may span paragraphs and cross quote and name marks (it nests inside them) without breaking
 * them or any link. Returns the marks made, by highlight id.
 */
export function applyUserMarks(
  root: Element,
  map: TextMap,
  highlights: readonly PlacedHighlight[],
): Map<string, HTMLElement[]> {
  const fragments = new Fragments();
  const made = new Map<string, HTMLElement[]>();
  for (const highlight of highlights) {
    const marks: HTMLElement[] = [];
    for (const piece of piecesOf(map, highlight.start, highlight.end)) {
      marks.push(...fragments.wrap(piece, () => userMark(root.ownerDocument, highlight, marks.length === 0)));
    }
    made.set(highlight.id, marks);
  }
  return made;
}

/** Unwraps the marks of highlight `id` (every highlight's when omitted), leaving the text as it was. */
export function removeUserMarks(root: Element, id?: string): void {
  const marks = id
    ? userMarksOf(root, id)
    : Array.from(root.querySelectorAll<HTMLElement>(`mark[${USER_MARK}]`));
  const parents = new Set<Node>();
  for (const mark of marks.reverse()) {
    if (mark.parentNode) parents.add(mark.parentNode);
    mark.replaceWith(...Array.from(mark.childNodes));
  }
  for (const parent of parents) parent.normalize();
}
