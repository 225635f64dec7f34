/**
 * Joining the lines of text copied from a PDF back into paragraphs, one a
 * line, the layout the parser reads. Text copied from a PDF comes either
 * hard-wrapped (a line per printed line) or already one paragraph a line (a
 * copy that a tool or a person joined); the first needs joining, the second
 * must be left alone, and the share of lines that end a clause tells which.
 *
 * In wrapped text a line begins a paragraph when it is the chapeau, an
 * operative number, a sub-paragraph label, a draft label, a closing-block
 * line, a lead phrase after a line that closed a clause, a blank-line gap
 * left by the PDF's paragraph spacing, or a capital after a line that closed
 * a clause well short of the column's width. Everything else continues the
 * paragraph above; a line-end hyphen is repaired on the way.
 */
import {
	CHAPEAU,
	closingLine,
	isDraftLabel,
	isSubParagraph,
	opensWithLead,
	operativeNumber,
} from "../text-shape.ts";
import { removeJobNumbers } from "./furniture.ts";
import { joinAtHyphen, Vocabulary } from "./hyphens.ts";

export interface TextLine {
	readonly text: string;
	/** A blank line stood before this one on the same page: the PDF's gap between paragraphs. */
	readonly gapBefore: boolean;
}

/** Below this share of lines that close a clause, the text is hard-wrapped. */
const WRAPPED_BELOW = 0.6;

/** A line shorter than this share of the column's width ended for a reason: its paragraph did. */
const SHORT_LINE = 0.8;

/** The line's end as written, without what the page added after the last word. */
function tailOf(line: string): string {
	return removeJobNumbers(line)
		.replace(/\[footnoteRef:\d+\]$/, "")
		.replace(/(?<=\p{L}[,.;:)]?)\d{1,2}$/u, "")
		.replace(/\*+$/, "")
		.replace(/["”’)\]]+$/, "")
		.trimEnd();
}

function closesClause(line: string): boolean {
	return /[,;:.]$/.test(tailOf(line));
}

/** Whether the text is hard-wrapped: few of its lines end where a clause does. */
export function isHardWrapped(lines: readonly TextLine[]): boolean {
	const long = lines.filter((l) => l.text.length >= 20);
	if (long.length < 4) return false;
	const closing = long.filter((l) => closesClause(l.text)).length;
	return closing / long.length < WRAPPED_BELOW;
}

/** The width of a full line, in characters: a high percentile, so that a few long lines do not set it. */
function columnWidth(lines: readonly TextLine[]): number {
	const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
	return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

/** Whether a `[` opened in the paragraph (the adoption note) is still open. */
function bracketOpen(paragraph: string): boolean {
	const plain = paragraph.replace(/\[footnoteRef:\d+\]/g, "");
	return (plain.match(/\[/g)?.length ?? 0) > (plain.match(/\]/g)?.length ?? 0);
}

interface Context {
	readonly wrapped: boolean;
	readonly width: number;
	/** The next operative number expected. */
	expected: number;
}

function beginsParagraph(prev: string, paragraph: string, next: TextLine, ctx: Context): boolean {
	const t = next.text;
	if (closingLine(t) || CHAPEAU.test(t)) return true;
	if (bracketOpen(paragraph)) return false;
	const number = operativeNumber(t);
	if (number !== null) return number === ctx.expected || closesClause(prev);
	if (isDraftLabel(t) || isSubParagraph(t)) return true;
	if (/\p{L}-$/u.test(prev) && /^\p{L}/u.test(t)) return false;
	if (/^\p{Ll}/u.test(t)) return false;
	// One paragraph a line: a line that closed a clause ended its paragraph; one that did not goes on.
	if (!ctx.wrapped) return closesClause(prev) || opensWithLead(t);
	if (!closesClause(prev)) return false;
	if (next.gapBefore || opensWithLead(t)) return true;
	const firstWord = t.split(/\s/, 1)[0] ?? "";
	return prev.length + 1 + firstWord.length < SHORT_LINE * ctx.width;
}

/** Joins two lines of one paragraph: across a line-end hyphen, or with a space. */
function join(paragraph: string, next: string, vocabulary: Vocabulary): string {
	if (/\p{L}-$/u.test(paragraph) && /^\p{L}/u.test(next)) {
		return joinAtHyphen(paragraph, next, vocabulary);
	}
	return `${paragraph} ${next}`;
}

/** Joins lines known to form one run of text (a note at the page foot), repairing line-end hyphens. */
export function joinLines(lines: readonly string[]): string {
	const vocabulary = new Vocabulary(lines);
	return lines.reduce((acc, line) => (acc === "" ? line : join(acc, line, vocabulary)), "");
}

/**
 * Joins lines into paragraphs, one a line. Lines before the chapeau (the
 * title, the masthead) join only where a line continues in lower case.
 * `hardWrapped` says whether the lines are a PDF's printed lines; left out,
 * the share of lines that close a clause decides.
 */
export function joinParagraphs(lines: readonly TextLine[], hardWrapped?: boolean): string[] {
	const trimmed = lines
		.map((l) => ({ ...l, text: l.text.replace(/\s+/g, " ").trim() }))
		.filter((l) => l.text !== "");
	const chapeau = trimmed.findIndex((l) => CHAPEAU.test(l.text));
	const body = chapeau >= 0 ? trimmed.slice(chapeau + 1) : trimmed;
	const ctx: Context = {
		wrapped: hardWrapped ?? isHardWrapped(body),
		width: columnWidth(body),
		expected: 1,
	};
	const vocabulary = new Vocabulary(trimmed.map((l) => l.text));
	const out: string[] = [];
	let prev = "";
	for (const [i, line] of trimmed.entries()) {
		const inHeader = i <= chapeau;
		const last = out.at(-1);
		const continues =
			last !== undefined &&
			(inHeader || i === chapeau + 1
				? i !== chapeau && /^\p{Ll}/u.test(line.text) && !CHAPEAU.test(prev)
				: !beginsParagraph(prev, last, line, ctx));
		if (continues && last !== undefined) {
			out[out.length - 1] = join(last, line.text, vocabulary);
		} else {
			out.push(line.text);
			const number = operativeNumber(line.text);
			if (number !== null) ctx.expected = number + 1;
		}
		prev = line.text;
	}
	return out;
}
