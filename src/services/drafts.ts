/**
 * A draft sent for comparison (the /compare page, POST /api/compare), as a Resolution: an uploaded file
 * (DOCX, PDF, HTML or text, told apart by its bytes) or pasted text (as
 * copied from Word, a PDF or a web page). Both go through the ingest
 * readers' one entry, `readDocument`, loaded on first use: the readers are
 * large, and some reach files only Node has (the PDF worker, a word list),
 * so a runtime without them (Workers) falls back to the parser for pasted
 * text and text files, and refuses other files with advice.
 */
import type { DiffSide, StructuredDiff } from "../core/diff/index.ts";
import { InvalidInputError, UnsupportedFormatError } from "../core/errors.ts";
import type { Resolution } from "../core/model.ts";
import { MAX_TEXT_BYTES, parseResolution } from "../core/parse/index.ts";
import { isDraftSymbol } from "../core/symbol.ts";
import { decodeText, sniffFormat } from "../ingest/detect.ts";
import { MAX_DOCUMENT_BYTES, megabytes } from "../ingest/limits.ts";
import type { DraftInput } from "./jobs.ts";

/** What a draft is called when its sender gives it no name. */
export const DRAFT_NAME = "draft";

/** Longest name a draft may be given. */
export const MAX_DRAFT_NAME = 120;

/**
 * Whether `side` reads as a draft of `base`: it prints no symbol, or the
 * base's own (a copy of 37/39 keeps its title line "37/39."), or a draft symbol.
 */
export function looksLikeDraftOf(side: DiffSide, base: DiffSide): boolean {
	return side.symbol === null || side.symbol === base.symbol || isDraftSymbol(side.symbol);
}

/**
 * The comparison with its newer side named as a draft: `name` (trimmed), else
 * "draft". Its symbol stays only where it is a draft symbol or differs from
 * the base's; a copy of the base also loses the base's adoption date.
 *
 * @example
 * asDraft(compare(stored3739, copyOf3739)).to // { name: "draft", symbol: null, date: null, title: "…" }
 */
export function asDraft(diff: StructuredDiff, name?: string): StructuredDiff {
	const own = diff.to.symbol;
	const keep = own !== null && (isDraftSymbol(own) || own !== diff.from.symbol);
	const copiedDate = diff.to.date !== null && diff.to.date === diff.from.date;
	const given = name?.trim().slice(0, MAX_DRAFT_NAME);
	return {
		...diff,
		to: {
			...diff.to,
			name: given || DRAFT_NAME,
			symbol: keep ? own : null,
			date: keep && !copiedDate ? diff.to.date : null,
		},
	};
}

/** What a runtime's draft form can take: files of every kind (Node), or text only (Workers). */
export interface DraftLimits {
	/** Whether DOCX, PDF and HTML files are read; without, only text files and pasted text. */
	readonly readsDocuments: boolean;
	/** Largest DOCX or PDF, in bytes (where they are read). */
	readonly documentBytes: number;
	/** Largest text, pasted or in a file, in bytes. */
	readonly textBytes: number;
}

/** The limits of this runtime, from the same constants the readers enforce. */
export async function draftLimits(): Promise<DraftLimits> {
	return {
		readsDocuments: (await documentReader()) !== null,
		documentBytes: MAX_DOCUMENT_BYTES,
		textBytes: MAX_TEXT_BYTES,
	};
}

/** "DOCX or PDF up to 20 MB, HTML or plain text up to 2 MB", or "plain text up to 2 MB". */
export function fileHint(limits: DraftLimits): string {
	return limits.readsDocuments
		? `DOCX or PDF up to ${megabytes(limits.documentBytes)}, HTML or plain text up to ${megabytes(limits.textBytes)}`
		: `plain text up to ${megabytes(limits.textBytes)} (this server does not read DOCX or PDF: copy the text and paste it)`;
}

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
 * The form's draft as a job's input: the file when one was chosen, else the
 * text. Its bytes are read here, so the job can go to another thread.
 *
 * @throws InvalidInputError when there is neither.
 */
export async function draftInput(file: File | null, text: string): Promise<DraftInput> {
	if (file && file.size > 0)
		return {
			file: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || "uploaded file" },
		};
	if (text.trim() === "") throw new InvalidInputError("paste a draft or choose a file to compare");
	return { text };
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
			if (sniffFormat(bytes) === "text") return parseResolution(decodeText(bytes));
			throw new UnsupportedFormatError(
				"this server reads uploaded drafts as plain text only; open the file, copy its text and paste it",
			);
		}
		return (await read(bytes, { name: file.name || "uploaded file" })).resolution;
	}
	if (text.trim() === "") throw new InvalidInputError("paste a draft or choose a file to compare");
	if (!read) return parseResolution(text);
	const bytes = new TextEncoder().encode(text);
	return (await read(bytes, { name: "pasted text" })).resolution;
}
