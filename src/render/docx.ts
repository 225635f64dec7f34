/**
 * The redline as a Word document whose changes are real tracked revisions,
 * the form in which delegations circulate drafts against last year's text.
 *
 * The body is the new text with every insertion a `w:ins` run and every
 * deletion a `w:del` run (author `resdiff`, dated with the comparison's
 * date), so Word and LibreOffice list them in the review pane and "Accept
 * all" gives the new text. Each paragraph and sub-paragraph is a Word
 * paragraph; a line joined or broken is a deleted or inserted paragraph mark,
 * and a removed paragraph is wholly deleted, mark included. Operative numbers
 * follow the new text (see docx-numbering.ts). What the text itself cannot
 * show (a move, a merge or split, a lead-phrase shift, a routine update,
 * changed footnotes) is a comment on the paragraph. Above the text: a title
 * naming the two versions and a table of counts.
 *
 * Packs with `Packer.toArrayBuffer`, which needs no Node Buffer, so it runs
 * on Workers as on Node.
 */
import type { ICommentOptions, Paragraph, ParagraphChild } from "docx";
import type { Change, Segment, StructuredDiff } from "../core/diff/schema.ts";
import { type DocxHeaderText, docxHeader } from "./docx-header.ts";
import { lineNumbers } from "./docx-numbering.ts";
import {
	comparisonTitle,
	EARLIER,
	footnoteLines,
	LATER,
	leadCalloutText,
	MOVED_LABEL,
	provenance,
	ROUTINE_LABEL,
	STATUS_LABELS,
	shownRefs,
	sideShortName,
} from "./labels.ts";
import { type RedlineLine, redlineLines } from "./segments.ts";
import { xmlSafeDeep } from "./xml-text.ts";

/** The author of every revision and comment. */
export const REVISION_AUTHOR = "resdiff";

export interface DocxRenderOptions {
	/** The date of every revision and comment: the comparison's date, as an ISO 8601 string or a Date. */
	readonly date: string | Date;
}

/** The docx library, loaded when a Word file is asked for: the service starts without it. */
export type DocxLibrary = typeof import("docx");

/** The short names of the two versions, as comments cite them. */
interface Names {
	readonly oldName: string;
	readonly newName: string;
}

/** One centimetre in twips, Word's unit for indents. */
const CM = 567;

