/**
 * PostgreSQL on Node through node-postgres: the driver for DATABASE_URL. A
 * pool of clients, one query at a time on each, so an answer always belongs
 * to the query that asked; a client whose connection was lost (a terminated
 * backend, a server restart) leaves the pool and a new one takes its place.
 * Never imports PGlite.
 */
import { sql } from "drizzle-orm";
import {
	CONNECT_TIMEOUT_SECONDS,
	connectionReason,
	DatabaseUnavailableError,
	describeAddress,
} from "./errors.ts";
import * as schema from "./schema/index.ts";
import type { Db, DbHandle } from "./types.ts";

export interface PostgresOptions {
	/** Clients in the pool. */
	readonly max?: number;
	/** Seconds to wait for a connection before giving up. */
	readonly connectTimeout?: number;
	/** Told when an idle client's connection is lost; the pool drops it and connects anew when asked. */
	readonly warn?: (message: string) => void;
}

/** Opens a pool and checks the server answers, so a server that is down fails here, by name. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DbHandle> {
	const address = describeAddress(url);
	// Loaded only when DATABASE_URL is set: the embedded database starts without them.
	const [{ default: pg }, { drizzle }] = await Promise.all([
		import("pg"),
		import("drizzle-orm/node-postgres"),
	]);
	const pool = new pg.Pool({
		connectionString: url,
		max: options.max ?? 10,
		connectionTimeoutMillis: (options.connectTimeout ?? CONNECT_TIMEOUT_SECONDS) * 1000,
	});
	// An idle client whose backend goes away emits "error" on the pool; unheard, it would end the process.
	pool.on("error", (e) =>
		options.warn?.(`an idle database connection was lost (${connectionReason(e)})`),
	);
	// A client taken out for a transaction has no listener of the pool's; its lost connection already
	// fails the query that awaits it, and the pool drops the client when it comes back unqueryable.
	pool.on("connect", (client) => client.on("error", () => {}));
	const db = drizzle(pool, { schema }) as unknown as Db;
	try {
		await db.execute(sql`select 1`);
	} catch (e) {
		await pool.end().catch(() => {});
		throw new DatabaseUnavailableError(address, connectionReason(e));
	}
	return { db, kind: "postgres", address, close: () => pool.end() };
}
