/** Domain errors to problems: the one place that decides each error's status. */
import {
	InvalidInputError,
	LimitError,
	NotFoundError,
	ParseError,
	ResdiffError,
	UnsupportedFormatError,
} from "../core/errors.ts";
import {
	ConflictError,
	DatabaseUnavailableError,
	unavailableReason,
	unstorableText,
} from "../db/errors.ts";
import { BusyError, TimeLimitError } from "../services/compute.ts";
import { type Problem, problem } from "./problem.ts";

/** Seconds a client should wait before retrying a 503. */
export function retryAfter(error: unknown): number {
	return error instanceof BusyError || error instanceof TimeLimitError ? error.retryAfter : 5;
}

/** Thrown by handlers for HTTP-only failures (no token, wrong media type). */
export class HttpProblem extends ResdiffError {
	override name = "HttpProblem";
	constructor(readonly problem: Problem) {
		super(problem.detail);
	}
}

export function toProblem(error: unknown): Problem {
	if (error instanceof HttpProblem) return error.problem;
	// The existing time-limit answer, whether the limit's timer or the stopped comparison came first.
	if (error instanceof TimeLimitError) return problem(503, "timeout", error.message);
	if (error instanceof BusyError) return problem(503, "busy", error.message);
	if (error instanceof NotFoundError) {
		return problem(
			404,
			"not-found",
			error.message,
			error.known.length ? { known: [...error.known] } : {},
		);
	}
	if (error instanceof UnsupportedFormatError)
		return problem(415, "unsupported-format", error.message);
	// The document readers refuse some formats outright (a Word 97 .doc): that is the media type, not the text.
	if (error instanceof ParseError && "reason" in error && error.reason === "unsupported") {
		return problem(415, "unsupported-format", error.describe());
	}
	if (error instanceof ParseError) {
		const status = error.code === "too-large" || error.code === "too-many-paragraphs" ? 413 : 422;
		return problem(
			status,
			`text-${error.code}`,
			error.describe(),
			error.line !== null ? { line: error.line } : {},
		);
	}
	if (error instanceof LimitError) {
		return problem(error.limit === "phrase" ? 400 : 413, `limit-${error.limit}`, error.message);
	}
	if (error instanceof InvalidInputError) return problem(400, "invalid-input", error.message);
	if (error instanceof ConflictError) return problem(409, "conflict", error.message);
	if (error instanceof DatabaseUnavailableError)
		return problem(503, "database-unavailable", error.message);
	if (error instanceof ResdiffError) return problem(400, "invalid-input", error.message);
	// A query the database could not serve (connection lost, refused, server restarting): try again.
	const unavailable = unavailableReason(error);
	if (unavailable !== null)
		return problem(503, "database-unavailable", `the database is unavailable: ${unavailable}`);
	if (unstorableText(error))
		return problem(
			400,
			"invalid-input",
			"the request holds a character that cannot be stored (such as NUL); remove it and try again",
		);
	// Anything else is a bug: say so without its details, which may hold internals.
	return problem(500, "internal", "the server met an unexpected error; it has been logged");
}
