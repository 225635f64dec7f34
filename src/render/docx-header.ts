/**
 * The top of the Word redline: a title naming the two versions, a line on
 * each, how to read the tracked changes, and a short table of counts per
 * status, moves and lead-phrase shifts.
 */
import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { StructuredDiff } from "../core/diff/schema.ts";
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

function cell(text: string, options: { bold?: boolean; right?: boolean } = {}): TableCell {
	return new TableCell({
		children: [
			new Paragraph({
				alignment: options.right ? "right" : "left",
				children: [new TextRun({ text, bold: options.bold })],
			}),
		],
	});
}

function summaryTable(diff: StructuredDiff): Table {
	const header = new TableRow({
		tableHeader: true,
		children: [cell("Change", { bold: true }), cell("Paragraphs", { bold: true, right: true })],
	});
	const rows = summaryItems(diff.summary).map(
		(item) =>
			new TableRow({
				children: [
					cell(`${item.label.symbol} ${item.label.word}`),
					cell(String(item.count), { right: true }),
				],
			}),
	);
	return new Table({ rows: [header, ...rows], width: { size: 60, type: WidthType.PERCENTAGE } });
}

/** The paragraphs and table that open the document. */
export function docxHeader(diff: StructuredDiff, text: DocxHeaderText): (Paragraph | Table)[] {
	const day = text.date.slice(0, 10);
	return [
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text.title)] }),
		new Paragraph({
			children: [
				new TextRun({ text: "Earlier text: ", bold: true }),
				new TextRun(sideDescription(diff.from, EARLIER)),
			],
		}),
		new Paragraph({
			children: [
				new TextRun({ text: "Later text: ", bold: true }),
				new TextRun(sideDescription(diff.to, LATER)),
			],
		}),
		new Paragraph({
			spacing: { before: 120, after: 120 },
			children: [
				new TextRun(
					`Below is the text of ${text.newName} with every change from ${text.oldName} as a tracked revision by resdiff, dated ${day}: accepting all changes gives the text of ${text.newName}. Moves, merges, splits, lead-phrase shifts, routine updates and changed footnotes are noted in comments.`,
				),
			],
		}),
		summaryTable(diff),
		new Paragraph({
			heading: HeadingLevel.HEADING_2,
			spacing: { before: 240 },
			children: [new TextRun(`Text of ${text.newName} with changes`)],
		}),
	];
}
