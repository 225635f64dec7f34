/**
 * A member annotated with its sources, for pasting into a report: every
 * paragraph with its new wording highlighted and, after it, the delegate's
 * annotation in brackets ("[from 34/39 OP1, amended; new: “…”]"). As
 * Markdown, as an HTML fragment with styles in attributes (they survive a
 * paste into Word or an email), and as a Word document. Pure, no I/O.
 */
import type { Paragraph, TextRun } from "docx";
import { parseSymbol } from "../core/symbol.ts";
import { escapeHtml } from "./html-escape.ts";
import { formatDate } from "./labels.ts";
import { escapeMarkdown } from "./markdown-inline.ts";

/** What the renderers read: the shape the sources route answers with. */
export interface SourcesDocument {
	readonly member: {
		readonly symbol: string;
		readonly title: string | null;
		readonly date: string | null;
	};
	readonly paragraphs: readonly {
		readonly paragraph: { readonly ref: string };
		readonly spans: readonly { readonly text: string; readonly status: "new" | "kept" }[];
		readonly note: { readonly text: string };
	}[];
}

const short = (symbol: string) => parseSymbol(symbol)?.number ?? symbol;

/** "37/39, annotated with its sources" */
export function sourcesTitle(doc: SourcesDocument): string {
	return `${short(doc.member.symbol)}, annotated with its sources`;
}

/** The line under the title: full symbol, title, date, and how to read the highlights. */
function sourcesLede(doc: SourcesDocument): string {
	const parts = [
		doc.member.symbol,
		doc.member.title,
		doc.member.date ? `adopted ${formatDate(doc.member.date)}` : null,
	];
	return `${parts.filter(Boolean).join(", ")}. Highlighted: wording no earlier member of the series used. In brackets after each paragraph: where its language came from, computed by resdiff by comparing the stored texts.`;
}

/** The download file name: `resdiff-37-39-sources.docx`. */
export function sourcesDownloadName(doc: SourcesDocument, format: "md" | "html" | "docx"): string {
	const slug = (parseSymbol(doc.member.symbol)?.slug ?? doc.member.symbol)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-");
	return `resdiff-${slug}-sources.${format}`;
}

export function renderSourcesMarkdown(doc: SourcesDocument): string {
	const lines = [
		`# ${escapeMarkdown(sourcesTitle(doc))}`,
		"",
		escapeMarkdown(sourcesLede(doc)),
		"",
	];
	for (const p of doc.paragraphs) {
		const text = p.spans
			.map((s) => {
				const plain = escapeMarkdown(s.text.replace(/\n/g, " "));
				// The mark goes around the words only: Markdown emphasis may not open or close on a space.
				return s.status === "new" ? plain.replace(/^(\s*)(.*?)(\s*)$/s, "$1**$2**$3") : plain;
			})
			.join("");
		lines.push(`**${p.paragraph.ref}** ${text}`, "", `*[${escapeMarkdown(p.note.text)}]*`, "");
	}
	return `${lines.join("\n").trimEnd()}\n`;
}

const MARK_STYLE = "background-color:#fff3a3;font-weight:bold";
const NOTE_STYLE = "color:#555;font-style:italic;margin-top:0";

export function renderSourcesHtml(doc: SourcesDocument): string {
	const out = [
		`<section class="resdiff-sources">`,
		`<h1>${escapeHtml(sourcesTitle(doc))}</h1>`,
		`<p>${escapeHtml(sourcesLede(doc))}</p>`,
	];
	for (const p of doc.paragraphs) {
		const text = p.spans
			.map((s) => {
				const t = escapeHtml(s.text).replace(/\n/g, "<br>");
				return s.status === "new"
					? `<mark class="new-phrase" style="${MARK_STYLE}">${t}</mark>`
					: t;
			})
			.join("");
		out.push(
			`<p data-ref="${escapeHtml(p.paragraph.ref)}"><strong>${escapeHtml(p.paragraph.ref)}</strong> ${text}</p>`,
			`<p class="sources-note" style="${NOTE_STYLE}">[${escapeHtml(p.note.text)}]</p>`,
		);
	}
	out.push("</section>");
	return `${out.join("\n")}\n`;
}

/** A Word document: new wording highlighted yellow and bold, each annotation in italics under its paragraph. */
export async function renderSourcesDocx(doc: SourcesDocument): Promise<Uint8Array> {
	// Loaded when a Word file is asked for: the service starts without it.
	const d = await import("docx");
	const children: Paragraph[] = [
		new d.Paragraph({ heading: "Heading1", children: [new d.TextRun(sourcesTitle(doc))] }),
		new d.Paragraph({ children: [new d.TextRun({ text: sourcesLede(doc), italics: true })] }),
	];
	for (const p of doc.paragraphs) {
		const runs: TextRun[] = [new d.TextRun({ text: `${p.paragraph.ref}\t`, bold: true })];
		for (const s of p.spans) {
			s.text.split("\n").forEach((line, i) => {
				runs.push(
					new d.TextRun({
						text: line,
						break: i > 0 ? 1 : 0,
						...(s.status === "new" ? { highlight: d.HighlightColor.YELLOW, bold: true } : {}),
					}),
				);
			});
		}
		children.push(new d.Paragraph({ children: runs }));
		children.push(
			new d.Paragraph({
				spacing: { after: 200 },
				children: [new d.TextRun({ text: `[${p.note.text}]`, italics: true, color: "555555" })],
			}),
		);
	}
	const document = new d.Document({
		creator: "resdiff",
		title: sourcesTitle(doc),
		description: "Computed by resdiff from the stored texts; not an official document",
		sections: [{ children }],
	});
	return new Uint8Array(await d.Packer.toArrayBuffer(document));
}
