/** What `annotate` returns. All offsets are character offsets into `article.textContent`. */

export type EntityType = 'person' | 'organization' | 'place';

export interface Span {
  start: number;
  end: number;
}

export interface Quote extends Span {
  /** Exactly `textContent.slice(start, end)`: the characters between the marks, trimmed. */
  text: string;
  /** The `name` of the entity who said it, or null when the text does not name the speaker. */
  speaker: string | null;
}

export interface Entity {
  /** The fullest form used in the text, without titles or a possessive 's. */
  name: string;
  type: EntityType;
  /** Every distinct surface form used in the text (the name included). */
  aliases: string[];
  /** Number of mentions (= mentions.length). */
  count: number;
  mentions: Span[];
}

export interface Annotations {
  quotes: Quote[];
  entities: Entity[];
  /**
   * Set when the text was too long to annotate whole: only `textContent.slice(0, annotatedChars)`
   * (whole paragraphs) was read. Absent when the whole text was annotated.
   */
  annotatedChars?: number;
  /**
   * Set (to the language code) when the article's language is one whose names the annotator
   * cannot find: `entities` is empty and no quote has a speaker, but quotes are still marked.
   */
  unsupportedLanguage?: string;
}
