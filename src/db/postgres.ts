/**
 * PostgreSQL through postgres.js: the driver for DATABASE_URL on Node and for
 * Hyperdrive on Workers. Never imports PGlite.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { connectionReason, DatabaseUnavailableError, describeAddress } from "./errors.ts";
import * as schema from "./schema/index.ts";
import type { Db, DbHandle } from "./types.ts";

/**
 * Seconds to wait for a new connection. Short, so that a request meeting a
 * server that refuses or does not answer gets its 503 well within the
 * request time limit (10 s) rather than hanging until it.
 */
export const CONNECT_TIMEOUT_SECONDS = 3;

export interface PostgresOptions {
	/** Connections in the pool; a Worker wants few. */
	readonly max?: number;
	/** Seconds to wait for a connection before giving up. */
	readonly connectTimeout?: number;
	/** Ask the server for `select 1` before returning (default true); a Worker skips the extra round trip. */
	readonly check?: boolean;
}

/** Opens a pool and checks the server answers, so a server that is down fails here, by name. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DbHandle> {
	const address = describeAddress(url);
	const client = postgres(url, {
		max: options.max ?? 10,
		connect_timeout: options.connectTimeout ?? CONNECT_TIMEOUT_SECONDS,
		onnotice: () => {},
		// Workers reuse nothing between requests; prepared statements would leak per connection.
		prepare: false,
	});
	const db = drizzle(client, { schema }) as unknown as Db;
	try {
		if (options.check !== false) await db.execute(sql`select 1`);
	} catch (e) {
		await client.end({ timeout: 1 }).catch(() => {});
		throw new DatabaseUnavailableError(address, connectionReason(e));
	}
	return { db, kind: "postgres", address, close: () => client.end({ timeout: 5 }) };
}
