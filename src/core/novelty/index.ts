/**
 * Phrase-level novelty: which wording of a paragraph is new to its series,
 * and where the rest came from. Pure functions, no I/O.
 *
 *   earlierLanguage(members: MemberText[] /* oldest first *\/, others?: MemberText[], before?: string | null): EarlierLanguage
 *   earlierLanguageFrom(members, rows): EarlierLanguage      // the same index from a store's shingle rows
 *   paragraphSpans(text: string, index: EarlierLanguage): PhraseSpan[]
 *   paragraphShingles(text: string): number[]                 // what a store indexes for one paragraph
 *   sourcesNote(spans, text, copiedFrom?): SourcesNote         // "from 34/39 OP6, amended; new: “…”"
 *
 * PhraseSpan = { text, status: "new" | "kept", source: {symbol, ref} | null, first: {symbol, ref} | null };
 * joining the spans' text gives the paragraph text exactly. The rule that
 * decides new from kept is written at the top of spans.ts.
 *
 * @example
 *   const index = earlierLanguage([{ symbol: "34/39", paragraphs: [{ ref: "OP1", text }] }]);
 *   paragraphSpans("1. Strongly condemns ...", index);
 */

export type { SourcesNote } from "./annotate.ts";
export { sameWording, shortSymbol, sourcesNote } from "./annotate.ts";
export type { EarlierLanguage, Elsewhere, MemberText, Sighting } from "./earlier.ts";
export { earlierLanguage, earlierLanguageFrom, paragraphShingles } from "./earlier.ts";
export type { AnnotatedParagraph } from "./member.ts";
export { annotateMember, memberText } from "./member.ts";
export { PhraseSpanSchema, SpannedParagraph, SpanPlace } from "./schema.ts";
export { SHINGLE_WORDS, shingleHash } from "./shingles.ts";
export type { PhraseSpan, Place } from "./spans.ts";
export { MIN_NEW_WORDS, paragraphSpans } from "./spans.ts";
export { normalWord, readWords } from "./words.ts";
