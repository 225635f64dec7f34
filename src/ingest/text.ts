/**
 * Plain text in the three shapes people have: the Tika layout of the official
 * DOCX (read by the parser as is), text copied from a PDF (hard-wrapped, with
 * page furniture and stuck footnote marks: repaired first), and text copied
 * from a web page, one paragraph a line (read as is, so that an error names
 * the line the user sees in the file).
 */
import type { Resolution } from "../core/model.ts";
import { type ParseOptions, parseResolution } from "../core/parse/index.ts";
import { hasJobNumber } from "./pdf-text/furniture.ts";
import { marksIn } from "./pdf-text/notes.ts";
import { isHardWrapped } from "./pdf-text/paragraphs.ts";
import { readPdfText } from "./pdf-text.ts";

export type TextShape = "tika" | "pdf-copy" | "plain";

/** Which of the three shapes a text is in. */
export function textShape(text: string): TextShape {
	if (/\[(?:footnoteRef|bookmark):/.test(text)) return "tika";
	const lines = text.split(/\r\n|\r|\n/);
	const tabbed = lines.filter((l) => /^\t/.test(l) || /^\s*\d{1,3}\.\t/.test(l)).length;
	if (tabbed >= 3) return "tika";
	if (text.includes("\f") || hasJobNumber(text)) return "pdf-copy";
	if (lines.some((l) => marksIn(l).length > 0)) return "pdf-copy";
	const nonEmpty = lines.map((l) => l.trim()).filter((l) => l !== "");
	if (isHardWrapped(nonEmpty.map((text) => ({ text, gapBefore: false })))) return "pdf-copy";
	return "plain";
}

/** Reads a plain text as a resolution, repairing it first when it was copied from a PDF. */
export function readText(text: string, options: ParseOptions = {}): Resolution {
	return textShape(text) === "pdf-copy"
		? readPdfText(text, options)
		: parseResolution(text, options);
}
