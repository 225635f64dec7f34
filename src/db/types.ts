/** The database handle every query takes, whichever driver is underneath. */

import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { FolderLock } from "./folder-lock.ts";
import type * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or a transaction on it: queries run on either. */
export type Queryable = Db | Tx;

export interface DbHandle {
	readonly db: Db;
	readonly kind: "pglite" | "postgres";
	/** Where the data lives, for messages: a folder, or host:port/database without the password. */
	readonly address: string;
	/** A PGlite folder's lock, held until close (Node only). */
	readonly lock?: FolderLock;
	close(): Promise<void>;
}