/** Word's revision date: ISO 8601 in UTC, to the second. */
function revisionDate(date: string | Date): string {
	const d = typeof date === "string" ? new Date(date) : date;
	if (Number.isNaN(d.getTime())) throw new RangeError(`renderDocx: not a date: ${String(date)}`);
	return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Hands out the ids Word wants unique across revisions and comments. */
class Annotations {
	private nextId = 1;
	readonly comments: ICommentOptions[] = [];

	constructor(
		private readonly d: DocxLibrary,
		readonly date: string,
	) {}

	revision(): { id: number; author: string; date: string } {
		return { id: this.nextId++, author: REVISION_AUTHOR, date: this.date };
	}

	comment(text: string): number {
		const id = this.nextId++;
		this.comments.push({
			id,
			author: REVISION_AUTHOR,
			initials: "rd",
			date: new Date(this.date),
			children: [new this.d.Paragraph(text)],
		});
		return id;
	}
}

/** A run of a redline segment; the number before an operative paragraph is followed by a tab. */
function segmentRun(
	d: DocxLibrary,
	notes: Annotations,
	s: Segment,
	withTab = false,
): ParagraphChild {
	const children = withTab ? [s.text, new d.Tab()] : [s.text];
	if (s.op === "insert") return new d.InsertedTextRun({ ...notes.revision(), children });
	if (s.op === "delete") return new d.DeletedTextRun({ ...notes.revision(), children });
	return new d.TextRun({ children });
}

/** What a comment on the change says, in sentences, or null when the redline says it all. */
function commentText(change: Change, oldName: string, newName: string): string | null {
	const lead = leadCalloutText(change);
	const worthNoting =
		change.moved ||
		change.status === "merged" ||
		change.status === "split" ||
		lead !== null ||
		change.routine ||
		change.footnotes !== undefined;
	if (!worthNoting) return null;
	const sentence = (s: string) =>
		`${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? "" : "."}`;
	const parts = [
		`${shownRefs(change)
			.map((p) => p.ref)
			.join(" + ")}: ${STATUS_LABELS[change.status].word}`,
	];
	const was = provenance(change);
	if (was) parts.push(was);
	if (change.moved) parts.push(MOVED_LABEL.word);
	if (lead) parts.push(lead);
	if (change.routine)
		parts.push(`${ROUTINE_LABEL.word}: session numbers, years, dates or document symbols only`);
	parts.push(...(footnoteLines(change, oldName, newName) ?? []));
	return parts.map(sentence).join(" ");
}

/** A paragraph mark's revision: how the line ends, or for the last line, the change as a whole. */
function markRevision(notes: Annotations, change: Change, line: RedlineLine) {
	const op =
		line.end ??
		(change.status === "new" ? "insert" : change.status === "removed" ? "delete" : "equal");
	if (op === "insert") return { insertion: notes.revision() };
	if (op === "delete") return { deletion: notes.revision() };
	return {};
}

function changeParagraphs(
	d: DocxLibrary,
	notes: Annotations,
	change: Change,
	names: Names,
): Paragraph[] {
	const lines = redlineLines(change.segments);
	const numbers = lineNumbers(change, lines);
	const operative = shownRefs(change)[0]?.kind === "operative";
	const comment = commentText(change, names.oldName, names.newName);
	const commentId = comment === null ? null : notes.comment(comment);
	return lines.map((line, i) => {
		const children: ParagraphChild[] = [];
		if (i === 0 && commentId !== null) children.push(new d.CommentRangeStart(commentId));
		const number = numbers[i];
		if (number) children.push(segmentRun(d, notes, number, true));
		for (const run of line.runs) children.push(segmentRun(d, notes, run));
		if (i === lines.length - 1 && commentId !== null) {
			children.push(
				new d.CommentRangeEnd(commentId),
				new d.TextRun({ children: [new d.CommentReference(commentId)] }),
			);
		}
		const isSubparagraph = i > 0 && !number;
		return new d.Paragraph({
			children,
			run: markRevision(notes, change, line),
			spacing: { after: 160 },
			indent: isSubparagraph ? { left: 2 * CM } : { firstLine: CM },
			tabStops: operative ? [{ type: "left", position: 2 * CM }] : undefined,
		});
	});
}

/**
 * Renders a structured diff as a .docx file with tracked changes.
 *
 * @throws RangeError when `date` is not a date.
 * @example
 * const bytes = await renderDocx(compare(old, next), { date: "2018-03-23" });
 * // bytes: a .docx whose review pane lists every insertion and deletion by resdiff
 */
export async function renderDocx(
	given: StructuredDiff,
	options: DocxRenderOptions,
): Promise<Uint8Array> {
	// Every string that reaches a Word part, the names and comments as well as the text.
	const diff = xmlSafeDeep(given);
	const date = revisionDate(options.date);
	const d = await import("docx");
	const notes = new Annotations(d, date);
	const text: DocxHeaderText = {
		title: comparisonTitle(diff),
		newName: sideShortName(diff.to, LATER),
		oldName: sideShortName(diff.from, EARLIER),
		date,
	};
	const body = diff.changes.flatMap((c) => changeParagraphs(d, notes, c, text));
	const doc = new d.Document({
		title: text.title,
		creator: REVISION_AUTHOR,
		description: `Tracked changes from ${text.oldName} to ${text.newName}, made by resdiff`,
		features: { trackRevisions: true },
		styles: { default: { document: { run: { font: "Times New Roman", size: 24 } } } },
		comments: { children: notes.comments },
		sections: [{ children: [...docxHeader(d, diff, text), ...body] }],
	});
	return new Uint8Array(await d.Packer.toArrayBuffer(doc));
}
