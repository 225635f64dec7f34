/**
 * What resdiff needs of a PGlite client, whether PGlite runs in this thread
 * (pglite-start.ts) or in a thread of its own (pglite-remote.ts), and the
 * folder's lock both take first. Loads no PGlite: `npm start` takes the lock
 * and starts PGlite's thread before this thread has loaded anything heavy.
 */
import { mkdir } from "node:fs/promises";
import type { QueryOptions, Results } from "@electric-sql/pglite";
import { acquireFolderLock, type FolderLock, type LockRecord } from "./folder-lock.ts";

/** The part of PGlite's Transaction that drizzle's pglite session uses. */
export interface PgliteTx {
	query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
	exec(query: string, options?: QueryOptions): Promise<Array<Results>>;
	rollback(): Promise<void>;
	readonly closed: boolean;
}

/** The part of PGlite that drizzle's pglite session and migrator, and openPglite, use. */
export interface PgliteClient {
	query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
	exec(query: string, options?: QueryOptions): Promise<Array<Results>>;
	transaction<T>(callback: (tx: PgliteTx) => Promise<T>): Promise<T>;
	close(): Promise<void>;
	readonly closed: boolean;
}

export interface PgliteOptions {
	/** Who opens the folder, written into its lock (see folder-lock.ts). */
	readonly holder?: LockRecord["holder"];
	/** "npm start", "resdiff import": named to whoever finds the folder busy. */
	readonly what?: string;
}

/** A PGlite database open on its folder, and the folder's lock (none in memory). */
export interface StartedPglite {
	readonly client: PgliteClient;
	readonly lock?: FolderLock;
}

/**
 * Creates `dataDir` if need be and takes its lock for this process; none for
 * "memory://". Throws FolderBusyError when another live process holds the
 * folder: PGlite must not touch a folder before this.
 */
export async function lockDataDir(
	dataDir: string,
	options: PgliteOptions,
): Promise<FolderLock | undefined> {
	if (dataDir.startsWith("memory://")) return undefined;
	await mkdir(dataDir, { recursive: true });
	return acquireFolderLock(dataDir, options.holder ?? "command", options.what ?? "resdiff");
}
