/**
 * PostgreSQL through postgres.js: the driver for Hyperdrive on Workers, where
 * each request opens its own small pool. Node uses node-postgres instead (see
 * postgres.ts): postgres.js 3.4.9 can hand one query another's rows after a
 * backend is terminated under a transaction. Never imports PGlite.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import {
	CONNECT_TIMEOUT_SECONDS,
	connectionReason,
	DatabaseUnavailableError,
	describeAddress,
} from "./errors.ts";
import * as schema from "./schema/index.ts";
import type { Db, DbHandle } from "./types.ts";

export interface PostgresJsOptions {
	/** Connections in the pool; a Worker wants few. */
	readonly max?: number;
	/** Seconds to wait for a connection before giving up. */
	readonly connectTimeout?: number;
	/** Ask the server for `select 1` before returning (default true); a Worker skips the extra round trip. */
	readonly check?: boolean;
}

/** Opens a pool and checks the server answers, so a server that is down fails here, by name. */
export async function openPostgresJs(
	url: string,
	options: PostgresJsOptions = {},
): Promise<DbHandle> {
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
