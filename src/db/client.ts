/**
 * createDb(env): the one way Node code opens storage. PGlite in a data folder
 * when DATABASE_URL is unset, PostgreSQL through node-postgres when it is set;
 * migrated either way.
 */
import type { Env } from "../env.ts";
import { migrateDb } from "./migrate.ts";
import { openPglite, type PgliteOptions } from "./pglite.ts";
import type { StartedPglite } from "./pglite-start.ts";
import { openPostgres } from "./postgres.ts";
import type { DbHandle } from "./types.ts";

export async function createDb(
	env: Pick<Env, "DATABASE_URL" | "RESDIFF_DATA_DIR">,
	/** Who holds a PGlite folder while it is open; where PostgreSQL's lost idle connections are told. */
	options: PgliteOptions & {
		readonly warn?: (message: string) => void;
		/** The PGlite folder already being opened (see src/node.ts); unused with DATABASE_URL. */
		readonly started?: Promise<StartedPglite>;
	} = {},
): Promise<DbHandle> {
	const { warn, started, ...who } = options;
	const handle = env.DATABASE_URL
		? await openPostgres(env.DATABASE_URL, warn ? { warn } : {})
		: await openPglite(env.RESDIFF_DATA_DIR, who, started);
	try {
		await migrateDb(handle);
	} catch (e) {
		await handle.close().catch(() => {});
		throw e;
	}
	return handle;
}
