/**
 * Fresh databases for tests: PGlite in memory or in a temporary folder, and a
 * new database on the PostgreSQL server named by DATABASE_URL, dropped after.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { migrateDb } from "../../src/db/migrate.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { startPgliteThread } from "../../src/db/pglite-remote.ts";
import { openPostgres } from "../../src/db/postgres.ts";
import type { DbHandle } from "../../src/db/types.ts";

export interface TestDatabase {
	readonly handle: DbHandle;
	/** Opens another handle on the same data (PostgreSQL only; PGlite allows one). */
	readonly url: string | null;
	dispose(): Promise<void>;
}

export async function freshPglite(dataDir = "memory://"): Promise<TestDatabase> {
	const handle = await openPglite(dataDir);
	await migrateDb(handle);
	return { handle, url: null, dispose: () => handle.close() };
}

/** PGlite in a thread of its own, as `npm start` opens it (src/db/pglite-remote.ts). */
export async function freshPgliteThread(dataDir = "memory://"): Promise<TestDatabase> {
	const handle = await openPglite(dataDir, {}, startPgliteThread(dataDir));
	await migrateDb(handle);
	return { handle, url: null, dispose: () => handle.close() };
}

export function tempDataDir(): string {
	return join(mkdtempSync(join(tmpdir(), "resdiff-pglite-")), "data");
}

/** A new database on the server of DATABASE_URL, so that test files never see each other's data. */
export async function freshPostgres(serverUrl: string): Promise<TestDatabase> {
	const name = `resdiff_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openPostgres(url.toString());
	await migrateDb(handle);
	return {
		handle,
		url: url.toString(),
		async dispose() {
			await handle.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		},
	};
}
