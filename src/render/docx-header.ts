/**
 * The top of the Word redline: a title naming the two versions, a line on
 * each, how to read the tracked changes, and a short table of counts per
 * status, moves and lead-phrase shifts.
 */
import type { Paragraph, Table, TableCell } from "docx";
import type { StructuredDiff } from "../core/diff/schema.ts";
import type { DocxLibrary } from "./docx.ts";
import { EARLIER, LATER, sideDescription, summaryItems } from "./labels.ts";

export interface DocxHeaderText {
	/** "Changes from A/HRC/RES/34/39 to A/HRC/RES/37/39" */
	readonly title: string;
	/** Short names of the versions: "34/39", "37/39". */
	readonly oldName: string;
	readonly newName: string;
	/** The revisions' date, ISO 8601. */
	readonly date: string;
}

function cell(
	d: DocxLibrary,
	text: string,
	options: { bold?: boolean; right?: boolean } = {},
): TableCell {
	return new d.TableCell({
		children: [
			new d.Paragraph({
				alignment: options.right ? "right" : "left",
				children: [new d.TextRun({ text, bold: options.bold })],
			}),
		],
	});
}

function summaryTable(d: DocxLibrary, diff: StructuredDiff): Table {
	const header = new d.TableRow({
		tableHeader: true,
		children: [
			cell(d, "Change", { bold: true }),
			cell(d, "Paragraphs", { bold: true, right: true }),
		],
	});
	const rows = summaryItems(diff.summary).map(
		(item) =>
			new d.TableRow({
				children: [
					cell(d, `${item.label.symbol} ${item.label.word}`),
					cell(d, String(item.count), { right: true }),
				],
			}),
	);
	return new d.Table({
		rows: [header, ...rows],
		width: { size: 60, type: d.WidthType.PERCENTAGE },
	});
}

/** The paragraphs and table that open the document. */
export function docxHeader(
	d: DocxLibrary,
	diff: StructuredDiff,
	text: DocxHeaderText,
): (Paragraph | Table)[] {
	const day = text.date.slice(0, 10);
	return [
		new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: [new d.TextRun(text.title)] }),
		new d.Paragraph({
			children: [
				new d.TextRun({ text: "Earlier text: ", bold: true }),
				new d.TextRun(sideDescription(diff.from, EARLIER)),
			],
		}),
		new d.Paragraph({
			children: [
				new d.TextRun({ text: "Later text: ", bold: true }),
				new d.TextRun(sideDescription(diff.to, LATER)),
			],
		}),
		new d.Paragraph({
			spacing: { before: 120, after: 120 },
			children: [
				new d.TextRun(
					`Below is the text of ${text.newName} with every change from ${text.oldName} as a tracked revision by resdiff, dated ${day}: accepting all changes gives the text of ${text.newName}. Moves, merges, splits, lead-phrase shifts, routine updates and changed footnotes are noted in comments.`,
				),
			],
		}),
		summaryTable(d, diff),
		new d.Paragraph({
			heading: d.HeadingLevel.HEADING_2,
			spacing: { before: 240 },
			children: [new d.TextRun(`Text of ${text.newName} with changes`)],
		}),
	];
}
