/**
 * Errors of the document readers. A file that is not a document resdiff can
 * read (a legacy Word file, a corrupt DOCX, a PDF that will not open) is a
 * ParseError, so every transport already treats it as bad input; the subclass
 * says which format it was and why it was refused.
 */
import { ParseError } from "../core/errors.ts";
import type { DocumentFormat } from "./detect.ts";

export type UnreadableReason = "unsupported" | "corrupt" | "encrypted" | "empty";

/** A document file that cannot be read: an unsupported format, or a damaged file. */
export class UnreadableDocumentError extends ParseError {
	override name = "UnreadableDocumentError";
	constructor(
		readonly format: DocumentFormat,
		readonly reason: UnreadableReason,
		message: string,
		source: string | null = null,
	) {
		// The parser's code for "not something that can be read as text".
		super("binary", message, null, source);
	}

	override withSource(source: string): UnreadableDocumentError {
		return new UnreadableDocumentError(this.format, this.reason, this.message, source);
	}
}
