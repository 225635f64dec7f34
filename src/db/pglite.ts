/** The embedded database: PostgreSQL in WebAssembly, kept in a data folder. Node only. */
import { drizzle } from "drizzle-orm/pglite";
import { type PgliteOptions, type StartedPglite, startPglite } from "./pglite-start.ts";
import * as schema from "./schema/index.ts";
import type { Db, DbHandle } from "./types.ts";

export type { PgliteOptions } from "./pglite-start.ts";

/**
 * Opens (creating if need be) the PGlite database in `dataDir`, holding the
 * folder's lock until closed; "memory://" keeps it in memory, unlocked.
 * Throws FolderBusyError when another live process holds the folder.
 * `started` is the same folder already being opened by startPglite.
 */
export async function openPglite(
	dataDir: string,
	options: PgliteOptions = {},
	started: Promise<StartedPglite> = startPglite(dataDir, options),
): Promise<DbHandle> {
	const { client, lock } = await started;
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
