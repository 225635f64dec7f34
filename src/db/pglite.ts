/** The embedded database: PostgreSQL in WebAssembly, kept in a data folder. Node only. */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { DatabaseUnavailableError } from "./errors.ts";
import { createFolderApart, pgliteStartParams } from "./pglite-settings.ts";
import * as schema from "./schema/index.ts";
import type { Db, DbHandle } from "./types.ts";

/** Opens (creating if need be) the PGlite database in `dataDir`; "memory://" keeps it in memory. */
export async function openPglite(dataDir: string): Promise<DbHandle> {
	if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
	let client: PGlite;
	try {
		await createFolderApart(dataDir);
		client = await PGlite.create(dataDir, {
			extensions: { pg_trgm },
			startParams: pgliteStartParams(),
		});
	} catch (e) {
		throw new DatabaseUnavailableError(
			dataDir,
			`PGlite could not open its data folder: ${(e as Error).message}`,
		);
	}
	const db = drizzle(client, { schema }) as unknown as Db;
	return { db, kind: "pglite", address: dataDir, close: () => client.close() };
}
