/** The embedded database: PostgreSQL in WebAssembly, kept in a data folder. Node only. */
import type { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { type PgliteOptions, type StartedPglite, startPglite } from "./pglite-start.ts";
import * as schema from "./schema/index.ts";
import type { Db, DbHandle } from "./types.ts";

export type { PgliteOptions } from "./pglite-start.ts";

/**
 * Opens (creating if need be) the PGlite database in `dataDir`, holding the
 * folder's lock until closed; "memory://" keeps it in memory, unlocked.
 * Throws FolderBusyError when another live process holds the folder.
 * `started` is the same folder already being opened: by startPglite, or by
 * startPgliteThread for PGlite in a thread of its own (`npm start`).
 */
export async function openPglite(
	dataDir: string,
	options: PgliteOptions = {},
	started: Promise<StartedPglite> = startPglite(dataDir, options),
): Promise<DbHandle> {
	const { client, lock } = await started;
	// drizzle's session uses only what PgliteClient has (query and transaction; see pglite-client.ts),
	// so PGlite in its own thread (PgliteRemote) serves it as PGlite here does.
	const db = drizzle(client as PGlite, { schema }) as unknown as Db;
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
