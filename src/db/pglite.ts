/** The embedded database: PostgreSQL in WebAssembly, kept in a data folder. Node only. */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { DatabaseUnavailableError } from "./errors.ts";
import { acquireFolderLock, type FolderLock, type LockRecord } from "./folder-lock.ts";
import { createFolderApart, pgliteStartParams } from "./pglite-settings.ts";
import * as schema from "./schema/index.ts";
import type { Db, DbHandle } from "./types.ts";

export interface PgliteOptions {
	/** Who opens the folder, written into its lock (see folder-lock.ts). */
	readonly holder?: LockRecord["holder"];
	/** "npm start", "resdiff import": named to whoever finds the folder busy. */
	readonly what?: string;
}

/**
 * Opens (creating if need be) the PGlite database in `dataDir`, holding the
 * folder's lock until closed; "memory://" keeps it in memory, unlocked.
 * Throws FolderBusyError when another live process holds the folder.
 */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<DbHandle> {
	let lock: FolderLock | undefined;
	if (!dataDir.startsWith("memory://")) {
		await mkdir(dataDir, { recursive: true });
		lock = acquireFolderLock(dataDir, options.holder ?? "command", options.what ?? "resdiff");
	}
	let client: PGlite;
	try {
		await createFolderApart(dataDir);
		client = await PGlite.create(dataDir, {
			extensions: { pg_trgm },
			startParams: pgliteStartParams(),
		});
	} catch (e) {
		lock?.release();
		throw new DatabaseUnavailableError(
			dataDir,
			`PGlite could not open its data folder: ${(e as Error).message}`,
		);
	}
	const db = drizzle(client, { schema }) as unknown as Db;
	return {
		db,
		kind: "pglite",
		address: dataDir,
		...(lock ? { lock } : {}),
		close: async () => {
			try {
				await client.close();
			} finally {
				lock?.release();
			}
		},
	};
}
