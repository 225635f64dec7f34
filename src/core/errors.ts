/**
 * Typed domain errors. Each transport (CLI, HTTP) maps them to its own way of
 * telling a user what went wrong; none of them carries a stack trace outward.
 */

export type ParseErrorCode =
	| "empty"
	| "binary"
	| "encoding"
	| "too-large"
	| "too-many-paragraphs"
	| "no-operative"
	| "no-paragraphs";

/** Base class: every error resdiff throws on purpose is one of these. */
export class ResdiffError extends Error {
	override name = "ResdiffError";
}

/** A text that cannot be read as a resolution. */
export class ParseError extends ResdiffError {
	override name = "ParseError";
	constructor(
		readonly code: ParseErrorCode,
		message: string,
		/** 1-based line of the source where the problem is, when there is one. */
		readonly line: number | null = null,
		/** File name or other label of the source, filled in by whoever read it. */
		readonly source: string | null = null,
	) {
		super(message);
	}

	/** The same error, naming the file it came from. */
	withSource(source: string): ParseError {
		return new ParseError(this.code, this.message, this.line, source);
	}

	/** "file:12: message", the way compilers say where. */
	describe(): string {
		const where = [this.source, this.line].filter((x) => x !== null).join(":");
		return where ? `${where}: ${this.message}` : this.message;
	}
}

/** Something asked for by name that does not exist: a symbol, a file, a series, a paragraph. */
export class NotFoundError extends ResdiffError {
	override name = "NotFoundError";
	constructor(
		readonly what: string,
		readonly key: string,
		message: string,
		/** What would have been found, to help the user correct the request. */
		readonly known: readonly string[] = [],
	) {
		super(message);
	}
}

/** An input beyond one of the stated limits (size, paragraph count, time). */
export class LimitError extends ResdiffError {
	override name = "LimitError";
	constructor(
		readonly limit: string,
		message: string,
	) {
		super(message);
	}
}

/** A setting that is missing or malformed: an environment variable, a manifest. */
export class ConfigError extends ResdiffError {
	override name = "ConfigError";
}

/** A request that cannot be carried out as asked: a text without a symbol, a phrase too long to search. */
export class InvalidInputError extends ResdiffError {
	override name = "InvalidInputError";
}

/** A file of a kind this runtime cannot read (a legacy .doc; a DOCX where the readers are not loaded). */
export class UnsupportedFormatError extends ResdiffError {
	override name = "UnsupportedFormatError";
}
