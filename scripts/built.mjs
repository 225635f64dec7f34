// The service and the CLI as compiled JavaScript, so that `npm start` and
// `resdiff` run without transpiling every source at each run.
// `ensureBuilt()` rebuilds dist/ with esbuild when any source is newer than
// it (or it is missing), so an edited clone never runs stale code. Our
// sources are bundled with a few plain-JavaScript packages (BUNDLED); the
// others stay imports of node_modules, where PGlite, pdf.js and
// swagger-ui-dist find their own files. Modules that entries share,
// or that are imported lazily, become chunks of their own (dist/*-<hash>.mjs):
// src/node.ts starts the database before it loads the rest of the service.
// Builds write to temporary names and rename, so processes starting together
// never read half a file.
import { randomBytes } from "node:crypto";
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/** Entry points: dist/<name>.mjs from src/<file>. */
export const ENTRIES = {
	node: "src/node.ts",
	cli: "src/cli/main.ts",
	// The compute pool's worker thread, loaded by file name beside the bundle that starts the pool.
	"compute-worker": "src/pool/compute-worker.ts",
	// The thread that owns PGlite for `npm start` (src/db/pglite-remote.ts), loaded the same way.
	"pglite-thread": "src/db/pglite-thread.ts",
	// Run once after a build from this script: the empty database a first start copies.
	"make-template": "src/db/make-template.ts",
};

/**
 * Packages compiled into dist/ with our sources: plain JavaScript that reads
 * no files of its own, loaded by every start. One module in place of hundreds
 * (zod, hono and drizzle are each many small files) saves Node resolving,
 * reading and compiling them one by one. Every other package stays an import
 * of node_modules: PGlite, pdf.js, swagger-ui-dist and word-list find their own
 * files beside their code, piscina and esbuild start their own threads or processes.
 */
const BUNDLED = new Set(["zod", "hono", "@hono/node-server", "@hono/zod-openapi", "drizzle-orm"]);

/** The packages left to node_modules: every dependency but those above, with their subpaths. */
function externalPackages() {
	const { dependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
	return Object.keys(dependencies)
		.filter((name) => !BUNDLED.has(name))
		.flatMap((name) => [name, `${name}/*`]);
}

/** The newest modification time of the sources the build reads, in ms. */
function newestSource() {
	let newest = 0;
	const walk = (dir) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, e.name);
			if (e.isDirectory()) walk(path);
			else newest = Math.max(newest, statSync(path).mtimeMs);
		}
	};
	walk(join(root, "src"));
	for (const file of ["package.json", "tsconfig.json", "scripts/built.mjs"])
		newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
	return newest;
}

function isFresh(name) {
	const out = join(dist, `${name}.mjs`);
	return existsSync(out) && statSync(out).mtimeMs >= newestSource();
}

/** Compiles every entry into dist/. */
export async function build() {
	const esbuild = await import("esbuild");
	const result = await esbuild.build({
		absWorkingDir: root,
		entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([n, f]) => [n, join(root, f)])),
		bundle: true,
		platform: "node",
		format: "esm",
		// Modules shared by entries, and those src/node.ts imports dynamically, become chunks of their own.
		splitting: true,
		target: "node20",
		external: externalPackages(),
		outdir: dist,
		outExtension: { ".js": ".mjs" },
		sourcemap: "linked",
		write: false,
		logLevel: "error",
	});
	mkdirSync(dist, { recursive: true });
	const tag = randomBytes(4).toString("hex");
	for (const file of result.outputFiles) {
		const temporary = `${file.path}.${tag}.tmp`;
		writeFileSync(temporary, file.contents);
		renameSync(temporary, file.path);
	}
	removeOldChunks(new Set(result.outputFiles.map((f) => f.path)));
}

/** How long a chunk no build writes any more is kept: a service started before may still import it. */
const CHUNK_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Removes chunks of earlier builds (their names end in a content hash, so each build writes
 * new ones) once they are a day old. Not at once: a running service loads some lazily (the
 * document readers, on the first upload), from the build it started with.
 */
function removeOldChunks(written) {
	const now = Date.now();
	for (const name of readdirSync(dist)) {
		const path = join(dist, name);
		if (written.has(path) || !/-[A-Z0-9]{8}\.mjs(\.map)?$/.test(name)) continue;
		try {
			if (now - statSync(path).mtimeMs > CHUNK_KEPT_MS) rmSync(path, { force: true });
		} catch {
			// Removed meanwhile by another build.
		}
	}
}

/** The path of dist/<name>.mjs, built first if it is missing or older than a source. */
export async function ensureBuilt(name) {
	if (!isFresh(name)) await build();
	return join(dist, `${name}.mjs`);
}

// `node scripts/built.mjs` (npm run build, and npm's prepare after install): build now, and
// make the empty embedded database that saves a first `npm start` its initdb.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	await build();
	await import(pathToFileURL(join(dist, "make-template.mjs")).href);
}
