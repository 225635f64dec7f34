/**
 * The DOCX reader: a Word file -> the Tika text layout -> the parser. The
 * numbering Word computes, the notes in the footnotes part and the
 * paragraphs of tables and content controls are all read from the package's
 * XML; nothing is taken from the text of marker characters.
 */
import type { Resolution } from "../../core/model.ts";
import { type ParseOptions, parseResolution } from "../../core/parse/index.ts";
import { Numbering } from "./numbering.ts";
import { openDocx } from "./package.ts";
import { documentText, readNotes } from "./text.ts";
import { loadXml } from "./xml.ts";

/**
 * A DOCX's text in the layout the parser reads.
 *
 * @param name the file's name, for messages.
 * @example
 * await docxToText(readFileSync("draft.docx"), "draft.docx") // "\t1.\tStrongly condemns ..."
 */
export async function docxToText(bytes: Uint8Array, name: string): Promise<string> {
	await loadXml();
	const parts = await openDocx(bytes, name);
	const numbering = new Numbering(parts.numbering, parts.styles);
	const notes = {
		footnotes: readNotes(parts.footnotes, "footnote"),
		endnotes: readNotes(parts.endnotes, "endnote"),
	};
	return documentText(parts.document, numbering, notes);
}

/** Reads a DOCX as a resolution. */
export async function readDocx(
	bytes: Uint8Array,
	name: string,
	options: ParseOptions = {},
): Promise<Resolution> {
	return parseResolution(await docxToText(bytes, name), options);
}
