/**
 * The seven real members (../shared/real-series, read at run time) into a
 * test database as the "mali-hrc" series, whose manifest lists exactly
 * their symbols. The shipped official 37/39 stays as it is: the third
 * party's copy of it is left out rather than replacing it. Nothing read here
 * is written anywhere but the temporary database.
 */
import { createHash } from "node:crypto";
import { readPdfText } from "../../src/ingest/pdf-text.ts";
import type { ServiceContext } from "../../src/services/context.ts";
import { type ImportReport, importMany } from "../../src/services/import.ts";
import { loadRealMembers } from "../helpers/real-series.ts";

export async function importRealSeries(
	ctx: ServiceContext,
	dir: string,
	keep: readonly string[] = ["A/HRC/RES/37/39"],
): Promise<ImportReport[]> {
	const members = loadRealMembers(dir).filter((m) => !keep.includes(m.symbol));
	const bySymbol = new Map(members.map((m) => [m.symbol, m]));
	return importMany(
		ctx,
		members.map((m) => m.symbol),
		async (symbol) => {
			const m = bySymbol.get(symbol);
			if (!m) throw new Error(`no real member ${symbol}`);
			return {
				resolution: readPdfText(m.text, { symbol: m.symbol }),
				source: { name: m.file, sha256: createHash("sha256").update(m.text).digest("hex") },
			};
		},
		{ seriesId: "mali-hrc" },
	);
}
