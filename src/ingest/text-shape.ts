/**
 * What the lines of a resolution look like, for readers that must find where
 * paragraphs begin in text that lost its structure (a PDF's wrapped lines, a
 * Word line break): the chapeau, an operative number, a sub-paragraph label,
 * a lead phrase from the lexicon, the closing block.
 */
import { matchLead } from "../core/lexicon/lexicon.ts";
import { isAdoptionLine, isMeetingLine, readDate } from "../core/parse/closing.ts";

/** "The Human Rights Council," */
export const CHAPEAU = /^The [A-Z][A-Za-z ]+,$/;

/** "12. Decides", "12.<TAB>Decides": an operative paragraph's number, before a capital. */
const OPERATIVE = /^(\d{1,3})\.(?:\s+|(?=\p{Lu}))(?=["“‘(]?\p{Lu})/u;

/** A negotiator's label: "PP5bis", "OP7ter". */
const DRAFT_LABEL = /^(?:PP|OP)\s?\d{1,4}\s?(?:bis|ter|quater|quinquies|sexies|alt\d*|[a-h])?\.?\s/;

/** "(a) ", "(iv) " */
const SUB_PARAGRAPH = /^\((?:[a-z]{1,2}|[ivxl]{1,6})\)\s/;

/** The number of the operative paragraph a line opens, or null. */
export function operativeNumber(line: string): number | null {
	const m = OPERATIVE.exec(line);
	return m ? Number(m[1]) : null;
}

export function isDraftLabel(line: string): boolean {
	return DRAFT_LABEL.test(line);
}

export function isSubParagraph(line: string): boolean {
	return SUB_PARAGRAPH.test(line);
}

/** A meeting or session line, a date, or the adoption note: a line of the closing block. */
export function closingLine(line: string): boolean {
	const t = line.trim();
	// The parser's adoption test ignores case; a wrapped line that starts "adopted by ..." is not one.
	return isMeetingLine(t) || readDate(t) !== null || (isAdoptionLine(t) && /^\[?\s*A/.test(t));
}

/** Whether a line opens with a lead phrase the lexicon knows, capitalised as a paragraph's start. */
export function opensWithLead(line: string): boolean {
	if (!/^\p{Lu}/u.test(line)) return false;
	// matchLead looks in the other kind's list when its own has no match: one call asks both.
	return matchLead(line, "preambular").foundIn !== null;
}
