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
	Footer,
	FootnoteReferenceRun,
	Header,
	LevelFormat,
	Packer,
	PageNumber,
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
	/**
	 * "un": laid out as a UN resolution's DOCX is: the masthead table ("United
	 * Nations" beside the symbol, "General Assembly" beside the distribution
	 * lines), session and agenda lines, "Resolution adopted by ...", the title
	 * in bold with its number and a tab, lead phrases in italics, the symbol in
	 * the running header and the job number in the footers (with the barcode's
	 * digits and "Please recycle" on the first page). The synthetic notice
	 * stays in the masthead and the first page's header.
	 */
	readonly layout?: "plain" | "un";
	/** The job number printed in a "un" layout's footers. */
	readonly jobNumber?: string;
}

export const SYNTHETIC_NOTICE = "Synthetic rendering for resdiff tests, not an official document";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Whether sub-paragraph labels run (a), (b), (c)... so that Word can number them. */
function lettered(p: ResolutionParagraph): boolean {
	return p.subparagraphs.every((s, i) => s.label === `(${LETTERS[i]})`);
}

/** Runs for a body with footnote references placed at their offsets; the lead in italics if asked. */
function bodyRuns(
	p: ResolutionParagraph,
	noteIds: Map<ResolutionParagraph["footnotes"][number], number>,
	italicLead = false,
): (TextRun | FootnoteReferenceRun)[] {
	const text = joinLead(p.lead, p.body);
	const shift = text.length - p.body.length;
	const lead = italicLead ? p.lead.length : 0;
	const runs: (TextRun | FootnoteReferenceRun)[] = [];
	const text_ = (from: number, to: number) => {
		// A run may not straddle the end of the lead: the italics stop there.
		if (from < lead && to > lead) {
			runs.push(new TextRun({ text: text.slice(from, lead), italics: true }));
			runs.push(new TextRun(text.slice(lead, to)));
		} else if (to > from) {
			runs.push(new TextRun({ text: text.slice(from, to), italics: to <= lead }));
		}
	};
	let from = 0;
	const sorted = [...p.footnotes].sort((a, b) => a.at - b.at);
	for (const f of sorted) {
		const at = Math.min(shift + f.at, text.length);
		text_(from, at);
		from = Math.max(from, at);
		const id = noteIds.get(f);
		if (id !== undefined) runs.push(new FootnoteReferenceRun(id));
	}
	text_(from, text.length);
	return runs;
}

/** The first page's masthead as UN resolutions print it, with the synthetic notice among its lines. */
function unMasthead(res: Resolution): (Paragraph | Table)[] {
	const adopted = res.adoption.date ? printDate(res.adoption.date) : "";
	const organ = res.organ ?? "Human Rights Council";
	const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
	const cell = (children: Paragraph[]) => new TableCell({ children });
	return [
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			rows: [
				new TableRow({
					children: [cell([bold("United Nations")]), cell([bold(res.symbol ?? "")])],
				}),
				new TableRow({
					children: [
						cell([bold("General Assembly")]),
						cell([
							new Paragraph("Distr.: General"),
							new Paragraph(adopted),
							new Paragraph("Original: English"),
						]),
					],
				}),
			],
		}),
		new Paragraph(organ),
		new Paragraph(res.session ? `Session ${res.session}` : "Session"),
		new Paragraph("Agenda item 10"),
		new Paragraph(SYNTHETIC_NOTICE),
		new Paragraph(`Resolution adopted by the ${organ} on ${adopted}`),
	];
}

/** Header and footer parts as UN documents have them: symbol above, job number below. */
function unHeadersAndFooters(res: Resolution, job: string) {
	const line = (...texts: string[]) =>
		new Paragraph({ children: texts.map((t) => new TextRun(t)) });
	return {
		properties: { titlePage: true },
		headers: {
			first: new Header({ children: [line(SYNTHETIC_NOTICE)] }),
			default: new Header({ children: [line(res.symbol ?? "")] }),
		},
		footers: {
			first: new Footer({
				children: [line(`${job}(E)`), line(`*${job.replace(/\D/g, "")}*`), line("Please recycle")],
			}),
			default: new Footer({
				children: [
					new Paragraph({
						children: [new TextRun(`${job} `), new TextRun({ children: [PageNumber.CURRENT] })],
					}),
				],
			}),
		},
	};
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

	const un = options.layout === "un";
	const children: (Paragraph | Table)[] = [];
	if (un) {
		children.push(...unMasthead(res));
	} else if (options.masthead) {
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
					new TextRun({ text: `${res.number}.`, bold: un }),
					new TextRun({ children: [new Tab(), res.title ?? ""], bold: un }),
				],
			}),
		);
	} else if (res.title) {
		children.push(new Paragraph(res.title));
	}
	children.push(new Paragraph(`The ${res.organ ?? "Human Rights Council"},`));

	for (const p of res.paragraphs) {
		const runs = bodyRuns(p, noteIds, un);
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
			un
				? { ...unHeadersAndFooters(res, options.jobNumber ?? "GE.18-00000"), children }
				: {
						headers: { default: new Header({ children: [new Paragraph(SYNTHETIC_NOTICE)] }) },
						children,
					},
		],
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
