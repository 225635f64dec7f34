/** `npm start`: the service on Node, until SIGTERM or SIGINT. */
import { ResdiffError } from "./core/errors.ts";
import { nodeEnv } from "./env.ts";
import { startServer } from "./server.ts";

try {
	const env = nodeEnv();
	const running = await startServer({ env });
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
	console.error(
		`resdiff: ${e instanceof ResdiffError ? e.message : `could not start: ${(e as Error).message}`}`,
	);
	process.exit(1);
}
