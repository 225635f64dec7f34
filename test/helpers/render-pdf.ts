/**
 * Writes a Resolution as a PDF with the damage a real one carries, for tests
 * of the PDF reader: text hard-wrapped to a column, compounds broken at their
 * hyphen and long words hyphenated at line ends, a running header (the
 * symbol) and a footer (page number and job number) on every page, the first
 * page's barcode digits and recycling note, superscript footnote marks with
 * the notes printed at the foot of the page their mark is on, and paragraphs
 * split across pages. Every file made here is a synthetic rendering: its
 * title, its first lines and its job number (GE.18-00000) say so.
 */
import PDFDocument from "pdfkit";
import { printDate } from "../../src/core/calendar.ts";
import {
	joinLead,
	type Resolution,
	type Paragraph as ResolutionParagraph,
} from "../../src/core/model.ts";
import { seeded } from "./hard-wrap.ts";
import { SYNTHETIC_NOTICE } from "./render-docx.ts";

export interface PdfOptions {
	/** Share of over-long words split with a hyphen at a line's end, 0..1. */
	readonly hyphenate?: number;
	readonly seed?: number;
	/** Space between paragraphs, in points; 0 leaves the reader no gap to see paragraphs by. */
	readonly paragraphSpacing?: number;
	/** Width of the text column, in points. */
	readonly columnWidth?: number;
	readonly jobNumber?: string;
	/**
	 * "un": the first page as a UN resolution's is laid out (the masthead with
	 * "United Nations" beside the symbol, distribution, session and agenda
	 * lines, "Resolution adopted by ..."), and the title as a block with its
	 * number hanging before it; every line of it still says it is synthetic.
	 */
	readonly layout?: "plain" | "un";
}

const LEFT = 85;
const BODY_TOP = 80;
const BODY_BOTTOM = 770;
const FOOTER_Y = 795;
const BODY_SIZE = 10;
const LEADING = 12;
const NOTE_SIZE = 8;
const NOTE_LEADING = 10;
const MARK_SIZE = 6.5;
const MARK_RISE = 3.5;

type Font = "Times-Roman" | "Times-Italic" | "Times-Bold";

/** A piece of a word in one style; `mark` is a superscript footnote mark. */
interface Segment {
	readonly text: string;
	readonly font: Font;
	readonly mark?: boolean;
}

type Word = Segment[];

interface Line {
	readonly words: Word[];
	readonly x: number;
	readonly marks: string[];
}

interface Block {
	readonly lines: Line[];
	readonly notes: Map<string, string>;
	readonly spaceBefore: number;
}

/** Lays out and draws pages with pdfkit; text positions are computed here, not by pdfkit's wrapping. */
class Typesetter {
	readonly doc: PDFKit.PDFDocument;
	private readonly random: () => number;
	private page = 1;
	private y = BODY_TOP + 40;
	private pageNotes: [string, string][] = [];

	constructor(
		private readonly options: Required<PdfOptions>,
		private readonly symbol: string,
	) {
		this.doc = new PDFDocument({
			size: "A4",
			margin: 0,
			info: { Title: `${SYNTHETIC_NOTICE}: ${symbol}`, Author: "resdiff tests" },
		});
		this.random = seeded(options.seed);
		this.firstPageHead();
	}

	private width(segment: Segment): number {
		const size = segment.mark ? MARK_SIZE : BODY_SIZE;
		return this.doc.font(segment.font).fontSize(size).widthOfString(segment.text);
	}

	private wordWidth(word: Word): number {
		return word.reduce((sum, s) => sum + this.width(s), 0);
	}

	private space(): number {
		return this.doc.font("Times-Roman").fontSize(BODY_SIZE).widthOfString(" ");
	}

