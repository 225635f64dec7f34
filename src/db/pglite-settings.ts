/**
 * How PGlite is started, for memory: PostgreSQL's default 128 MB of shared
 * buffers are reserved inside the WebAssembly memory and touched at start,
 * the bulk of an idle service's footprint; resdiff's data (a few series of
 * texts) fits a small fraction of 16 MB. A new data folder is created
 * (initdb, which peaks near 800 MB) in a child process, so that memory goes
 * back to the system when it exits instead of staying in the service.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

/** Shared buffers of the embedded database. */
export const PGLITE_SHARED_BUFFERS = "16MB";

/** PGlite's own start parameters, with the settings above. */
export function pgliteStartParams(): string[] {
	return [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
}

// CommonJS, so that the process needs no loader whether the service runs from sources or a bundle.
const CREATE_FOLDER = `
const [pglite, dir, params] = process.argv.slice(1);
require(pglite).PGlite.create(dir, { startParams: JSON.parse(params) })
	.then((db) => db.close())
	.catch((e) => { process.stderr.write(String((e && e.message) || e)); process.exit(1); });
`;

/**
 * Creates the database in `dir` in a child process when the folder holds
 * none yet. A process, not a thread: memory a thread used stays with the
 * service's allocator after the thread ends.
 */
export async function createFolderApart(dir: string): Promise<void> {
	if (dir.startsWith("memory://") || existsSync(join(dir, "PG_VERSION"))) return;
	const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
	await new Promise<void>((resolve, reject) => {
		execFile(
			process.execPath,
			["-e", CREATE_FOLDER, pglite, dir, JSON.stringify(pgliteStartParams())],
			(error, _stdout, stderr) => {
				if (error) reject(new Error(stderr.trim() || error.message));
				else resolve();
			},
		);
	});
}
