/**
 * One entry for every document file: the bytes decide the reader (DOCX, PDF,
 * HTML, plain text), never the name. Whatever the file holds, the answer is
 * a Resolution or a ResdiffError that names the file: a library's own
 * exception on a damaged file is turned into an UnreadableDocumentError, so
 * callers (the CLI, the fetcher, an upload route) have one contract.
 */
import { LimitError, ParseError, ResdiffError } from "../core/errors.ts";
import type { Resolution } from "../core/model.ts";
import { MAX_TEXT_BYTES } from "../core/parse/index.ts";
import {
	conversionAdvice,
	type DocumentFormat,
	decodeText,
	formatFromContentType,
	sniffFormat,
} from "./detect.ts";
import { readDocx } from "./docx/index.ts";
import { UnreadableDocumentError } from "./errors.ts";
import { readHtml } from "./html.ts";
import { MAX_DOCUMENT_BYTES, megabytes } from "./limits.ts";
import { readPdf } from "./pdf/index.ts";
import { readText } from "./text.ts";

export interface ReadOptions {
	/** The file's name or path, for messages. */
	readonly name: string;
	/** The symbol to use when the text prints none. */
	readonly symbol?: string | undefined;
	/** A server's content type, used only where the bytes leave the format open (text or HTML). */
	readonly contentType?: string | null;
}

export interface ReadDocument {
	readonly resolution: Resolution;
	/** The format the bytes were read as. */
	readonly format: DocumentFormat;
}

/** The OLE stream name of a password-protected Office file, in UTF-16. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

function refuseFormat(format: DocumentFormat, bytes: Uint8Array): never {
	if (format === "doc" && Buffer.from(bytes).includes(ENCRYPTED_PACKAGE)) {
		throw new UnreadableDocumentError(
			"doc",
			"encrypted",
			"this Word document is password-protected: open it, remove the password, save it as DOCX, and try again",
		);
	}
	throw new UnreadableDocumentError(
		format,
		"unsupported",
		conversionAdvice(format) ?? `resdiff does not read ${format} files`,
	);
}

async function dispatch(
	bytes: Uint8Array,
	format: DocumentFormat,
	options: ReadOptions,
): Promise<Resolution> {
	const parse = { symbol: options.symbol };
	switch (format) {
		case "zip":
			return readDocx(bytes, options.name, parse);
		case "pdf":
			return readPdf(bytes, options.name, parse);
		case "html":
			return readHtml(decodeText(bytes), parse);
		case "text":
			return formatFromContentType(options.contentType ?? null) === "html"
				? readHtml(decodeText(bytes), parse)
				: readText(decodeText(bytes), parse);
		default:
			return refuseFormat(format, bytes);
	}
}

/**
 * Reads a document file as a resolution.
 *
 * @throws ParseError (or its UnreadableDocumentError) naming the file, LimitError past a limit.
 * @example
 * const { resolution, format } = await readDocument(readFileSync("draft.docx"), { name: "draft.docx" });
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions): Promise<ReadDocument> {
	const format = sniffFormat(bytes);
	const limit = format === "text" || format === "html" ? MAX_TEXT_BYTES : MAX_DOCUMENT_BYTES;
	if (bytes.length > limit) {
		throw new ParseError(
			"too-large",
			`file is ${bytes.length} bytes; the limit is ${limit} bytes (${megabytes(limit)})`,
			null,
			options.name,
		);
	}
	try {
		return { resolution: await dispatch(bytes, format, options), format };
	} catch (e) {
		if (e instanceof ParseError) throw e.withSource(options.name);
		if (e instanceof LimitError || e instanceof ResdiffError) throw e;
		// A library's own exception on a damaged file: still the user's file, not our bug.
		const message = e instanceof Error ? e.message : String(e);
		throw new UnreadableDocumentError(
			format,
			"corrupt",
			`this ${format === "zip" ? "DOCX" : format.toUpperCase()} file cannot be read (${message.replace(/\s+/g, " ").slice(0, 120)})`,
			options.name,
		);
	}
}
