/**
 * The app on Cloudflare Workers. PostgreSQL is reached through a Hyperdrive
 * binding, one small connection per request, closed once the response is
 * made. Never imports PGlite; the database is migrated and filled from Node
 * (`npm run db:migrate` and `resdiff import` with DATABASE_URL set).
 */
import type { ExecutionContext } from "hono";
import { buildApp } from "./app.ts";
import { openPostgresJs } from "./db/postgres-js.ts";
import { expectReady } from "./db/readiness.ts";
import type { DbHandle } from "./db/types.ts";
import { parseEnv } from "./env.ts";
import { bundledDocsAsset } from "./http/docs-files-worker.ts";
import { MemoryCache } from "./services/cache.ts";

export interface WorkerBindings {
	readonly HYPERDRIVE: { readonly connectionString: string };
	readonly RESDIFF_ADMIN_TOKEN?: string;
}

interface RequestEnv extends WorkerBindings {
	/** This request's database, opened on first use. */
	readonly database: { handle: Promise<DbHandle> | null; failed?: boolean };
}

let app: ReturnType<typeof buildApp> | null = null;
/** Whether this isolate has found the database migrated; asked again on each request until it has. */
let ready = false;
/** Comparisons and answers this isolate made recently; an isolate serves many requests. */
const memory = new MemoryCache();

function appFor(bindings: WorkerBindings) {
	const env = parseEnv({ RESDIFF_ADMIN_TOKEN: bindings.RESDIFF_ADMIN_TOKEN });
	app ??= buildApp({
		services: async (c) => {
			const state = (c.env as RequestEnv).database;
			state.handle ??= openPostgresJs((c.env as RequestEnv).HYPERDRIVE.connectionString, {
				max: 1,
				check: false,
			});
			const handle = await state.handle;
			if (!ready) {
				// A missing or unmigrated database is a 503 naming the fix, not a 500 on every query.
				try {
					await expectReady(handle);
				} catch (e) {
					state.failed = true;
					throw e;
				}
				ready = true;
			}
			return { db: handle.db, memory };
		},
		adminToken: env.RESDIFF_ADMIN_TOKEN,
		docsAsset: bundledDocsAsset,
		logError: (e) => console.error(e instanceof Error ? (e.stack ?? e.message) : String(e)),
	});
	return app;
}

export default {
	async fetch(
		request: Request,
		bindings: WorkerBindings,
		ctx: ExecutionContext,
	): Promise<Response> {
		const database: RequestEnv["database"] = { handle: null };
		try {
			return await appFor(bindings).fetch(request, { ...bindings, database }, ctx);
		} finally {
			const opened = database.handle;
			if (opened && !database.failed) ctx.waitUntil(opened.then((h) => h.close()).catch(() => {}));
		}
	},
};
