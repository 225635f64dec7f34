/**
 * How PGlite is started, for memory: PostgreSQL's default 128 MB of shared
 * buffers are reserved inside the WebAssembly memory and touched at start,
 * the bulk of an idle service's footprint; resdiff's data (a few series of
 * texts) fits a small fraction of 16 MB. A new data folder is created
 * (initdb, which peaks near 800 MB) in a child process, so that memory goes
 * back to the system when it exits instead of staying in the service.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
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
 * Where a freshly created, empty database folder is kept for copying:
 * node_modules/.cache/resdiff/, beside the PGlite it was made by (its version
 * in the name), so a new install or a new PGlite makes a new one.
 */
export function templateFolder(): string {
	const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
	const modules = entry.slice(0, entry.lastIndexOf(`${sep}node_modules${sep}`) + 13);
	const { version } = JSON.parse(
		readFileSync(join(modules, "@electric-sql", "pglite", "package.json"), "utf8"),
	) as { version: string };
	return join(modules, ".cache", "resdiff", `pglite-${version}-empty`);
}

/** Runs initdb for `dir` in a child process (see above). */
function initdbApart(dir: string): Promise<void> {
	const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
	return new Promise<void>((resolve, reject) => {
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

/**
 * Makes the empty database folder that new data folders are copied from,
 * unless it is there. initdb takes seconds, copying its result a few
 * milliseconds; install makes it (scripts/built.mjs), and the first new
 * folder makes it when install did not. Processes making it together each
 * write their own and keep the first that lands.
 */
export async function ensureTemplate(template = templateFolder()): Promise<string> {
	if (existsSync(join(template, "PG_VERSION"))) return template;
	const making = `${template}.${randomUUID()}.tmp`;
	await mkdir(dirname(making), { recursive: true });
	try {
		await initdbApart(making);
		await rename(making, template).catch((e: NodeJS.ErrnoException) => {
			// Another process landed one first: use that.
			if (!existsSync(join(template, "PG_VERSION"))) throw e;
		});
	} finally {
		await rm(making, { recursive: true, force: true });
	}
	return template;
}

/**
 * Creates the database in `dir` when the folder holds none yet, as a copy of
 * the empty template; initdb runs (in a child process) only when the
 * template cannot be made, such as in a read-only node_modules.
 */
export async function createFolderApart(dir: string): Promise<void> {
	if (dir.startsWith("memory://") || existsSync(join(dir, "PG_VERSION"))) return;
	const template = await ensureTemplate().catch(() => null);
	if (!template) return initdbApart(dir);
	await cp(template, dir, { recursive: true });
}
