/** `npm run db:migrate`: applies drizzle/ to the configured database (PGlite folder or DATABASE_URL). */
import { ResdiffError } from "../src/core/errors.ts";
import { createDb } from "../src/db/client.ts";
import { nodeEnv } from "../src/env.ts";

try {
	const handle = await createDb(nodeEnv());
	console.log(`migrations applied to ${handle.kind} at ${handle.address}`);
	await handle.close();
} catch (e) {
	console.error(
		`resdiff: ${e instanceof ResdiffError ? e.message : `unexpected error: ${(e as Error).message}`}`,
	);
	process.exitCode = 1;
}
