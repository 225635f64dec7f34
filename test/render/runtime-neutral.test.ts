/**
 * The renderers run on Node and on Cloudflare Workers, so they import no
 * Node built-in and use no Node global. (A Biome `noRestrictedImports` rule
 * on src/render would say the same at lint time.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

const dir = join(repoRoot, "src/render");
const sources = readdirSync(dir, { recursive: true, encoding: "utf8" })
	.filter((f) => f.endsWith(".ts"))
	.map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") }));

/** Packages the renderers may import; everything else is relative (the pure core, or each other). */
const ALLOWED_PACKAGES = new Set(["docx"]);

describe("renderers are runtime-neutral", () => {
	it("has sources to check", () => {
		expect(sources.map((s) => s.file)).toContain("docx.ts");
	});

	it.each(sources.map((s) => [s.file, s.text]))(
		"%s imports only docx, the core and its siblings",
		(_file, text) => {
			// import/export … from "x", import "x", and import("x").
			const clause = String.raw`(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+)(?:\s*,\s*\{[^}]*\})?`;
			const statements = text.matchAll(
				new RegExp(String.raw`^(?:import|export)\s+${clause}\s+from\s*["']([^"']+)["']`, "gm"),
			);
			const bare = text.matchAll(/^import\s*["']([^"']+)["']/gm);
			const dynamic = text.matchAll(/\bimport\(\s*["']([^"']+)["']/g);
			const specifiers = [...statements, ...bare, ...dynamic].map((m) => m[1] ?? "");
			for (const spec of specifiers) {
				if (spec.startsWith("./") || spec.startsWith("../core/")) continue;
				expect(ALLOWED_PACKAGES.has(spec), `import of ${spec}`).toBe(true);
			}
		},
	);

	it.each(sources.map((s) => [s.file, s.text]))("%s uses no Node global", (_file, text) => {
		const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
		expect(code).not.toMatch(/\b(Buffer|process|require|__dirname|global)\b/);
	});
});
