/**
 * The API reference's files on Node: read once from the installed
 * `swagger-ui-dist` package and kept in memory.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { DocsAsset } from "./docs.ts";

const require = createRequire(import.meta.url);
const cache = new Map<DocsAsset, Promise<string | null>>();

export function readDocsAsset(name: DocsAsset): Promise<string | null> {
	let text = cache.get(name);
	if (!text) {
		// A missing package (an install without it) leaves the page without its script: a 404, not a crash.
		text = readFile(require.resolve(`swagger-ui-dist/${name}`), "utf8").catch(() => null);
		cache.set(name, text);
	}
	return text;
}
