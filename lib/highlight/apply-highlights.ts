// lib/highlight: annotation ranges turned into marks in the rendered article, leaving its markup intact.
import type { Annotations, Entity, EntityType, Quote } from '../annotate/annotations';
import {
  drawnMentions,
  headingStarts,
  type MentionMarks,
  SPEAKER_NOT_NAMED,
  speakerName,
  speakerRunStarts,
} from './drawn-marks';
import { type NodePiece, piecesOf, type TextMap } from './text-map';

/** The layers a reader can switch on and off. */
export interface HighlightLayers {
  quotes: boolean;
  person: boolean;
  organization: boolean;
  place: boolean;
}

const ALL_LAYERS: HighlightLayers = { quotes: true, person: true, organization: true, place: true };

/** Every element this module creates carries it, so removal never touches the page's own markup. */
const HIGHLIGHT_ATTR = 'data-lede-highlight';

export interface AppliedHighlights {
  /** The wrappers of each quote (a quote across a link is several marks), in `annotations.quotes` order. */
  quotes: HTMLElement[][];
  /**
   * For each entity (in `annotations.entities` order), the first wrapper of each of its drawn
   * mentions: the panel jumps through these only.
   */
  entities: HTMLElement[][];
}

/**
 * Text nodes split while wrapping: each original node becomes a list of fragments, each knowing
 * its start offset in the original node's text.
 */
export class Fragments {
  private readonly byNode = new Map<Text, { node: Text; start: number }[]>();

  wrap(piece: NodePiece, make: () => HTMLElement): HTMLElement[] {
    const list = this.fragmentsOf(piece.node);
    const made: HTMLElement[] = [];
    for (let i = 0; i < list.length; i++) {
      const frag = list[i];
      const len = frag.node.data.length;
      const a = Math.max(piece.start, frag.start) - frag.start;
      const b = Math.min(piece.end, frag.start + len) - frag.start;
      if (b <= a) continue;
      let node = frag.node;
      if (a > 0) {
        node = node.splitText(a);
        list.splice(i + 1, 0, { node, start: frag.start + a });
        i++;
      }
      if (b - a < node.data.length) {
        const rest = node.splitText(b - a);
        list.splice(i + 1, 0, { node: rest, start: frag.start + b });
      }
      const wrapper = make();
      node.before(wrapper);
      wrapper.append(node);
      made.push(wrapper);
    }
    return made;
  }

  /** Puts `el` right before the first character of `piece`, splitting its text node there. */
  insertBefore(piece: NodePiece, el: HTMLElement): void {
    const list = this.fragmentsOf(piece.node);
    for (let i = 0; i < list.length; i++) {
      const frag = list[i];
      const a = piece.start - frag.start;
      if (a < 0 || a >= frag.node.data.length) continue;
      let node = frag.node;
      if (a > 0) {
        node = node.splitText(a);
        list.splice(i + 1, 0, { node, start: piece.start });
      }
      node.before(el);
      return;
    }
  }

  private fragmentsOf(node: Text): { node: Text; start: number }[] {
    let list = this.byNode.get(node);
    if (!list) {
      list = [{ node, start: 0 }];
      this.byNode.set(node, list);
    }
    return list;
  }
}

export interface HighlightOptions {
  /** Which mentions of each entity get a mark (default: the first, and the first after each heading). */
  mentions?: MentionMarks;
}

/**
 * Wraps the quotes and the drawn entity mentions of `annotations` (offsets into `map.text`, which
 * must have been built from `root` as it is now) in `<mark data-quote>` and `<span data-entity-type>`,
 * and puts an empty speaker label (`[data-speaker-label]`, shown by CSS, hidden from assistive
 * technology: the mark's title says it) before the first quote of each run by one speaker.
 * Only text-node ranges are wrapped, so links, images and paragraphs stay as they are; an entity
 * inside a quote nests inside its mark. Mentions that are not drawn are not wrapped at all.
 */
