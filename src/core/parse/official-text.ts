/**
 * Resolution -> official text, in the same Tika layout the parser reads.
 * Parsing what this writes gives back the same Resolution; the round-trip
 * tests hold the two to that.
 */

import { printDate } from "../calendar.ts";
import { type Footnote, joinLead, type Paragraph, type Resolution } from "../model.ts";
import { parseSymbol } from "../symbol.ts";

/** The id a footnote is written under: its source id, else one past its mark, as Word numbers them. */
function noteId(f: Footnote, fallback: number): string {
	return f.sourceId ?? (f.mark === "*" ? `${fallback}` : String(Number(f.mark) + 1));
}

function withRefs(body: string, footnotes: readonly Footnote[], ids: readonly string[]): string {
	let out = body;
	// From the last to the first, so earlier offsets stay valid.
	const order = footnotes.map((f, i) => ({ f, i })).sort((a, b) => b.f.at - a.f.at || b.i - a.i);
	for (const { f, i } of order) {
		const at = Math.min(f.at, out.length);
		const marker = f.mark === "*" && !f.sourceId ? "*" : `[footnoteRef:${ids[i]}]`;
		out = `${out.slice(0, at)}${marker}${out.slice(at)}`;
	}
	return out;
}

function paragraphLines(p: Paragraph, nextId: () => number): string[] {
	const ids = p.footnotes.map((f) => noteId(f, nextId()));
	const text = joinLead(p.lead, withRefs(p.body, p.footnotes, ids));
	const prefix = p.label ?? (p.kind === "operative" ? `${p.number}.` : null);
	const numbered = prefix ? `\t${prefix}\t${text}` : `\t${text}`;
	const notes = p.footnotes
		.map((f, i) =>
			f.mark === "*" && !f.sourceId
				? null
				: `[${ids[i]}: \t\t${f.mark === "*" ? "* " : ""}${f.text}]`,
		)
		.filter((n) => n !== null);
	const loose = p.footnotes.filter((f) => f.mark === "*" && !f.sourceId).map((f) => `* ${f.text}`);
	const lines = [notes.length > 0 ? `${numbered}  ${notes.join(" ")} ` : numbered];
	if (notes.length > 0) lines.push("");
	for (const s of p.subparagraphs) lines.push(`\t${s.label}\t${s.text}`);
	return [...lines, ...loose];
}

/**
 * Writes a Resolution in the official text layout.
 *
 * @example
 * toOfficialText(parseResolution(text)) // a text that parses to the same Resolution
 */
export function toOfficialText(res: Resolution): string {
	const lines: string[] = [];
	let generated = 1000;
	const nextId = () => generated++;
	const parts = res.number ? parseSymbol(res.number) : null;
	if (res.symbol && res.symbol !== parts?.symbol) lines.push(res.symbol);

	// Numbered notes that precede every paragraph's notes were on the title.
	const firstParagraphMark = Math.min(
		...res.paragraphs
			.flatMap((p) => p.footnotes.map((f) => Number(f.mark)))
			.filter(Number.isFinite),
	);
	const onTitle = res.notes.filter((n) => n.mark !== "*" && Number(n.mark) < firstParagraphMark);
	const elsewhere = res.notes.filter((n) => !onTitle.includes(n));
	const titleIds = onTitle.map((n) => noteId(n, nextId()));
	const titleRefs = titleIds.map((id) => `[footnoteRef:${id}]`).join("");
	const titleNotes = onTitle.map((n, i) => `[${titleIds[i]}: \t\t${n.text}]`).join(" ");
	if (res.number) {
		lines.push(
			` \t${res.number}.${titleRefs}\t${res.title ?? ""}${titleNotes ? `  ${titleNotes}` : ""}`,
		);
	} else if (res.title) {
		lines.push(`\t${res.title}`);
	}
	lines.push(`\tThe ${res.organ ?? "Human Rights Council"},`);
	for (const p of res.paragraphs) lines.push(...paragraphLines(p, nextId));
	for (const n of elsewhere) {
		lines.push(
			n.mark === "*" && !n.sourceId
				? `* ${n.text}`
				: `[${noteId(n, nextId())}: \t\t${n.mark === "*" ? "* " : ""}${n.text}]`,
		);
	}
	if (res.adoption.meeting) lines.push(res.adoption.meeting);
	if (res.adoption.date) lines.push(printDate(res.adoption.date));
	if (res.adoption.note) lines.push(`[${res.adoption.note}]`);
	return `${lines.join("\n")}\n`;
}
