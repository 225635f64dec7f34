/**
 * The seven real members in ../shared/real-series, read at run time: each
 * JSON list of [label, text] pairs is joined into the plain text a PDF copy
 * gives (one paragraph a line) and read with the PDF-text reader. Nothing
 * read here may be written into the repository.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Resolution } from "../../src/core/model.ts";
import { parseSymbol } from "../../src/core/symbol.ts";
import { readPdfText } from "../../src/ingest/pdf-text.ts";

export interface RealMember {
	readonly file: string;
	readonly symbol: string;
	/** The third party's own segmentation: [label, text]. */
	readonly entries: readonly [string, string][];
	/** The entries joined as plain text. */
	readonly text: string;
}

/** The members, oldest first. */
export function loadRealMembers(dir: string): RealMember[] {
	// Called at collection time, a read of "" would fail the whole file rather than skip it.
	if (!dir) throw new Error("no real-series folder: check realSeriesDir() before reading");
	return readdirSync(dir)
		.filter((f) => f.endsWith(".json"))
		.map((file) => {
			const entries = JSON.parse(readFileSync(join(dir, file), "utf8")) as [string, string][];
			const symbol = parseSymbol(file.replace(/\.json$/, ""))?.symbol ?? file;
			return { file, symbol, entries, text: entries.map(([, t]) => t).join("\n") };
		})
		.sort((a, b) => (parseSymbol(a.symbol)?.session ?? 0) - (parseSymbol(b.symbol)?.session ?? 0));
}

/** The members read as resolutions, oldest first. */
export function loadRealSeries(dir: string): Resolution[] {
	return loadRealMembers(dir).map((m) => readPdfText(m.text, { symbol: m.symbol }));
}
