/**
 * The redline as Markdown, for GitHub, pandoc and the report tools that take
 * CommonMark.
 *
 * Insertions are `**bold**` and deletions `~~struck through~~`: both survive
 * GitHub, pandoc (to HTML and to Word) and most report tools, where `<ins>`
 * and `<del>` tags are dropped or shown as text. The key under the summary
 * says so. Each paragraph is one Markdown paragraph: a label line (ref,
 * status in words, provenance, moved, lead shift, routine), then its text,
 * one line per paragraph or sub-paragraph, joined by hard line breaks
 * (a backslash at the line's end). Paragraph texts are escaped to render
 * literally (see markdown-inline.ts for escaping and for keeping the marks
 * intact next to punctuation).
 */
import type { Change, StructuredDiff } from "../core/diff/schema.ts";
import {
	certaintyHints,
	comparisonTitle,
	EARLIER,
	FOOTNOTES_LABEL,
	footnoteLines,
	LATER,
	LEAD_SHIFT_LABELS,
	leadCallout,
	MOVED_LABEL,
	provenance,
	ROUTINE_LABEL,
	refLabel,
	STATUS_LABELS,
	type StatusLabel,
	shownRefs,
	sideShortName,
	sideWithDate,
	summaryItems,
} from "./labels.ts";
import { escapeMarkdown, type InlinePiece, joinInline } from "./markdown-inline.ts";
import { redlineLines } from "./segments.ts";

export interface MarkdownRenderOptions {
	/** Leave out paragraphs that are unchanged and did not move. Default false. */
	readonly omitUnchanged?: boolean;
	/** Leave out routine rewordings (only session numbers, years, dates or document symbols changed). Default false. */
	readonly omitRoutine?: boolean;
	/** Level of the title heading, 1 to 6; 0 for no title. Default 2, to sit inside a report. */
	readonly headingLevel?: number;
}

/** A hard line break: CommonMark, GitHub and pandoc all read a backslash at a line's end as one. */
const HARD_BREAK = "\\\n";

function labelText(label: StatusLabel, words = label.word): string {
	return escapeMarkdown(`${label.symbol} ${words}`);
}

function labelLine(change: Change, oldName: string, newName: string): string {
	const refs =
		change.to.length === 0
			? `**${escapeMarkdown(refLabel(change, oldName))}**`
			: shownRefs(change)
					.map((p) => `**${escapeMarkdown(p.ref)}**`)
					.join(" + ");
	const parts = [refs];
	const was = provenance(change);
	if (was) parts[0] = `${refs} (${escapeMarkdown(was)})`;
	parts.push(labelText(STATUS_LABELS[change.status]));
	if (change.moved) parts.push(labelText(MOVED_LABEL));
	const lead = leadCallout(change);
	if (lead) {
		const label = LEAD_SHIFT_LABELS[lead.shift];
		parts.push(labelText(label, `${label.word}: ${lead.from} → ${lead.to}`));
	}
	if (change.routine) parts.push(labelText(ROUTINE_LABEL));
	if (change.footnotes) parts.push(labelText(FOOTNOTES_LABEL));
	const hints = certaintyHints(change, oldName, newName);
	if (hints.length > 0) parts.push(`*${escapeMarkdown(hints.join("; "))}*`);
	return parts.join(" · ");
}

/** One line of redline as Markdown pieces; spaces at the edges of a change are left unmarked. */
function linePieces(runs: ReturnType<typeof redlineLines>[number]["runs"]): InlinePiece[] {
	const pieces: InlinePiece[] = [];
	for (const run of runs) {
		// Leading spaces are trimmed from the line, so text after them still starts it.
		const atLineStart = pieces.every((p) => p.kind === "plain" && p.text.trim() === "");
		if (run.op === "equal") {
			pieces.push({ kind: "plain", text: escapeMarkdown(run.text, atLineStart) });
			continue;
		}
		const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text);
		const [lead, core, trail] = [m?.[1] ?? "", m?.[2] ?? "", m?.[3] ?? ""];
		if (lead) pieces.push({ kind: "plain", text: lead });
		if (core) {
			const delimiter = run.op === "insert" ? "**" : "~~";
			pieces.push({ kind: "marked", delimiter, text: escapeMarkdown(core) });
		}
		if (trail) pieces.push({ kind: "plain", text: trail });
	}
	return pieces;
}

function redlineMarkdown(change: Change): string[] {
	return redlineLines(change.segments)
		.map((line) => joinInline(linePieces(line.runs)).trim())
		.filter((line) => line !== "");
}

/**
 * A change as Markdown: its label and redline in one paragraph; changed
 * footnotes in a paragraph of their own after it, so that they are not read
 * as part of the text.
 */
function changeMarkdown(change: Change, oldName: string, newName: string): string {
	const block = [labelLine(change, oldName, newName), ...redlineMarkdown(change)].join(HARD_BREAK);
	const notes = footnoteLines(change, oldName, newName);
	return notes
		? `${block}\n\n${notes.map((l) => escapeMarkdown(l, true)).join(HARD_BREAK)}`
		: block;
}

function summaryMarkdown(diff: StructuredDiff, headingLevel: number): string {
	const lines: string[] = [];
	if (headingLevel > 0)
		lines.push(`${"#".repeat(headingLevel)} ${escapeMarkdown(comparisonTitle(diff))}`, "");
	const from = sideWithDate(diff.from, EARLIER);
	const to = sideWithDate(diff.to, LATER);
	lines.push(`From ${escapeMarkdown(from)} to ${escapeMarkdown(to)}.`, "");
	lines.push("| Change | Paragraphs |", "| :-- | --: |");
	for (const item of summaryItems(diff.summary))
		lines.push(`| ${labelText(item.label)} | ${item.count} |`);
	lines.push("", "Inserted text is **bold**; deleted text is ~~struck through~~.");
	return lines.join("\n");
}

/**
 * Renders a structured diff as Markdown: a title, the counts, then every
 * paragraph with its label and redline.
 *
 * @example
 * renderMarkdown(compare(old, next), { omitUnchanged: true })
 * // "## Changes from A/HRC/RES/34/39 to A/HRC/RES/37/39\n…\n**OP5** (was OP4) · ≈ Reworded\\\nUrges ~~all~~ **the** …"
 */
export function renderMarkdown(diff: StructuredDiff, options: MarkdownRenderOptions = {}): string {
	const level = Math.max(0, Math.min(6, Math.trunc(options.headingLevel ?? 2)));
	const oldName = sideShortName(diff.from, EARLIER);
	const newName = sideShortName(diff.to, LATER);
	const blocks = diff.changes
		.filter((c) => !(options.omitUnchanged && c.status === "unchanged" && !c.moved))
		.filter((c) => !(options.omitRoutine && c.routine))
		.map((c) => changeMarkdown(c, oldName, newName));
	return `${[summaryMarkdown(diff, level), ...blocks].join("\n\n")}\n`;
}
