/**
 * A Word document's body written out in the Tika text layout the parser
 * reads (see DESIGN.md): one paragraph a line, an automatically numbered
 * paragraph as `<label><TAB><text>`, a footnote reference as
 * `[footnoteRef:ID]` and the note itself, from the footnotes part, as
 * `[ID: text]` at the end of the paragraph's line. So one parser defines the
 * structure, whatever file the text came from.
 *
 * What Word shows is what is read: tracked insertions are in, deletions and
 * moved-away text out, hidden text out, field codes out (their results in).
 */
import { closingLine } from "../text-shape.ts";
import type { Numbering } from "./numbering.ts";
import { attr, child, childElements, type Element, isOn, path, textOf } from "./xml.ts";

/** Endnote ids are shifted past any footnote id, since the text layout has one kind of note. */
const ENDNOTE_OFFSET = 100_000;

/** Elements whose content Word does not show as the paragraph's text. */
const SKIPPED = new Set([
	"pPr",
	"rPr",
	"del",
	"moveFrom",
	"delText",
	"instrText",
	"delInstrText",
	"commentReference",
	"annotationRef",
	"footnoteRef",
	"endnoteRef",
	"separator",
	"continuationSeparator",
	// Drawings and text boxes hold their own paragraphs, not part of this one.
	"drawing",
	"pict",
	"object",
	// Markup compatibility: the Choice is read, its Fallback repeats it.
	"Fallback",
]);

export interface Notes {
	readonly footnotes: ReadonlyMap<string, string>;
	readonly endnotes: ReadonlyMap<string, string>;
}

interface Collect {
	text: string;
	refs: string[];
}

/** Appends the text an element shows, depth first. */
function collect(el: Element, into: Collect): void {
	for (const node of childElements(el)) {
		const name = node.localName;
		if (SKIPPED.has(name)) continue;
		switch (name) {
			case "r":
				if (isOn(path(node, "rPr", "vanish"))) continue;
				collect(node, into);
				break;
			case "t":
				into.text += textOf(node);
				break;
			case "tab":
			case "ptab":
				into.text += "\t";
				break;
			case "br":
			case "cr":
				into.text += lineBreak(into.text, attr(node, "type"));
				break;
			case "noBreakHyphen":
				into.text += "-";
				break;
			case "footnoteReference":
			case "endnoteReference": {
				const raw = attr(node, "id") ?? "";
				const id = name === "endnoteReference" ? String(ENDNOTE_OFFSET + Number(raw)) : raw;
				if (/^\d+$/.test(id)) {
					into.text += `[footnoteRef:${id}]`;
					into.refs.push(id);
				}
				break;
			}
			default:
				collect(node, into);
		}
	}
}

/**
 * What a manual line break inside a paragraph stands for: a new line where
 * the text before it closes a clause or a closing-block line ("Fifty-sixth
 * session"), a space where it falls mid-sentence.
 */
function lineBreak(before: string, type: string | null): string {
	if (type === "page" || type === "column") return " ";
	const line = before.slice(before.lastIndexOf("\n") + 1).trim();
	if (line === "" || /[.,;:\]]$/.test(line) || closingLine(line)) return "\n";
	return " ";
}

/** The text of a note: its paragraphs' text, the reference mark itself left out. */
function noteText(note: Element): string {
	const into: Collect = { text: "", refs: [] };
	for (const p of childElements(note, "p")) {
		collect(p, into);
		into.text += " ";
	}
	return into.text.replace(/\s+/g, " ").trim();
}

/** Reads the notes of a footnotes or endnotes part, leaving out Word's separators. */
export function readNotes(part: Element | null, kind: "footnote" | "endnote"): Map<string, string> {
	const notes = new Map<string, string>();
	if (!part) return notes;
	for (const note of childElements(part, kind)) {
		const type = attr(note, "type");
		if (type && type !== "normal") continue;
		notes.set(attr(note, "id") ?? "", noteText(note));
	}
	return notes;
}

/** Keeps a note's text from closing the `[ID: ...]` bracket early. */
function balanced(text: string): string {
	let depth = 0;
	let out = "";
	for (const ch of text) {
		if (ch === "[") depth++;
		if (ch === "]") {
			if (depth === 0) {
				out += ")";
				continue;
			}
			depth--;
		}
		out += ch;
	}
	return out + "]".repeat(depth);
}

function paragraphLine(p: Element, numbering: Numbering, notes: Notes): string {
	const label = numbering.next(child(p, "pPr"));
	const into: Collect = { text: "", refs: [] };
	collect(p, into);
	const text = into.text.replace(/^[ \t]+/, "");
	const noteTexts = into.refs.map((id) => {
		const n = Number(id);
		const note =
			n >= ENDNOTE_OFFSET
				? notes.endnotes.get(String(n - ENDNOTE_OFFSET))
				: notes.footnotes.get(id);
		return `[${id}: ${balanced(note ?? "")}]`;
	});
	const numbered = label ? `\t${label}\t${text}` : text === "" ? "" : `\t${text}`;
	return noteTexts.length > 0 ? `${numbered}  ${noteTexts.join(" ")}` : numbered;
}

/** The body's block-level content, paragraphs and table cells alike, as lines. */
function blockLines(el: Element, numbering: Numbering, notes: Notes, out: string[]): void {
	for (const node of childElements(el)) {
		switch (node.localName) {
			case "p":
				out.push(...paragraphLine(node, numbering, notes).split("\n"));
				break;
			case "tbl":
			case "tr":
			case "tc":
			case "sdt":
			case "sdtContent":
			case "customXml":
			case "ins":
			case "moveTo":
				blockLines(node, numbering, notes, out);
				break;
			default:
				// Section properties, bookmarks, deleted blocks: nothing to read.
				break;
		}
	}
}

/**
 * The document body in the Tika text layout.
 *
 * @example
 * documentText(parts.document, new Numbering(parts.numbering, parts.styles), notes)
 * // " \t37/39.\tTechnical assistance ...\n\tThe Human Rights Council,\n..."
 */
export function documentText(document: Element, numbering: Numbering, notes: Notes): string {
	const body = child(document, "body") ?? document;
	const lines: string[] = [];
	blockLines(body, numbering, notes, lines);
	return `${lines.join("\n")}\n`;
}
