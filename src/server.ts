/**
 * The service on Node: opens the database (PGlite by default, PostgreSQL with
 * DATABASE_URL), migrates it, imports the corpus folder, and serves the app.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { buildApp } from "./app.ts";
import { createDb } from "./db/client.ts";
import type { StartedPglite } from "./db/pglite-start.ts";
import type { Db, DbHandle } from "./db/types.ts";
import type { Env } from "./env.ts";
import { readDocsAsset } from "./http/docs-files-node.ts";
import { drainable } from "./http-drain.ts";
import { type ComputePool, startComputePool } from "./pool/compute-pool.ts";
import { MemoryCache } from "./services/cache.ts";
import { importCorpus, readCorpusFolder } from "./services/corpus.ts";

export interface RunningServer {
	/** "http://127.0.0.1:8787" */
	readonly url: string;
	readonly handle: DbHandle;
	/** Stops taking connections, lets accepted requests finish within the grace period, then closes the database. */
	close(): Promise<void>;
}

export interface ServerOptions {
	readonly env: Env;
	readonly hostname?: string;
	readonly log?: (line: string) => void;
	/** Longest wait for requests accepted before shutdown (default RESDIFF_SHUTDOWN_GRACE_SECONDS). */
	readonly graceMs?: number;
	/** The PGlite folder already being opened, by src/node.ts before it loaded this module. */
	readonly pglite?: Promise<StartedPglite>;
}

export async function startServer({
	env,
	hostname = "0.0.0.0",
	log = console.log,
	graceMs = env.RESDIFF_SHUTDOWN_GRACE_SECONDS * 1000,
	pglite,
}: ServerOptions): Promise<RunningServer> {
	// The corpus folder is read and hashed while the database opens; neither waits for the other.
	const corpus = readCorpusFolder(env.RESDIFF_CORPUS);
	corpus.catch(() => {});
	const handle = await createDb(env, {
		holder: "service",
		what: "npm start",
		warn: (m) => log(`warning: ${m}`),
		...(pglite ? { started: pglite } : {}),
	});
	// The pool starts once the service listens (below): its first thread loading its code would
	// otherwise compete with the start-up for the cores. A comparison asked before then runs here.
	const ctx: { db: Db; memory: MemoryCache; compute?: ComputePool } = {
		db: handle.db,
		memory: new MemoryCache(),
	};
	const reports = await importCorpus(ctx, await corpus);
	for (const r of reports)
		log(
			r.ok
				? `imported ${r.outcome.symbol} from ${r.name}`
				: `could not import ${r.name}: ${r.error}`,
		);

	const app = buildApp({
		services: () => ctx,
		requestTimeoutMs: env.RESDIFF_TIME_LIMIT_MS,
		adminToken: env.RESDIFF_ADMIN_TOKEN,
		localToken: handle.lock?.record.token ?? undefined,
		docsAsset: readDocsAsset,
		// Only the error itself: request headers (and the admin token in them) are never logged.
		logError: (e) => log(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
	});
	const server = serve({ fetch: app.fetch, port: env.PORT, hostname });
	await new Promise<void>((resolve, reject) => {
		server.once("listening", resolve);
		server.once("error", reject);
	});
	const compute = startComputePool({
		...(env.RESDIFF_WORKERS === undefined ? {} : { threads: env.RESDIFF_WORKERS }),
		...(env.RESDIFF_QUEUE === undefined ? {} : { queue: env.RESDIFF_QUEUE }),
	});
	ctx.compute = compute;
	const { port } = server.address() as AddressInfo;
	// Now CLI commands on this folder can find the service and write through it.
	handle.lock?.update({ port });
	const shown = hostname === "0.0.0.0" ? "localhost" : hostname;
	const url = `http://${shown}:${port}`;
	const drainer = drainable(server as Server);
	let closing: Promise<void> | null = null;
	return {
		url,
		handle,
		close() {
			closing ??= drainer.drain(graceMs).then(async ({ cut }) => {
				if (cut > 0)
					log(`warning: ${cut} request(s) still running after ${graceMs / 1000} s were cut off`);
				// The database first: stopping a compute thread that is still loading its modules can
				// abort the process (a V8 fatal error in Node 20), and by then what is stored must be
				// closed cleanly. No request is left to use the database once the drain is over.
				await handle.close();
				await compute.close();
			});
			return closing;
		},
	};
}
