/** Storage errors that a user can act on. */
import { ResdiffError } from "../core/errors.ts";

/**
 * Seconds to wait for a new PostgreSQL connection. Short, so that a request
 * meeting a server that refuses or does not answer gets its 503 well within
 * the request time limit (10 s) rather than hanging until it.
 */
export const CONNECT_TIMEOUT_SECONDS = 3;

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
	if (
		code === "CONNECTION_CLOSED" ||
		code === "CONNECTION_ENDED" ||
		code === "CONNECTION_DESTROYED"
	)
		return "the connection to the database was lost";
	if (code === "57P01") return "the server ended the connection (terminated by an administrator)";
	if (code === "57P03") return "the server is not accepting connections now";
	if (code === "28P01" || code === "28000") return "authentication failed";
	const lost = err.message ? lostConnectionMessage(err.message) : null;
	return lost ?? err.message ?? String(e);
}

/**
 * node-postgres says a connection was lost or never made in words, not codes:
 * the reason to give for such a message, or null for any other.
 */
function lostConnectionMessage(message: string): string | null {
	if (
		/^Connection terminated due to connection timeout|^timeout exceeded when trying to connect/.test(
			message,
		)
	)
		return "connection timed out";
	if (/^Connection terminated|not queryable|^Client was closed/.test(message))
		return "the connection to the database was lost";
	if (/^Cannot use a pool after calling end on the pool/.test(message))
		return "the database connection is closing";
	return null;
}

/** Socket errors: the server is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
	"ECONNREFUSED",
	"ECONNRESET",
	"EPIPE",
	"ETIMEDOUT",
	"ENOTFOUND",
	"EAI_AGAIN",
	"EHOSTUNREACH",
	"ENETUNREACH",
	"ENETDOWN",
]);
/** postgres.js's own codes for a connection that ended, was never made or timed out. */
const DRIVER_CODES = new Set([
	"CONNECTION_CLOSED",
	"CONNECTION_ENDED",
	"CONNECTION_DESTROYED",
	"CONNECT_TIMEOUT",
]);
/** SQLSTATEs that say the server will not serve now, not that the query is wrong. */
const UNAVAILABLE_STATES = new Set([
	"57P01", // admin_shutdown: pg_terminate_backend, a fast shutdown
	"57P02", // crash_shutdown
	"57P03", // cannot_connect_now: starting up or shutting down
	"3D000", // invalid_catalog_name: the database is gone (dropped, or renamed)
	"53300", // too_many_connections
	"53400", // configuration_limit_exceeded (connection limit of a role or database)
]);

interface DriverError {
	readonly code?: unknown;
	readonly message?: unknown;
	readonly cause?: unknown;
	readonly errors?: unknown;
}

function causes(error: unknown): DriverError[] {
	const chain: DriverError[] = [];
	let e = error as DriverError | null | undefined;
	// drizzle wraps the driver's error in "Failed query: ..." with the driver's as its cause.
	while (e && typeof e === "object" && chain.length < 10) {
		chain.push(e);
		if (Array.isArray(e.errors)) chain.push(...(e.errors as DriverError[]));
		e = e.cause as DriverError | null | undefined;
	}
	return chain;
}

/**
 * Why a query failed for want of a database, or null when the failure is
 * something else (a bug, a constraint). Such failures pass: the pool
 * reconnects, PostgreSQL comes back, so they answer 503 with Retry-After.
 */
export function unavailableReason(error: unknown): string | null {
	for (const e of causes(error)) {
		// Said by resdiff itself, such as PGlite's thread having died (pglite-remote.ts), under drizzle's wrapper.
		if (e instanceof DatabaseUnavailableError) return e.message;
		const code = typeof e.code === "string" ? e.code : "";
		const message = typeof e.message === "string" ? e.message : "";
		if (NETWORK_CODES.has(code) || DRIVER_CODES.has(code) || UNAVAILABLE_STATES.has(code))
			return connectionReason(e);
		// 55000 is object_not_in_prerequisite_state in general; only this message is a refused connection.
		if (code === "55000" && /not currently accepting connections/.test(message)) return message;
		if (code.startsWith("08")) return message || "the connection to the database failed";
		// node-postgres: a lost connection, a connect timeout, a pool being closed.
		if (!code && lostConnectionMessage(message)) return connectionReason(e);
		// PGlite closed under the service (it is shutting down).
		if (message === "PGlite is closed") return "the embedded database is closed";
	}
	return null;
}

/**
 * Whether the database refused a value it cannot store as text (a NUL,
 * bytes invalid in its encoding): the request's fault, answered 400.
 */
export function unstorableText(error: unknown): boolean {
	return causes(error).some((e) => e.code === "22021" || e.code === "22P05");
}