	/** Breaks words into lines: at a compound's hyphen, or hyphenating a long word, when it helps. */
	wrap(words: Word[], firstX: number, restX: number, width = this.options.columnWidth): Line[] {
		const right = LEFT + width;
		const lines: Line[] = [];
		let current: Word[] = [];
		let x = firstX;
		let used = 0;
		const flush = () => {
			const marks = current.flatMap((w) => w.filter((s) => s.mark).map((s) => s.text));
			lines.push({ words: current, x, marks });
			current = [];
			x = restX;
			used = 0;
		};
		const queue = [...words];
		while (queue.length > 0) {
			const word = queue.shift() as Word;
			const gap = current.length > 0 ? this.space() : 0;
			const room = right - x - used - gap;
			const w = this.wordWidth(word);
			// A word wider than a whole line overflows it, as typesetters let it.
			if (w <= room || current.length === 0) {
				current.push(word);
				used += gap + w;
				continue;
			}
			const split = this.trySplit(word, room, queue);
			if (split) {
				current.push(split);
				used += gap + this.wordWidth(split);
			} else {
				queue.unshift(word);
			}
			flush();
		}
		if (current.length > 0) flush();
		return lines;
	}

	/**
	 * Splits a one-style word so that its head fits the room: at its own
	 * hyphen, or (sometimes) with a typesetter's hyphen. Puts the rest back on
	 * the queue and returns the head, or null.
	 */
	private trySplit(word: Word, room: number, queue: Word[]): Word | null {
		if (word.length !== 1) return null;
		const seg = word[0] as Segment;
		const fits = (text: string) => this.width({ ...seg, text }) <= room;
		const hyphen = seg.text.lastIndexOf("-", seg.text.length - 2);
		if (
			hyphen > 0 &&
			/\p{L}/u.test(seg.text[hyphen + 1] ?? "") &&
			fits(seg.text.slice(0, hyphen + 1))
		) {
			queue.unshift([{ ...seg, text: seg.text.slice(hyphen + 1) }]);
			return [{ ...seg, text: seg.text.slice(0, hyphen + 1) }];
		}
		const letters = /^\p{L}+/u.exec(seg.text)?.[0] ?? "";
		if (letters.length < 10 || this.random() >= this.options.hyphenate) return null;
		for (let cut = letters.length - 4; cut >= 4; cut--) {
			const head = `${seg.text.slice(0, cut)}-`;
			if (fits(head)) {
				queue.unshift([{ ...seg, text: seg.text.slice(cut) }]);
				return [{ ...seg, text: head }];
			}
		}
		return null;
	}

	private drawLine(line: Line, y: number): void {
		let x = line.x;
		const space = this.space();
		for (const [i, word] of line.words.entries()) {
			if (i > 0) x += space;
			for (const seg of word) {
				const size = seg.mark ? MARK_SIZE : BODY_SIZE;
				this.doc
					.font(seg.font)
					.fontSize(size)
					.text(seg.text, x, seg.mark ? y - MARK_RISE : y, {
						lineBreak: false,
						baseline: "alphabetic",
					});
				x += this.width(seg);
			}
		}
	}

	private notesHeight(notes: readonly [string, string][]): number {
		if (notes.length === 0) return 0;
		const lines = notes.reduce((n, [, text]) => n + this.noteLines(text).length, 0);
		return 14 + lines * NOTE_LEADING;
	}

	private noteLines(text: string): string[] {
		const width = this.options.columnWidth - 12;
		this.doc.font("Times-Roman").fontSize(NOTE_SIZE);
		const lines: string[] = [];
		let line = "";
		for (const word of text.split(" ")) {
			const next = line ? `${line} ${word}` : word;
			if (line && this.doc.widthOfString(next) > width) {
				lines.push(line);
				line = word;
			} else {
				line = next;
			}
		}
		if (line) lines.push(line);
		return lines;
	}

	/** Places a block's lines, moving to a new page when a line and its notes do not fit. */
	place(block: Block): void {
		this.y += block.spaceBefore;
		for (const line of block.lines) {
			const added = line.marks
				.filter((m) => !this.pageNotes.some(([n]) => n === m))
				.map((m): [string, string] => [m, block.notes.get(m) ?? ""]);
			const needed = this.notesHeight([...this.pageNotes, ...added]);
			if (this.y + LEADING > BODY_BOTTOM - needed) this.newPage();
			this.drawLine(line, this.y);
			this.pageNotes.push(...added);
			this.y += LEADING;
		}
	}

	private firstPageHead(): void {
		if (this.options.layout === "un") return;
		this.doc
			.font("Times-Roman")
			.fontSize(BODY_SIZE)
			.text(this.symbol, LEFT + 280, 40, { lineBreak: false });
		this.doc.text(SYNTHETIC_NOTICE, LEFT, 62, { lineBreak: false });
	}

