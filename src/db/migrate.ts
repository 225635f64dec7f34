/**
 * Applies the committed migrations in drizzle/. Runs when the service or CLI
 * opens a database, and by `npm run db:migrate`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { rowsOf } from "./rows.ts";
import type { DbHandle, Schema } from "./types.ts";

/**
 * drizzle/ at the repository's root: the nearest one above this module, which
 * runs from src/db/ or, compiled, from dist/.
 */
function migrationsFolder(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = join(dir, "drizzle");
		if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
		const parent = dirname(dir);
		if (parent === dir) return join(dirname(fileURLToPath(import.meta.url)), "../../drizzle");
		dir = parent;
	}
}

export const MIGRATIONS_FOLDER = migrationsFolder();

/** A lock id all resdiff processes share, so two that start together migrate one after the other. */
const MIGRATION_LOCK = 0x7265_7364;

/** When the newest committed migration was made: drizzle records it as the applied one's created_at. */
function newestMigrationMillis(): number {
	const journal = JSON.parse(
		readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
	) as {
		entries: { when: number }[];
	};
	return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Whether every committed migration and pg_trgm are already in place: one
 * read instead of the migrator's DDL and transaction, so a restart of the
 * service does not pay for them. Any doubt (no migrations table yet) says no.
 */
async function upToDate(db: DbHandle["db"]): Promise<boolean> {
	try {
		const [row] = rowsOf<{ last: string | null; trgm: boolean }>(
			await db.execute(sql`
				select (select max(created_at) from drizzle.__drizzle_migrations)::text as last,
					exists (select 1 from pg_extension where extname = 'pg_trgm') as trgm`),
		);
		return !!row?.trgm && row.last !== null && Number(row.last) >= newestMigrationMillis();
	} catch {
		return false;
	}
}

export async function migrateDb(handle: DbHandle): Promise<void> {
	const { db } = handle;
	if (await upToDate(db)) return;
	// Trigram search needs pg_trgm before the index that uses it; drizzle-kit does not write extensions.
	if (handle.kind === "postgres") {
		await db.transaction(async (tx) => {
			await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
			await tx.execute(sql`create extension if not exists pg_trgm`);
		});
		await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
		try {
			await migratePostgres(db as unknown as PostgresJsDatabase<Schema>, {
				migrationsFolder: MIGRATIONS_FOLDER,
			});
		} finally {
			await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
		}
		return;
	}
	await db.execute(sql`create extension if not exists pg_trgm`);
	await migratePglite(db as unknown as PgliteDatabase<Schema>, {
		migrationsFolder: MIGRATIONS_FOLDER,
	});
}
