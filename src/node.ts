/** `npm start`: the service on Node, until SIGTERM or SIGINT. */
import { setFlagsFromString } from "node:v8";
import { ResdiffError } from "./core/errors.ts";
import type { StartedPglite } from "./db/pglite-client.ts";
import { startPgliteThread } from "./db/pglite-remote.ts";
import { nodePgliteFolder } from "./env-storage.ts";

/**
 * How much each heap may grow past what its last full collection kept, in
 * percent, for the main thread and the compute threads alike. Left to itself
 * V8 lets a heap grow up to fourfold while allocation is fast, which under
 * compare load held the service near 490 MB; at 50 % it peaked near 345 MB
 * in the same harness, with no loss of throughput we could measure.
 */
const HEAP_GROWING_PERCENT = 50;
// Read by V8 at each full collection, so setting it now covers heaps made before and after.
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/**
 * How much of its code a WebAssembly function runs before V8 compiles it again
 * optimised: V8's default (1,800,000, Node 20 to 24) while the service runs,
 * far more while it starts. PostgreSQL's start-up inside PGlite runs enough of
 * its code to make hundreds of functions "hot" that never run again; their
 * optimising compiles took about a core-second on the other threads while the
 * start-up needed both cores (a warm start 1.15 s against 1.54 s in the same
 * run, node dist/node.mjs). Each function gets its budget when PGlite's module
 * is instantiated, and the default again after its first tier-up check, so
 * what is hot once the service runs is still optimised (the same CPU per query
 * after a few thousand queries).
 */
const WASM_TIERING_BUDGET = { starting: 500_000_000, running: 1_800_000 } as const;
setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET.starting}`);

// Only what starts PGlite's thread is imported up front: modules imported statically all load
// (zod, ~100 ms) before this module's first line runs, and the thread is the longest path.
let pglite: Promise<StartedPglite> | undefined;
try {
	const folder = nodePgliteFolder();
	// The embedded database starts opening (its lock taken first) before the rest of the service
	// is loaded, in a thread of its own: PGlite's start-up (half a second and more of CPU) runs on
	// another core while this thread loads the service's modules.
	pglite =
		folder === null
			? undefined
			: startPgliteThread(folder, { holder: "service", what: "npm start" });
	// Its failure (the folder busy) is reported where startServer awaits it, not as unhandled.
	pglite?.catch(() => {});
	const { nodeEnv } = await import("./env.ts");
	const env = nodeEnv();
	// @hono/zod-openapi adds .openapi() to zod schemas made after it loads; the server's own chunk
	// would evaluate the shared chunks that make the API's schemas before it (scripts/built.mjs).
	await import("@hono/zod-openapi");
	const { startServer } = await import("./server.ts");
	const running = await startServer({ env, ...(pglite ? { pglite } : {}) });
	setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET.running}`);
	console.log(`resdiff is listening on ${running.url}`);
	console.log(
		`API reference: ${running.url}/api/docs   database: ${running.handle.kind} at ${running.handle.address}`,
	);
	for (const signal of ["SIGTERM", "SIGINT"] as const) {
		process.once(signal, () => {
			console.log(
				`${signal}: finishing requests in flight (up to ${env.RESDIFF_SHUTDOWN_GRACE_SECONDS} s), then closing the database`,
			);
			running.close().then(
				() => process.exit(0),
				(e: unknown) => {
					console.error(`resdiff: shutdown failed: ${(e as Error).message}`);
					process.exit(1);
				},
			);
		});
	}
} catch (e) {
	// Not started after all (a bad setting, say): PGlite is closed cleanly before the process ends.
	await pglite
		?.then(({ client, lock }) => client.close().finally(() => lock?.release()))
		.catch(() => {});
	console.error(
		`resdiff: ${e instanceof ResdiffError ? e.message : `could not start: ${(e as Error).message}`}`,
	);
	process.exit(1);
}
