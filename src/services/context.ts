/** What every service verb works with: the database, opened by whichever entry point runs. */
import type { Db } from "../db/types.ts";
import type { DiffCache } from "./cache.ts";

export interface ServiceContext {
	readonly db: Db;
	/** Recent comparisons held in memory; without one every request reads the database. */
	readonly diffCache?: DiffCache;
}
