/**
 * HTML -> plain text, one block a line: a resolution saved from a web page,
 * or a document service's HTML rendering. Block elements end lines; an
 * ordered list's items get their numbers back (`3. Calls upon ...`, nested
 * lists `(a)`); a superscript number after a word is a footnote mark. What a
 * page shows but a document does not (scripts, styles, navigation) is left
 * out. Footnote lists (Word-to-HTML converters give their items ids like
 * `footnote-1`) become notes at the foot, as in text copied from a PDF, and
 * the text is read by that reader.
 */
import type { Resolution } from "../core/model.ts";
import type { ParseOptions } from "../core/parse/index.ts";
import { formatNumber } from "./docx/numbering.ts";
import { readPdfText } from "./pdf-text.ts";

/** An element that holds a footnote or endnote: `<li id="footnote-1">`, `<div class="fn">`. */
const NOTE_ITEM = /(?:foot|end)note|^fn\d*$|^fn[-_]/i;

const BLOCKS = new Set([
	"address",
	"article",
	"aside",
	"blockquote",
	"br",
	"dd",
	"div",
	"dl",
	"dt",
	"figcaption",
	"footer",
	"form",
	"h1",
	"h2",
	"h3",
	"h4",
	"h5",
	"h6",
	"header",
	"hr",
	"li",
	"main",
	"ol",
	"p",
	"pre",
	"section",
	"table",
	"td",
	"th",
	"tr",
	"ul",
]);

/** Elements whose content is not part of the document's text. */
const HIDDEN = new Set(["head", "script", "style", "noscript", "template", "svg", "nav", "button"]);

/** A line that holds nothing yet but a list item's label: "3. ", "(a) ", "1 ". */
const LABEL_ONLY = /^\s*(?:\d{1,3}\.?|\([a-z]{1,4}\))\s*$/i;

interface List {
	readonly ordered: boolean;
	readonly format: string;
	next: number;
}

/** The format a list's `type` asks for, or the one nesting gives: 1., (a), (i). */
function listFormat(type: string | undefined, depth: number): string {
	if (type === "a") return "lowerLetter";
	if (type === "A") return "upperLetter";
	if (type === "i") return "lowerRoman";
	if (type === "I") return "upperRoman";
	if (type === "1") return "decimal";
	return ["decimal", "lowerLetter", "lowerRoman"][depth % 3] ?? "decimal";
}

/**
 * The text of an HTML document, one block a line.
 *
 * @example
 * await htmlToText("<ol><li>Decides to remain seized of the matter.</li></ol>") // "1. Decides to remain seized of the matter.\n"
 */
export async function htmlToText(html: string): Promise<string> {
	// Loaded when an HTML text arrives: the service starts without it.
	const { Parser } = await import("htmlparser2");
	const lines: string[] = [];
	let line = "";
	let hidden = 0;
	let sup = 0;
	const lists: List[] = [];
	const endLine = () => {
		const t = line.replace(/\s+/g, " ").trim();
		if (t !== "") lines.push(t);
		line = "";
	};
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				if (HIDDEN.has(name)) hidden++;
				if (hidden > 0) return;
				// A list item's label stays with the paragraph the item wraps (`<li><p>...`).
				if (BLOCKS.has(name) && !LABEL_ONLY.test(line)) endLine();
				if (name === "sup") sup++;
				if (name === "ol" || name === "ul") {
					lists.push({
						ordered: name === "ol",
						format: listFormat(attrs.type, lists.filter((l) => l.ordered).length),
						next: Number(attrs.start ?? 1) || 1,
					});
				}
				if (name === "li") {
					const list = lists.at(-1);
					if (list?.ordered) {
						const n = Number(attrs.value ?? list.next) || list.next;
						list.next = n + 1;
						const label = formatNumber(n, list.format);
						const note = NOTE_ITEM.test(attrs.id ?? "") || NOTE_ITEM.test(attrs.class ?? "");
						// A note is written as the page foot prints it: its number, then its text.
						line += note ? `${n} ` : list.format === "decimal" ? `${label}. ` : `(${label}) `;
					}
				}
			},
			ontext(text) {
				if (hidden > 0) return;
				// A superscript number right after a word is a footnote mark.
				const mark = /^\s*\[?(\d{1,3})\]?\s*$/.exec(text);
				if (sup > 0 && mark && /\S$/.test(line)) {
					line += `[footnoteRef:${mark[1]}]`;
					return;
				}
				// Converters' links from a note back to its mark.
				line += text.replace(/[↑↩]/g, "");
			},
			onclosetag(name) {
				if (HIDDEN.has(name)) {
					hidden = Math.max(0, hidden - 1);
					return;
				}
				if (hidden > 0) return;
				if (name === "sup") sup = Math.max(0, sup - 1);
				if (name === "ol" || name === "ul") lists.pop();
				if (BLOCKS.has(name)) endLine();
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	endLine();
	return `${lines.join("\n")}\n`;
}

/** Reads an HTML document as a resolution. */
export async function readHtml(html: string, options: ParseOptions = {}): Promise<Resolution> {
	return readPdfText(await htmlToText(html), options);
}