export function applyHighlights(
  root: Element,
  map: TextMap,
  annotations: Annotations,
  layers: HighlightLayers = ALL_LAYERS,
  options: HighlightOptions = {},
): AppliedHighlights {
  const fragments = new Fragments();
  const sections = headingStarts(root, map);
  // Labels first: they go between text nodes, before anything is wrapped.
  if (layers.quotes) labelSpeakerRuns(root, map, annotations.quotes, sections, fragments);
  const quotes = annotations.quotes.map((quote, qi) =>
    layers.quotes ? wrapQuote(root, map, fragments, quote, qi) : [],
  );
  const speakers = new Set(annotations.quotes.map((q) => q.speaker));
  const entities = annotations.entities.map((entity, ei) => {
    if (!layers[entity.type as EntityType]) return [];
    // A name met once that says nothing is the least useful mark: by default it is not drawn, only
    // anchored (no type, no tint) so the panel can still scroll to it and flash it.
    const drawn = options.mentions === 'all' || isProminent(entity, speakers);
    const mentions = drawn
      ? drawnMentions(entity.mentions, sections, options.mentions)
      : entity.mentions.slice(0, 1);
    return mentions.flatMap((m) => {
      const wrappers = piecesOf(map, m.start, m.end).flatMap((piece) =>
        fragments.wrap(piece, () => entitySpan(root.ownerDocument, entity, ei, drawn)),
      );
      // A mention split by a link is one stop when jumping from the panel.
      return wrappers.slice(0, 1);
    });
  });
  return { quotes, entities };
}

function wrapQuote(root: Element, map: TextMap, fragments: Fragments, quote: Quote, qi: number) {
  const doc = root.ownerDocument;
  const title = quote.speaker ? `Quote from ${quote.speaker}` : `Quote, ${SPEAKER_NOT_NAMED}`;
  return piecesOf(map, quote.start, quote.end).flatMap((piece) =>
    fragments.wrap(piece, () => {
      const mark = doc.createElement('mark');
      mark.setAttribute(HIGHLIGHT_ATTR, '');
      mark.setAttribute('data-quote', '');
      mark.setAttribute('data-quote-index', String(qi));
      mark.setAttribute('data-speaker', quote.speaker ?? '');
      mark.title = title;
      return mark;
    }),
  );
}

/** Mentioned more than once, or quoted: a name worth a mark without asking for every mention. */
export function isProminent(entity: Entity, speakers: ReadonlySet<string | null>): boolean {
  return entity.count >= 2 || speakers.has(entity.name);
}

function entitySpan(doc: Document, entity: Entity, ei: number, drawn: boolean): HTMLElement {
  const span = doc.createElement('span');
  span.setAttribute(HIGHLIGHT_ATTR, '');
  if (drawn) span.setAttribute('data-entity-type', entity.type);
  span.setAttribute('data-entity', entity.name);
  span.setAttribute('data-entity-index', String(ei));
  span.title = `${entity.name} (${entity.type})`;
  return span;
}

/** Opening quotation marks: a speaker label goes before the mark, not between it and the words. */
const OPENING_MARK = /["“”„‟«»‹›‘’‚'「『]/;

/** Where a quote's label goes in `text`: before its opening mark (and a space after it), if any. */
function labelOffset(text: string, quoteStart: number): number {
  let at = quoteStart;
  if (text[at - 1] === ' ' && OPENING_MARK.test(text[at - 2] ?? '')) at -= 2;
  else if (OPENING_MARK.test(text[at - 1] ?? '')) at -= 1;
  return at;
}

function labelSpeakerRuns(
  root: Element,
  map: TextMap,
  quotes: readonly Quote[],
  sections: readonly number[],
  fragments: Fragments,
): void {
  const starts = speakerRunStarts(quotes, sections);
  quotes.forEach((quote, qi) => {
    if (!starts[qi]) return;
    const [piece] = piecesOf(map, labelOffset(map.text, quote.start), quote.end);
    if (!piece) return;
    const label = root.ownerDocument.createElement('span');
    label.setAttribute(HIGHLIGHT_ATTR, '');
    label.setAttribute('data-testid', 'speaker-label');
    label.setAttribute('data-speaker-label', speakerName(quote.speaker));
    label.setAttribute('aria-hidden', 'true');
    fragments.insertBefore(piece, label);
  });
}

/** Undoes `applyHighlights`: unwraps every wrapper and merges the split text nodes back. */
export function removeHighlights(root: Element): void {
  const wrappers = root.querySelectorAll(`[${HIGHLIGHT_ATTR}]`);
  if (!wrappers.length) return;
  // Innermost first, so an entity span inside a quote mark is unwrapped before its mark.
  for (const el of Array.from(wrappers).reverse()) el.replaceWith(...Array.from(el.childNodes));
  root.normalize();
}
