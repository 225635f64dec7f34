/**
 * The structured diff for a terminal: one block per change, the redline in
 * colour on a TTY, and in wdiff's `[-deleted-]{+inserted+}` brackets otherwise.
 */
import type { Change, StructuredDiff } from "../core/diff/index.ts";
import { certaintyHints, refLabel, sideName, sideShortName } from "../render/labels.ts";
import type { Style } from "./style.ts";
import { wrapText } from "./text.ts";

const refs = (ps: Change["from"]) => ps.map((p) => p.ref).join("+");

function header(c: Change, oldName: string, newName: string): string {
	const from = refs(c.from);
	const to = refs(c.to);
	// A removed paragraph's ref is the older text's: name that text, or "OP12 removed" reads as the new OP12.
	const where =
		c.status === "new"
			? to
			: c.status === "removed"
				? refLabel(c, oldName)
				: from === to
					? from
					: `${from} → ${to}`;
	const notes = [
		c.moved ? "moved" : null,
		c.routine ? "routine" : null,
		c.lead && c.lead.shift !== "same"
			? `lead ${c.lead.shift}: ${c.lead.from} → ${c.lead.to}`
			: null,
		c.footnotes ? "footnotes changed" : null,
		c.status !== "new" && c.status !== "removed" && c.status !== "unchanged"
			? `${Math.round(c.similarity * 100)}% similar`
			: null,
		...certaintyHints(c, oldName, newName),
	].filter(Boolean);
	return `${where}  ${c.status}${notes.length ? ` (${notes.join(", ")})` : ""}`;
}

function redline(c: Change, style: Style, plain: boolean): string {
	return c.segments
		.map((s) => {
			if (s.op === "equal") return s.text;
			if (plain) return s.op === "insert" ? `{+${s.text}+}` : `[-${s.text}-]`;
			return s.op === "insert"
				? style.green(style.underline(s.text))
				: style.red(style.strike(s.text));
		})
		.join("");
}

export interface RedlineTextOptions {
	readonly style: Style;
	/** No colour available: mark changes with brackets. */
	readonly plain: boolean;
	/** Show unchanged paragraphs' text too, not just their refs. */
	readonly all?: boolean;
}

export function summaryLine(diff: StructuredDiff): string {
	const s = diff.summary;
	return `${s.unchanged} unchanged, ${s.reworded} reworded (${s.routine} routine), ${s.new} new, ${s.removed} removed, ${s.merged} merged, ${s.split} split; ${s.moved} moved; lead phrases: ${s.leadShifts.stronger} stronger, ${s.leadShifts.weaker} weaker, ${s.leadShifts.changed} changed`;
}

export function diffText(
	diff: StructuredDiff,
	{ style, plain, all = false }: RedlineTextOptions,
): string {
	const oldName = sideShortName(diff.from, "the old text");
	const newName = sideShortName(diff.to, "the new text");
	const lines = [
		style.bold(`${sideName(diff.from, "(old text)")} → ${sideName(diff.to, "(new text)")}`),
		summaryLine(diff),
		"",
	];
	// Runs of paragraphs that stayed as they were read as one line: "PP1 – OP6  unchanged (27)".
	let quiet: Change[] = [];
	const flushQuiet = () => {
		const [first] = quiet;
		const last = quiet.at(-1);
		if (first && last) {
			const span = quiet.length === 1 ? refs(first.to) : `${refs(first.to)} – ${refs(last.to)}`;
			lines.push(style.dim(`${span}  unchanged${quiet.length > 1 ? ` (${quiet.length})` : ""}`));
		}
		quiet = [];
	};
	for (const c of diff.changes) {
		if (c.status === "unchanged" && !c.moved && !all) {
			quiet.push(c);
			continue;
		}
		flushQuiet();
		lines.push(style.bold(header(c, oldName, newName)));
		for (const para of redline(c, style, plain).split("\n"))
			lines.push(...wrapText(para, 96, "    ", "    "));
		if (c.footnotes) {
			lines.push(
				`    footnotes: ${c.footnotes.from.map((f) => f.text).join(" ")} → ${c.footnotes.to.map((f) => f.text).join(" ")}`,
			);
		}
	}
	flushQuiet();
	return `${lines.join("\n")}\n`;
}
