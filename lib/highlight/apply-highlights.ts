// lib/highlight: annotation ranges turned into marks in the rendered article, leaving its markup intact.
import type { Annotations, EntityType } from '../annotate/annotations';
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
  /** For each entity (in `annotations.entities` order), the first wrapper of each of its mentions. */
  entities: HTMLElement[][];
}

/**
 * Text nodes split while wrapping: each original node becomes a list of fragments, each knowing
 * its start offset in the original node's text.
 */
class Fragments {
  private readonly byNode = new Map<Text, { node: Text; start: number }[]>();

  wrap(piece: NodePiece, make: () => HTMLElement): HTMLElement[] {
    let list = this.byNode.get(piece.node);
    if (!list) {
      list = [{ node: piece.node, start: 0 }];
      this.byNode.set(piece.node, list);
    }
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
}

/**
 * Wraps the quotes and entity mentions of `annotations` (offsets into `map.text`, which must have
 * been built from `root` as it is now) in `<mark data-quote>` and `<span data-entity-type>`.
 * Only text-node ranges are wrapped, so links, images and paragraphs stay as they are; an entity
 * inside a quote nests inside its mark.
 */
export function applyHighlights(
  root: Element,
  map: TextMap,
  annotations: Annotations,
  layers: HighlightLayers = ALL_LAYERS,
): AppliedHighlights {
  const doc = root.ownerDocument;
  const fragments = new Fragments();
  const quotes = annotations.quotes.map((quote, qi) => {
    if (!layers.quotes) return [];
    const label = quote.speaker ? `Quote from ${quote.speaker}` : 'Quote, speaker not named';
    return piecesOf(map, quote.start, quote.end).flatMap((piece) =>
      fragments.wrap(piece, () => {
        const mark = doc.createElement('mark');
        mark.setAttribute(HIGHLIGHT_ATTR, '');
        mark.setAttribute('data-quote', '');
        mark.setAttribute('data-quote-index', String(qi));
        mark.setAttribute('data-speaker', quote.speaker ?? '');
        mark.title = label;
        return mark;
      }),
    );
  });
  const entities = annotations.entities.map((entity, ei) => {
    if (!layers[entity.type as EntityType]) return [];
    return entity.mentions.flatMap((m) => {
      const wrappers = piecesOf(map, m.start, m.end).flatMap((piece) =>
        fragments.wrap(piece, () => {
          const span = doc.createElement('span');
          span.setAttribute(HIGHLIGHT_ATTR, '');
          span.setAttribute('data-entity-type', entity.type);
          span.setAttribute('data-entity', entity.name);
          span.setAttribute('data-entity-index', String(ei));
          span.title = `${entity.name} (${entity.type})`;
          return span;
        }),
      );
      // A mention split by a link is one stop when jumping from the panel.
      return wrappers.slice(0, 1);
    });
  });
  return { quotes, entities };
}

/** Undoes `applyHighlights`: unwraps every wrapper and merges the split text nodes back. */
export function removeHighlights(root: Element): void {
  const wrappers = root.querySelectorAll(`[${HIGHLIGHT_ATTR}]`);
  if (!wrappers.length) return;
  // Innermost first, so an entity span inside a quote mark is unwrapped before its mark.
  for (const el of Array.from(wrappers).reverse()) el.replaceWith(...Array.from(el.childNodes));
  root.normalize();
}
