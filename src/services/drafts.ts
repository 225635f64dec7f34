/**
 * A draft sent for comparison (the /compare page, POST /api/compare), as a Resolution: an uploaded file
 * (DOCX, PDF, HTML or text, told apart by its bytes) or pasted text (as
 * copied from Word, a PDF or a web page). Both go through the ingest
 * readers' one entry, `readDocument`, loaded on first use: the readers are
 * large, and some reach files only Node has (the PDF worker, a word list),
 * so a runtime without them (Workers) falls back to the parser for pasted
 * text and text files, and refuses other files with advice.
 */
import { InvalidInputError, UnsupportedFormatError } from "../core/errors.ts";
import type { Resolution } from "../core/model.ts";
import { parseResolution } from "../core/parse/index.ts";
import { decodeText, sniffFormat } from "../ingest/detect.ts";

/** What the draft is called where its text prints no symbol. */
export const DRAFT_NAME = "draft";

type ReadDocument = typeof import("../ingest/read.ts")["readDocument"];

let reader: Promise<ReadDocument | null> | null = null;

function documentReader(): Promise<ReadDocument | null> {
	reader ??= import("../ingest/read.ts").then(
		(m) => m.readDocument,
		() => null,
	);
	return reader;
}

/**
 * Reads the form's draft: the file when one was chosen, else the text.
 *
 * @throws InvalidInputError when there is neither; ParseError (naming the file or "pasted text") when it cannot be read.
 */
export async function readDraft(file: File | null, text: string): Promise<Resolution> {
	const read = await documentReader();
	if (file && file.size > 0) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		if (!read) {
			if (sniffFormat(bytes) === "text")
				return parseResolution(decodeText(bytes), { symbol: DRAFT_NAME });
			throw new UnsupportedFormatError(
				"this server reads uploaded drafts as plain text only; open the file, copy its text and paste it",
			);
		}
		return (await read(bytes, { name: file.name || "uploaded file", symbol: DRAFT_NAME }))
			.resolution;
	}
	if (text.trim() === "") throw new InvalidInputError("paste a draft or choose a file to compare");
	if (!read) return parseResolution(text, { symbol: DRAFT_NAME });
	const bytes = new TextEncoder().encode(text);
	return (await read(bytes, { name: "pasted text", symbol: DRAFT_NAME })).resolution;
}
