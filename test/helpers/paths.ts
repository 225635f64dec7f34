/** Where the tests find the repository's files and the third-party real series. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const corpusDir = join(repoRoot, "corpus");

/** The shipped official text of 37/39. */
export function shippedText(): string {
	return readFileSync(join(corpusDir, "A-HRC-RES-37-39.txt"), "utf8");
}

/**
 * The folder of the seven real members (../shared/real-series), named by
 * RESDIFF_REAL_SERIES; null, with a notice on the console, where it is absent.
 * Its texts are read at run time and never copied into the repository.
 */
export function realSeriesDir(suite: string): string | null {
	const dir = process.env.RESDIFF_REAL_SERIES;
	if (dir && existsSync(join(dir, "A-HRC-RES-37-39.json"))) return dir;
	console.warn(
		`\n[notice] ${suite}: skipped, the real series is not available (set RESDIFF_REAL_SERIES to ../shared/real-series)\n`,
	);
	return null;
}
