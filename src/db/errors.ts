/** Storage errors that a user can act on. */
import { ResdiffError } from "../core/errors.ts";

/** The database cannot be reached or opened. */
export class DatabaseUnavailableError extends ResdiffError {
	override name = "DatabaseUnavailableError";
	constructor(
		readonly address: string,
		reason: string,
	) {
		super(`cannot reach the database at ${address}: ${reason}`);
	}
}

/** A write that contradicts what is stored, such as a changed text for an existing symbol. */
export class ConflictError extends ResdiffError {
	override name = "ConflictError";
}

/** Describes a connection string without its password. */
export function describeAddress(url: string): string {
	try {
		const u = new URL(url);
		return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
	} catch {
		return "(unreadable DATABASE_URL)";
	}
}

/** The most useful line of a driver's connection error. */
export function connectionReason(e: unknown): string {
	// drizzle wraps the driver's error; the driver's own is the useful one.
	let inner = e as { cause?: unknown };
	while (inner?.cause) inner = inner.cause as { cause?: unknown };
	const err = inner as { code?: string; message?: string; errors?: { code?: string }[] };
	const code = err.code ?? err.errors?.[0]?.code;
	if (code === "ECONNREFUSED") return "connection refused (is PostgreSQL running?)";
	if (code === "ENOTFOUND") return "host not found";
	if (code === "ETIMEDOUT" || code === "CONNECT_TIMEOUT") return "connection timed out";
	if (code === "3D000") return "the database does not exist";
	if (code === "28P01" || code === "28000") return "authentication failed";
	return err.message ?? String(e);
}
