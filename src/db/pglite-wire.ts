/**
 * The messages between PgliteRemote (pglite-remote.ts) and the thread that
 * owns PGlite (pglite-thread.ts). Only data crosses a thread: a query's
 * parsers go as the type oids they apply to (drizzle's are identities, which
 * the thread applies again), and errors as their name, message and fields.
 */
import type { QueryOptions } from "@electric-sql/pglite";

/** A query's options as they cross: PGlite's QueryOptions without functions. */
export interface WireOptions {
	readonly rowMode?: "array" | "object";
	/** Types whose values stay the text PostgreSQL sent (identity parsers). */
	readonly identity?: readonly number[];
	readonly paramTypes?: readonly number[];
}

/** `tx`, when given, is the id of the `begin` that opened the transaction the query runs in. */
export type Request =
	| {
			readonly op: "query";
			readonly id: number;
			readonly tx?: number;
			readonly sql: string;
			readonly params: readonly unknown[];
			readonly options: WireOptions;
	  }
	| {
			readonly op: "exec";
			readonly id: number;
			readonly tx?: number;
			readonly sql: string;
			readonly options: WireOptions;
	  }
	/** Answered once PGlite has begun the transaction; its id is this request's. */
	| { readonly op: "begin"; readonly id: number }
	/** Commits (or rolls back) the transaction `tx`; answered once PGlite has. */
	| { readonly op: "end"; readonly id: number; readonly tx: number; readonly commit: boolean }
	| { readonly op: "rollback"; readonly id: number; readonly tx: number }
	| { readonly op: "close"; readonly id: number };

export interface WireError {
	readonly name: string;
	readonly message: string;
	readonly stack?: string;
	/** The error's own fields that are plain values: PostgreSQL's code, detail, constraint... */
	readonly fields: Readonly<Record<string, string | number | boolean | null>>;
}

/** Request 0 is the opening: answered once PGlite is open, or with why it could not open. */
export const OPENING = 0;

export type Answer =
	| { readonly id: number; readonly ok: true; readonly value: unknown }
	| { readonly id: number; readonly ok: false; readonly error: WireError };

/** What the thread is started with. */
export interface ThreadData {
	readonly dataDir: string;
}

const KNOWN_OPTIONS = new Set(["rowMode", "parsers", "paramTypes"]);

/**
 * The options of a query as they can cross. Throws on anything that cannot:
 * a parser that is not the identity, a serializer, a blob, a notice callback,
 * as the thread would otherwise silently give other values than PGlite here.
 */
export function toWireOptions(options: QueryOptions | undefined): WireOptions {
	if (!options) return {};
	for (const [key, value] of Object.entries(options))
		if (value !== undefined && !KNOWN_OPTIONS.has(key))
			throw new Error(`the query option "${key}" cannot cross to PGlite's thread`);
	const identity: number[] = [];
	for (const [oid, parse] of Object.entries(options.parsers ?? {})) {
		if (parse("x", Number(oid)) !== "x")
			throw new Error(
				`the parser for type ${oid} is not the identity; only identity parsers cross to PGlite's thread`,
			);
		identity.push(Number(oid));
	}
	return {
		...(options.rowMode ? { rowMode: options.rowMode } : {}),
		...(identity.length ? { identity } : {}),
		...(options.paramTypes ? { paramTypes: options.paramTypes } : {}),
	};
}

const same = (value: string): string => value;

/** The options PGlite takes for `wire`, in the thread. */
export function fromWireOptions(wire: WireOptions): QueryOptions {
	return {
		...(wire.rowMode ? { rowMode: wire.rowMode } : {}),
		...(wire.identity
			? { parsers: Object.fromEntries(wire.identity.map((oid) => [oid, same])) }
			: {}),
		...(wire.paramTypes ? { paramTypes: [...wire.paramTypes] } : {}),
	};
}

/** An error as data: PGlite's DatabaseError keeps PostgreSQL's fields as its own properties. */
export function toWireError(error: unknown): WireError {
	if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
	const fields: Record<string, string | number | boolean | null> = {};
	for (const [key, value] of Object.entries(error)) {
		const kind = typeof value;
		if (value === null || kind === "string" || kind === "number" || kind === "boolean")
			fields[key] = value as string | number | boolean | null;
	}
	return {
		name: error.name,
		message: error.message,
		...(error.stack ? { stack: error.stack } : {}),
		fields,
	};
}

/** The error again, on the other side: same name, message and fields (code, detail, ...). */
export function fromWireError(wire: WireError): Error {
	const error = new Error(wire.message);
	Object.assign(error, wire.fields);
	// DatabaseError names itself "error" (PGlite's message name): keep whatever the thread had.
	Object.defineProperty(error, "name", {
		value: wire.name,
		enumerable: "name" in wire.fields,
		writable: true,
		configurable: true,
	});
	if (wire.stack) error.stack = `${wire.stack}\n    (in PGlite's thread)`;
	return error;
}
