/**
 * `node dist/make-template.mjs`, run by install (scripts/built.mjs): makes the
 * empty database folder that a first `npm start` copies instead of running
 * initdb (see pglite-settings.ts). Failing here costs only that time later.
 */
import { ensureTemplate } from "./pglite-settings.ts";

try {
	await ensureTemplate();
} catch (e) {
	console.warn(
		`resdiff: could not prepare an empty embedded database (${(e as Error).message}); the first start will create one`,
	);
}