	private foot(): void {
		if (this.pageNotes.length > 0) {
			let y = BODY_BOTTOM - this.notesHeight(this.pageNotes) + 8;
			this.doc
				.moveTo(LEFT, y - 4)
				.lineTo(LEFT + 100, y - 4)
				.lineWidth(0.5)
				.stroke();
			for (const [mark, text] of this.pageNotes) {
				this.doc
					.font("Times-Roman")
					.fontSize(MARK_SIZE)
					.text(mark, LEFT, y - 2.5, { lineBreak: false, baseline: "alphabetic" });
				for (const line of this.noteLines(text)) {
					this.doc
						.font("Times-Roman")
						.fontSize(NOTE_SIZE)
						.text(line, LEFT + 10, y, { lineBreak: false, baseline: "alphabetic" });
					y += NOTE_LEADING;
				}
			}
		}
		const job = this.options.jobNumber;
		this.doc.font("Helvetica").fontSize(8);
		if (this.page === 1) {
			this.doc.text(`${job}(E)`, LEFT, FOOTER_Y, { lineBreak: false });
			this.doc.text(`*${job.replace(/\D/g, "")}*`, LEFT + 300, FOOTER_Y + 14, { lineBreak: false });
			this.doc.text("Please recycle", LEFT + 150, FOOTER_Y + 28, { lineBreak: false });
		} else if (this.page % 2 === 0) {
			this.doc.text(String(this.page), LEFT, FOOTER_Y, { lineBreak: false });
			this.doc.text(job, LEFT + 20, FOOTER_Y, { lineBreak: false });
		} else {
			this.doc.text(job, LEFT + 330, FOOTER_Y, { lineBreak: false });
			this.doc.text(String(this.page), LEFT + 390, FOOTER_Y, { lineBreak: false });
		}
	}

	/** The masthead of a UN resolution's first page, with the synthetic notice among its lines. */
	unMasthead(lines: {
		readonly left: string[];
		readonly right: string[];
		readonly below: string[];
	}) {
		const right = LEFT + 260;
		this.doc.font("Times-Bold").fontSize(12).text("United Nations", LEFT, 40, { lineBreak: false });
		this.doc.font("Times-Bold").fontSize(14).text(this.symbol, right, 38, { lineBreak: false });
		this.doc
			.font("Times-Bold")
			.fontSize(12)
			.text("General Assembly", LEFT, 58, { lineBreak: false });
		this.doc.font("Times-Roman").fontSize(9);
		lines.right.forEach((l, i) => {
			this.doc.text(l, right, 60 + i * 11, { lineBreak: false });
		});
		let y = 60 + lines.right.length * 11 + 12;
		this.doc.font("Times-Roman").fontSize(BODY_SIZE);
		for (const l of [...lines.left, ...lines.below]) {
			this.doc.text(l, LEFT, y, { lineBreak: false });
			y += l === lines.left.at(-1) ? 22 : 12;
		}
		this.y = y + 14;
	}

	newPage(): void {
		this.foot();
		this.doc.addPage({ size: "A4", margin: 0 });
		this.page++;
		this.pageNotes = [];
		this.y = BODY_TOP;
		const x = this.page % 2 === 0 ? LEFT : LEFT + 300;
		this.doc.font("Helvetica").fontSize(8).text(this.symbol, x, 50, { lineBreak: false });
	}

	finish(): Promise<Uint8Array> {
		this.foot();
		const chunks: Buffer[] = [];
		this.doc.on("data", (c: Buffer) => chunks.push(c));
		const done = new Promise<Uint8Array>((resolve) =>
			this.doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))),
		);
		this.doc.end();
		return done;
	}
}

/** Words of a text, the first `italic` characters in italics, footnote marks at their offsets. */
function words(
	text: string,
	italic: number,
	marks: { at: number; mark: string }[],
	font: Font = "Times-Roman",
): Word[] {
	const out: Word[] = [];
	let word: Word = [];
	let run = "";
	let runFont: Font = font;
	const endRun = () => {
		if (run) word.push({ text: run, font: runFont });
		run = "";
	};
	const endWord = () => {
		endRun();
		if (word.length > 0) out.push(word);
		word = [];
	};
	const byOffset = new Map<number, string[]>();
	for (const m of marks) byOffset.set(m.at, [...(byOffset.get(m.at) ?? []), m.mark]);
	for (let i = 0; i <= text.length; i++) {
		for (const mark of byOffset.get(i) ?? []) {
			endRun();
			word.push({ text: mark, font: "Times-Roman", mark: true });
		}
		const ch = text[i];
		if (ch === undefined) break;
		if (ch === " ") {
			endWord();
			continue;
		}
		const f: Font = i < italic ? "Times-Italic" : font;
		if (f !== runFont) endRun();
		runFont = f;
		run += ch;
	}
	endWord();
	return out;
}

