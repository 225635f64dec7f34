/**
 * The API reference's files in the Worker: bundled as text by wrangler (the
 * `[[rules]]` of type Text in wrangler.toml), since a Worker has no files to read.
 */
import css from "swagger-ui-dist/swagger-ui.css";
import bundle from "swagger-ui-dist/swagger-ui-bundle.js";
import type { DocsAsset } from "./docs.ts";

const files: Record<DocsAsset, string> = {
	"swagger-ui.css": css,
	"swagger-ui-bundle.js": bundle,
};

export function bundledDocsAsset(name: DocsAsset): string | null {
	return files[name] ?? null;
}
