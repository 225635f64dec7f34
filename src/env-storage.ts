/**
 * Where the service keeps its data, read without zod: `npm start` starts
 * PGlite's thread from it before env.ts (and zod, about 100 ms of loading)
 * has loaded. parseEnv reads the same two settings the same way, empty
 * values as unset (test/env.test.ts holds the two to it).
 */

/** PGlite's folder when RESDIFF_DATA_DIR is unset. */
export const DEFAULT_DATA_DIR = ".resdiff-data";

/** PGlite's folder, or null when DATABASE_URL names a PostgreSQL server instead. */
export function pgliteFolder(record: Readonly<Record<string, string | undefined>>): string | null {
	if (record.DATABASE_URL) return null;
	return record.RESDIFF_DATA_DIR || DEFAULT_DATA_DIR;
}

/** The Node process's PGlite folder, or null with DATABASE_URL. */
export function nodePgliteFolder(): string | null {
	return pgliteFolder(process.env);
}
