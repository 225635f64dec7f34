/** Rows of a raw query (`db.execute`), whichever driver ran it: postgres.js gives an array, node-postgres and PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
