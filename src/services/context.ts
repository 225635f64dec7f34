/** What every service verb works with: the database, opened by whichever entry point runs. */
import type { Db } from "../db/types.ts";

export interface ServiceContext {
	readonly db: Db;
}