function paragraphBlock(t: Typesetter, p: ResolutionParagraph, spacing: number): Block {
	const text = joinLead(p.lead, p.body);
	const shift = text.length - p.body.length;
	const marks = p.footnotes.map((f) => ({ at: Math.min(text.length, shift + f.at), mark: f.mark }));
	const notes = new Map(p.footnotes.map((f) => [f.mark, f.text]));
	const body = words(text, p.lead.length, marks);
	const prefix = p.label ?? (p.kind === "operative" ? `${p.number}.` : null);
	const lines = prefix
		? t.wrap([[{ text: `${prefix}`, font: "Times-Roman" }], ...body], LEFT + 28, LEFT)
		: t.wrap(body, LEFT + 28, LEFT);
	for (const s of p.subparagraphs) {
		lines.push(...t.wrap(words(`${s.label} ${s.text}`, 0, []), LEFT + 56, LEFT + 56));
	}
	return { lines, notes, spaceBefore: spacing };
}

/**
 * Renders the resolution as a synthetic PDF.
 *
 * @example
 * const bytes = await renderPdf(parseResolution(shippedText()), { hyphenate: 0.5 });
 */
export async function renderPdf(res: Resolution, options: PdfOptions = {}): Promise<Uint8Array> {
	const opts: Required<PdfOptions> = {
		hyphenate: options.hyphenate ?? 0.5,
		seed: options.seed ?? 1,
		paragraphSpacing: options.paragraphSpacing ?? 6,
		columnWidth: options.columnWidth ?? 400,
		jobNumber: options.jobNumber ?? "GE.18-00000",
		layout: options.layout ?? "plain",
	};
	const t = new Typesetter(opts, res.symbol ?? "draft");
	const none = new Map<string, string>();
	const title = `${res.number ? `${res.number}. ` : ""}${res.title ?? ""}`.trim();
	if (opts.layout === "un") {
		const adopted = res.adoption.date ? printDate(res.adoption.date) : "";
		t.unMasthead({
			right: ["Distr.: General", adopted, "Original: English"],
			left: [
				res.organ ?? "Human Rights Council",
				res.session ? `Session ${res.session}` : "Session",
				"Agenda item 10",
				SYNTHETIC_NOTICE,
			],
			below: [`Resolution adopted by the ${res.organ ?? "Human Rights Council"} on ${adopted}`],
		});
	}
	// A UN title block hangs its number before the title, which wraps under itself.
	if (title)
		t.place({
			lines:
				opts.layout === "un"
					? t.wrap(words(title, 0, [], "Times-Bold"), LEFT, LEFT + 36, opts.columnWidth * 0.8)
					: t.wrap(words(title, 0, [], "Times-Bold"), LEFT, LEFT),
			notes: none,
			spaceBefore: 0,
		});
	const chapeau = `The ${res.organ ?? "Human Rights Council"},`;
	t.place({
		lines: t.wrap(words(chapeau, chapeau.length, []), LEFT + 28, LEFT),
		notes: none,
		spaceBefore: 12,
	});
	for (const p of res.paragraphs) t.place(paragraphBlock(t, p, opts.paragraphSpacing));
	const closing = [
		res.adoption.meeting,
		res.adoption.date ? printDate(res.adoption.date) : null,
		res.adoption.note ? `[${res.adoption.note}]` : null,
	].filter((l): l is string => l !== null);
	for (const [i, line] of closing.entries()) {
		const x = LEFT + Math.min(200, opts.columnWidth / 3);
		t.place({
			lines: t.wrap(words(line, 0, []), x, x),
			notes: none,
			spaceBefore: i === 0 ? 18 : 2,
		});
	}
	return t.finish();
}
