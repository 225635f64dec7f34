/**
 * Text copied out of a resolution's PDF, repaired into the official text
 * layout the parser reads. PDF text carries damage the DOCX does not: lines
 * hard-wrapped at the column's width and words hyphenated at their ends,
 * page headers and footers (`A/HRC/RES/37/39`, `4 GE.18-05349`) between or
 * inside paragraphs, footnote marks stuck to words (`in Mali,1`) with their
 * notes printed at the page foot, asterisk notes mid-sentence, and the
 * closing block run into the last paragraph.
 *
 * The repair runs in passes, each in a module of its own: page furniture
 * out (./pdf-text/furniture.ts), page-foot notes out (./pdf-text/notes.ts),
 * lines joined into paragraphs (./pdf-text/paragraphs.ts), then each
 * paragraph's inline damage repaired. A form feed (`\f`, as pdftotext and
 * the PDF reader write) marks a page break; a footer does too.
 */
import type { Resolution } from "../core/model.ts";
import { type ParseOptions, parseResolution } from "../core/parse/index.ts";
import { cleanLine } from "../core/parse/normalise.ts";
import {
	dropTrailingPageNumber,
	furnitureLine,
	hasJobNumber,
	removeJobNumbers,
} from "./pdf-text/furniture.ts";
import { NoteBook } from "./pdf-text/notes.ts";
import { joinLines, joinParagraphs, type TextLine } from "./pdf-text/paragraphs.ts";
import { CHAPEAU, closingLine, opensWithLead, operativeNumber } from "./text-shape.ts";

/** Meeting or session line, date, adoption note: the closing block, run into the last paragraph. */
const CLOSING =
	/\s+((?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:-[a-z]+)?)\s+(?:meeting|session)\s+)?(\d{1,2}\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\s+(\[Adopted[^\]]*\])\s*$/;

/** How many lines a page-foot zone of notes may have (a page of notes, no more). */
const MAX_NOTE_ZONE_LINES = 60;

type Entry =
	| { readonly kind: "text"; text: string }
	| { readonly kind: "blank" }
	| { readonly kind: "page" };

/** The closing block without its adoption note (wrapping put the note on a line of its own). */
const CLOSING_WITHOUT_NOTE =
	/(?<=[.;,])\s+((?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:-[a-z]+)?)\s+(?:meeting|session)\s+)?(\d{1,2}\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\s*$/;

/** Splits the closing block off the line it was run into. */
function splitClosing(line: string): string[] {
	const m = CLOSING.exec(line) ?? CLOSING_WITHOUT_NOTE.exec(line);
	if (!m) return [line];
	return [line.slice(0, m.index), m[1]?.trim(), m[2], m[3]].filter((l): l is string => !!l);
}

/** Whether the next line that is not blank is a page boundary. */
function pageFollows(raw: readonly string[], from: number): boolean {
	for (let j = from; j < raw.length; j++) {
		const t = (raw[j] ?? "").trim();
		if (t === "") continue;
		const kind = furnitureLine(t);
		return raw[j] === "\f" || kind === "footer" || kind === "footer-without-page";
	}
	return true;
}

/** Pass 1: lines, blanks and page boundaries, with the page furniture taken out. */
function readEntries(text: string): Entry[] {
	const raw = text
		.replace(/\r\n?/g, "\n")
		// A soft hyphen at a line's end is the typesetter's: the word continues on the next line.
		.replace(/\u00ad[ \t]*\n/g, "")
		.replace(/\f/g, "\n\f\n")
		.split("\n");
	const entries: Entry[] = [];
	const lastText = () => entries.findLast((e) => e.kind === "text");
	const lastNonBlank = () => entries.findLast((e) => e.kind !== "blank");
	for (const [i, line] of raw.entries()) {
		if (line === "\f") {
			entries.push({ kind: "page" });
			continue;
		}
		const t = cleanLine(line).replace(/\s+/g, " ").trim();
		if (t === "") {
			entries.push({ kind: "blank" });
			continue;
		}
		const furniture = furnitureLine(t);
		if (furniture === "footer") {
			entries.push({ kind: "page" });
		} else if (furniture === "footer-without-page") {
			const prev = lastText();
			if (prev) prev.text = dropTrailingPageNumber(prev.text);
			entries.push({ kind: "page" });
		} else if (furniture === "header") {
			// The first line of the document is its own symbol, which the parser reads; later ones are running heads.
			const first = lastText() === undefined;
			const atBoundary = lastNonBlank()?.kind === "page" || pageFollows(raw, i + 1);
			if (first || !atBoundary) entries.push({ kind: "text", text: t });
		} else if (furniture === null) {
			entries.push({ kind: "text", text: t });
		}
	}
	return entries;
}

function beginsParagraph(line: string): boolean {
	return (
		operativeNumber(line) !== null || closingLine(line) || CHAPEAU.test(line) || opensWithLead(line)
	);
}

/**
 * The lines of a page-foot zone of notes starting at `from`, or null when the
 * lines there do not run to the page's end without a paragraph starting.
 */
function noteZone(entries: readonly Entry[], from: number): number[] | null {
	const zone: number[] = [];
	for (let j = from; j < entries.length && zone.length <= MAX_NOTE_ZONE_LINES; j++) {
		const e = entries[j];
		if (!e || e.kind === "blank") continue;
		if (e.kind === "page") return zone;
		if (j > from && beginsParagraph(e.text)) return null;
		zone.push(j);
		if (hasJobNumber(e.text)) return zone;
	}
	return zone.length <= MAX_NOTE_ZONE_LINES && zone.at(-1) !== undefined ? zone : null;
}

export interface PdfTextLayout {
	/**
	 * Whether the text is known to be hard-wrapped (it comes from a PDF's
	 * printed lines); left out, the text's own shape decides.
	 */
	readonly hardWrapped?: boolean;
}

/**
 * Repairs PDF text into the official text layout: one paragraph a line,
 * footnote references and notes in Tika's bracket form.
 */
export function repairPdfText(text: string, layout: PdfTextLayout = {}): string {
	const entries = readEntries(text);
	const notes = new NoteBook();
	const body: TextLine[] = [];
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i];
		if (e?.kind !== "text") continue;
		// "1 January 2006" after mark 1 is the closing block's date, not note 1.
		if (!closingLine(e.text) && notes.opensNote(e.text)) {
			const zone = noteZone(entries, i);
			if (zone) {
				const lines = zone.map((j) => {
					const z = entries[j];
					return z?.kind === "text" ? z.text : "";
				});
				notes.takeZone(removeJobNumbers(joinLines(lines)));
				i = zone.at(-1) ?? i;
				continue;
			}
		}
		notes.see(e.text);
		const before = entries[i - 1];
		const beforeThat = entries[i - 2];
		body.push({
			text: e.text,
			gapBefore: before?.kind === "blank" && beforeThat?.kind === "text",
		});
	}
	const paragraphs = joinParagraphs(body, layout.hardWrapped)
		.flatMap((p) => splitClosing(removeJobNumbers(p)))
		.map((p) => notes.repairParagraph(p).replace(/\s+/g, " ").trim())
		.filter((p) => p !== "");
	return `${[...paragraphs, ...notes.lines()].join("\n")}\n`;
}

/** Reads PDF-copied text as a resolution. */
export function readPdfText(
	text: string,
	options: ParseOptions = {},
	layout: PdfTextLayout = {},
): Resolution {
	return parseResolution(repairPdfText(text, layout), options);
}
