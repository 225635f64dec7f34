/**
 * The per-pair summary of compare() over the seven real members (read at run
 * time from RESDIFF_REAL_SERIES, never copied): how each year's text differs
 * from the year before, in counts only.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { StructuredDiff } from "../../src/core/diff/schema.ts";
import type { Resolution } from "../../src/core/model.ts";
import { loadRealSeries } from "../../test/helpers/real-series.ts";
import { formatTable, ms } from "./table.ts";

/** The folder of the real series, or null when it is not set or not there. */
export function realSeriesFolder(): string | null {
	const dir = process.env.RESDIFF_REAL_SERIES;
	return dir && existsSync(join(dir, "A-HRC-RES-37-39.json")) ? dir : null;
}

export function realSeriesTable(
	dir: string,
	compare: (a: Resolution, b: Resolution) => StructuredDiff,
): string {
	const series = loadRealSeries(dir);
	const rows = series.slice(1).map((next, i) => {
		const prev = series[i] as Resolution;
		const start = performance.now();
		const s = compare(prev, next).summary;
		const took = performance.now() - start;
		return [
			`${prev.number ?? prev.symbol} -> ${next.number ?? next.symbol}`,
			`${prev.paragraphs.length}->${next.paragraphs.length}`,
			s.unchanged,
			s.new,
			s.removed,
			s.reworded,
			s.routine,
			s.moved,
			s.merged,
			s.split,
			s.leadShifts.stronger,
			s.leadShifts.weaker,
			s.leadShifts.changed,
			ms(took),
		];
	});
	return formatTable(
		[
			"pair",
			"paras",
			"unchanged",
			"new",
			"removed",
			"reworded",
			"(routine)",
			"moved",
			"merged",
			"split",
			"stronger",
			"weaker",
			"changed",
			"time",
		],
		rows,
	);
}
