/**
 * Page furniture in text copied from a UN PDF: what the page prints around
 * the resolution, never part of it. The job number with its page number
 * (`4 GE.18-05349`, `GE.18-05349 3`, `GE.18-05349(E)`), the running header
 * (the document's symbol), bare page numbers, the barcode's digits and
 * "Please recycle". A footer marks the end of a page; so does a form feed.
 */

/** `4 GE.18-05349`, `GE.17-05271(E)`, `GE.12-15397 2`: the job number and its page number, inside a line. */
export const JOB_NUMBER = /(?:\s\d{1,3})?\s*\bGE\.\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d{1,3}(?=\s|$))?/g;

/** A line that is nothing but a footer. Group 1: a page number before the job number, 2: after it. */
const FOOTER_LINE = /^\s*(\d{1,3}\s+)?GE\.\d{2}-\d{5}\s*(\(E\))?(\s+\d{1,3})?\s*$/;

/** A running header: the symbol alone, perhaps with a page number. */
const SYMBOL_HEADER =
	/^\s*(?:\d{1,3}\s+)?(A\/(?:HRC\/)?(?:RES\/)?[A-Z0-9./-]+\d)(?:\s+(?:Page\s+)?\d{1,3})?\s*$/;

const PAGE_NUMBER = /^\s*(?:-\s*\d{1,3}\s*-|\d{1,3}|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)\s*$/i;

/** The barcode under the first page's job number (`*1805349*`), and the recycling note. */
const PRINT_MARKS = /^\s*(?:\*\d{6,9}\*|Please recycle\s*♲?|♲|\(E\))\s*$/i;

/** Removes job numbers (with their page numbers) from inside a line. */
export function removeJobNumbers(line: string): string {
	return line.replace(JOB_NUMBER, " ");
}

/** Whether a line holds a job number anywhere: the foot of a page. */
export function hasJobNumber(line: string): boolean {
	JOB_NUMBER.lastIndex = 0;
	const found = JOB_NUMBER.test(line);
	JOB_NUMBER.lastIndex = 0;
	return found;
}

export type FurnitureKind = "footer" | "footer-without-page" | "header" | "page-number" | "print";

/** What kind of furniture a whole line is, or null for a line of text. */
export function furnitureLine(line: string): FurnitureKind | null {
	const footer = FOOTER_LINE.exec(line);
	if (footer) return footer[1] || footer[3] || footer[2] ? "footer" : "footer-without-page";
	if (SYMBOL_HEADER.test(line)) return "header";
	if (PAGE_NUMBER.test(line)) return "page-number";
	if (PRINT_MARKS.test(line)) return "print";
	return null;
}

/** The symbol a running-header line names, so the first one (the document's own) can be kept. */
export function headerSymbol(line: string): string | null {
	return SYMBOL_HEADER.exec(line)?.[1] ?? null;
}

/**
 * A page number left at the end of a line when wrapping split it from its
 * job number ("... A/HRC/37/78. 2" + "GE.18-05349"): the number is cut off.
 */
export function dropTrailingPageNumber(line: string): string {
	return line.replace(/(?<=[.,;:)\]])\s+\d{1,3}$/, "");
}
