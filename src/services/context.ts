/** What every service verb works with: the database, opened by whichever entry point runs. */
import type { Db } from "../db/types.ts";
import type { MemoryCache } from "./cache.ts";
import type { Compute } from "./compute.ts";

export interface ServiceContext {
	readonly db: Db;
	/** Recent comparisons and answers held in memory; without it every request reads the database. */
	readonly memory?: MemoryCache;
	/** Where comparisons run: a pool of worker threads on Node; without it, this thread. */
	readonly compute?: Compute;
}
