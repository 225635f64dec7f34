/** What the app needs from the runtime, and what each request carries. */
import type { Context } from "hono";
import type { ServiceContext } from "../services/context.ts";
import type { DocsAsset } from "./docs.ts";

export interface AppDeps {
	/** The services for a request: one shared database on Node, one per request on Workers. */
	services(c: Context): Promise<ServiceContext> | ServiceContext;
	/** Bearer token for write routes; without one they answer 403. */
	readonly adminToken?: string | undefined;
	/**
	 * The per-run token in a PGlite folder's lock file (readable by its owner
	 * only): it admits writes from the CLI on this machine, whatever adminToken is.
	 */
	readonly localToken?: string | undefined;
	/** Requests taking longer are cut off with 503. */
	readonly requestTimeoutMs?: number;
	/** Where errors that are bugs are written (never with request headers). */
	readonly logError?: (error: unknown) => void;
	/** The API reference's script and stylesheet (swagger-ui-dist); without them /api/docs/<file> is 404. */
	readonly docsAsset?: (name: DocsAsset) => Promise<string | null> | string | null;
}

export interface AppEnv {
	Variables: {
		services: ServiceContext;
		deps: AppDeps;
		/** Date.now() value by which the request must be answered. */
		deadline: number;
		/**
		 * The request's stop signal, made on the first call: it aborts when the time limit passes,
		 * when the client leaves, or once the request is answered, and work still running for it stops.
		 */
		stop: () => AbortSignal;
	};
}
