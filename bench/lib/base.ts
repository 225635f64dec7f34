/** The text every benchmark starts from: the shipped official 37/39, read with the project's parser. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Resolution } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

export function baseText(): string {
	return readFileSync(join(repoRoot, "corpus", "A-HRC-RES-37-39.txt"), "utf8");
}

export function baseResolution(): Resolution {
	return parseResolution(baseText(), { symbol: "A/HRC/RES/37/39" });
}
