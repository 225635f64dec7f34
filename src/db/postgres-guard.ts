/**
 * postgres.js 3.4.9 can throw from a timer after a connection is lost
 * ("Cannot read properties of null (reading 'write')" in nextWrite): the
 * query itself has already failed with CONNECTION_CLOSED, but the stray throw
 * escapes every try/catch and would end the process. Upstream tracks it
 * (porsager/postgres#1154, #1208; fixes in #1168, #1209). Until a release has
 * the guard, processes that use PostgreSQL recognise this one error and
 * carry on; anything else still ends them.
 */

/** Whether an uncaught error is postgres.js's write-after-close bug and nothing else. */
export function isLostConnectionWrite(error: unknown): boolean {
	// Test runners pass errors on as plain objects, so read the fields rather than the class.
	const e = error as { name?: unknown; message?: unknown; stack?: unknown } | null;
	if (e?.name !== "TypeError" || typeof e.message !== "string") return false;
	const stack = typeof e.stack === "string" ? e.stack : "";
	return (
		/reading 'write'|evaluating 'socket\.write'/.test(e.message) &&
		/postgres[/\\]src[/\\]connection\.js/.test(stack) &&
		/nextWrite/.test(stack)
	);
}

/**
 * Whether an unhandled rejection is postgres.js failing one of its own
 * promises when a connection is lost (terminated by the server, closed under
 * a transaction): seen while backends were terminated under load. The query a
 * request awaited fails on its own, and answers 503; this copy has no one to
 * tell, so it is logged and the process carries on.
 */
export function isLostConnectionRejection(reason: unknown): boolean {
	const e = reason as { code?: unknown; stack?: unknown } | null;
	const code = typeof e?.code === "string" ? e.code : "";
	const stack = typeof e?.stack === "string" ? e.stack : "";
	const lost =
		code === "CONNECTION_CLOSED" ||
		code === "CONNECTION_ENDED" ||
		code === "CONNECTION_DESTROYED" ||
		code === "57P01";
	return lost && /postgres[/\\]src[/\\]/.test(stack);
}

/** Installs the guard on this process once; returns whether it was installed now. */
export function guardLostConnectionWrites(warn: (message: string) => void): boolean {
	const marker = Symbol.for("resdiff.postgresGuard");
	const holder = globalThis as Record<symbol, unknown>;
	if (holder[marker]) return false;
	holder[marker] = true;
	process.on("unhandledRejection", (reason) => {
		if (isLostConnectionRejection(reason)) {
			warn(
				"a PostgreSQL connection was lost under a query nobody awaited; the pool will reconnect",
			);
			return;
		}
		// Anything else ends the process, as an unhandled rejection does by default.
		throw reason;
	});
	process.on("uncaughtException", (error) => {
		if (isLostConnectionWrite(error)) {
			warn("a PostgreSQL connection was lost; its query failed and the pool will reconnect");
			return;
		}
		console.error(error);
		process.exit(1);
	});
	return true;
}
