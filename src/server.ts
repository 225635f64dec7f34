/**
 * The service on Node: opens the database (PGlite by default, PostgreSQL with
 * DATABASE_URL), migrates it, imports the corpus folder, and serves the app.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { buildApp } from "./app.ts";
import { createDb } from "./db/client.ts";
import { guardLostConnectionWrites } from "./db/postgres-guard.ts";
import type { DbHandle } from "./db/types.ts";
import type { Env } from "./env.ts";
import { readDocsAsset } from "./http/docs-files-node.ts";
import { startComputePool } from "./pool/compute-pool.ts";
import { MemoryCache } from "./services/cache.ts";
import { importCorpus } from "./services/corpus.ts";

export interface RunningServer {
	/** "http://127.0.0.1:8787" */
	readonly url: string;
	readonly handle: DbHandle;
	/** Stops taking connections, lets requests in flight finish, then closes the database. */
	close(): Promise<void>;
}

export interface ServerOptions {
	readonly env: Env;
	readonly hostname?: string;
	readonly log?: (line: string) => void;
	/** Longest wait for requests in flight at shutdown. */
	readonly drainMs?: number;
}

export async function startServer({
	env,
	hostname = "0.0.0.0",
	log = console.log,
	drainMs = 10_000,
}: ServerOptions): Promise<RunningServer> {
	if (env.DATABASE_URL) guardLostConnectionWrites((m) => log(`warning: ${m}`));
	const handle = await createDb(env, { holder: "service", what: "npm start" });
	const compute = startComputePool({
		...(env.RESDIFF_WORKERS === undefined ? {} : { threads: env.RESDIFF_WORKERS }),
		...(env.RESDIFF_QUEUE === undefined ? {} : { queue: env.RESDIFF_QUEUE }),
	});
	const ctx = { db: handle.db, memory: new MemoryCache(), compute };
	const reports = await importCorpus(ctx, env.RESDIFF_CORPUS);
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
	const { port } = server.address() as AddressInfo;
	// Now CLI commands on this folder can find the service and write through it.
	handle.lock?.update({ port });
	const shown = hostname === "0.0.0.0" ? "localhost" : hostname;
	const url = `http://${shown}:${port}`;
	let closing: Promise<void> | null = null;
	return {
		url,
		handle,
		close() {
			closing ??= new Promise<void>((resolve) => {
				const force = setTimeout(() => {
					if ("closeAllConnections" in server) server.closeAllConnections();
				}, drainMs);
				server.close(() => {
					clearTimeout(force);
					resolve();
				});
				// Idle keep-alive connections would hold the close open; requests in flight finish first.
				if ("closeIdleConnections" in server) server.closeIdleConnections();
			})
				.then(() => compute.close())
				.then(() => handle.close());
			return closing;
		},
	};
}
