/**
 * Writes a Resolution as a DOCX, for reader tests: every file made here is a
 * synthetic rendering (its title, its page header and its first line say so),
 * never an official document. Operative paragraphs and sub-paragraphs use
 * Word's automatic numbering when their numbers run 1, 2, 3 / (a), (b), (c),
 * or typed numbers when asked or when a draft's labels need them; footnotes
 * go in the footnotes part with a reference where the body's mark stood.
 */
import {
	AlignmentType,
	Document,
	FootnoteReferenceRun,
	Header,
	LevelFormat,
	Packer,
	Paragraph,
	Tab,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
} from "docx";
import { printDate } from "../../src/core/calendar.ts";
import {
	joinLead,
	type Resolution,
	type Paragraph as ResolutionParagraph,
} from "../../src/core/model.ts";

export interface DocxOptions {
	/** "auto": Word numbering (w:numPr) where the numbers allow it; "typed": numbers as text. */
	readonly numbering?: "auto" | "typed";
	/** Put the synthetic notice and the symbol in a masthead table, as UN documents do. */
	readonly masthead?: boolean;
}

export const SYNTHETIC_NOTICE = "Synthetic rendering for resdiff tests, not an official document";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Whether sub-paragraph labels run (a), (b), (c)... so that Word can number them. */
function lettered(p: ResolutionParagraph): boolean {
	return p.subparagraphs.every((s, i) => s.label === `(${LETTERS[i]})`);
}

/** Runs for a body with footnote references placed at their offsets. */
function bodyRuns(
	p: ResolutionParagraph,
	noteIds: Map<ResolutionParagraph["footnotes"][number], number>,
): (TextRun | FootnoteReferenceRun)[] {
	const text = joinLead(p.lead, p.body);
	const shift = text.length - p.body.length;
	const runs: (TextRun | FootnoteReferenceRun)[] = [];
	let from = 0;
	const sorted = [...p.footnotes].sort((a, b) => a.at - b.at);
	for (const f of sorted) {
		const at = Math.min(shift + f.at, text.length);
		if (at > from) runs.push(new TextRun(text.slice(from, at)));
		from = at;
		const id = noteIds.get(f);
		if (id !== undefined) runs.push(new FootnoteReferenceRun(id));
	}
	if (from < text.length) runs.push(new TextRun(text.slice(from)));
	return runs;
}

/**
 * Renders the resolution as a DOCX file.
 *
 * @example
 * const bytes = await renderDocx(parseResolution(shippedText()));
 */
export async function renderDocx(res: Resolution, options: DocxOptions = {}): Promise<Uint8Array> {
	const operative = res.paragraphs.filter((p) => p.kind === "operative");
	const autoNumbers =
		options.numbering !== "typed" &&
		operative.every((p, i) => p.number === i + 1 && p.label === null);

	const footnotes: Record<number, { children: Paragraph[] }> = {};
	const noteIds = new Map<ResolutionParagraph["footnotes"][number], number>();
	let nextId = 1;
	for (const p of res.paragraphs) {
		for (const f of p.footnotes) {
			const id = nextId++;
			noteIds.set(f, id);
			footnotes[id] = { children: [new Paragraph(f.text)] };
		}
	}

	const children: (Paragraph | Table)[] = [];
	if (options.masthead) {
		children.push(
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: [
					new TableRow({
						children: [
							new TableCell({ children: [new Paragraph(SYNTHETIC_NOTICE)] }),
							new TableCell({ children: [new Paragraph(res.symbol ?? "")] }),
						],
					}),
				],
			}),
		);
	} else {
		children.push(new Paragraph(SYNTHETIC_NOTICE));
	}
	if (res.number) {
		children.push(
			new Paragraph({
				children: [
					new TextRun(`${res.number}.`),
					new TextRun({ children: [new Tab(), res.title ?? ""] }),
				],
			}),
		);
	} else if (res.title) {
		children.push(new Paragraph(res.title));
	}
	children.push(new Paragraph(`The ${res.organ ?? "Human Rights Council"},`));

	for (const p of res.paragraphs) {
		const runs = bodyRuns(p, noteIds);
		if (p.kind === "operative" && autoNumbers) {
			children.push(
				new Paragraph({ numbering: { reference: "operative", level: 0 }, children: runs }),
			);
		} else {
			const prefix = p.label ?? (p.kind === "operative" ? `${p.number}.` : null);
			children.push(
				new Paragraph({
					indent: { firstLine: 720 },
					children: prefix ? [new TextRun({ children: [prefix, new Tab()] }), ...runs] : runs,
				}),
			);
		}
		const autoSubs = autoNumbers && lettered(p);
		for (const s of p.subparagraphs) {
			children.push(
				autoSubs
					? new Paragraph({ numbering: { reference: "operative", level: 1 }, text: s.text })
					: new Paragraph({ children: [new TextRun({ children: [s.label, new Tab(), s.text] })] }),
			);
		}
	}
	if (res.adoption.meeting) children.push(new Paragraph(res.adoption.meeting));
	if (res.adoption.date) children.push(new Paragraph(printDate(res.adoption.date)));
	if (res.adoption.note) children.push(new Paragraph(`[${res.adoption.note}]`));

	const doc = new Document({
		title: `${SYNTHETIC_NOTICE}: ${res.symbol ?? "draft"}`,
		creator: "resdiff tests",
		numbering: {
			config: [
				{
					reference: "operative",
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: "%1.",
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 0, firstLine: 720 } } },
						},
						{
							level: 1,
							format: LevelFormat.LOWER_LETTER,
							text: "(%2)",
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 1440, hanging: 720 } } },
						},
					],
				},
			],
		},
		footnotes,
		sections: [
			{
				headers: { default: new Header({ children: [new Paragraph(SYNTHETIC_NOTICE)] }) },
				children,
			},
		],
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
