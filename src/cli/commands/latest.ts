/**
 * `resdiff latest [--series <id>]`: this year against last year, the first
 * thing users ask. The latest stored member of the series against the
 * stored member before it, as a redline; with one member stored, what to
 * fetch for a pair. `resdiff diff` with no arguments does the same.
 */
import { parseArgs } from "node:util";
import { compare, type StructuredDiff } from "../../core/diff/index.ts";
import { memberYear } from "../../core/manifest.ts";
import { type LatestPair, latestPair } from "../../core/series/latest.ts";
import { findSeries, loadManifest, readSource } from "../../ingest/corpus.ts";
import { changeCount } from "../../services/latest.ts";
import type { CommandIO } from "../io.ts";
import { diffText } from "../redline-text.ts";
import { databaseConfigured, withStore } from "../store.ts";
import { formatOption } from "../text.ts";

export const usage = "resdiff latest [--series <id>] [--format json|text] [--all]";

/** The series users mean when they name none. */
const DEFAULT_SERIES = "mali-hrc";

interface Member {
	readonly symbol: string;
	readonly number: string;
	readonly adopted: string | null;
	readonly year?: number | undefined;
	readonly present: boolean;
}

type Latest = LatestPair<Member> & {
	readonly seriesId: string;
	readonly diff: StructuredDiff | null;
};

function named(m: Member): string {
	const year = memberYear(m);
	return year ? `${m.number} (${year})` : m.number;
}

/** From the corpus folder: the members whose files are there count as stored. */
async function fromFiles(io: CommandIO, seriesId: string): Promise<Latest> {
	const series = findSeries(await loadManifest(io.env.RESDIFF_CORPUS), seriesId);
	const pair = latestPair(series.members.map((m) => ({ ...m, present: m.file !== null })));
	const read = async (m: Member) => (await readSource(m.symbol, io.env.RESDIFF_CORPUS)).resolution;
	const diff =
		pair.latest && pair.previous
			? compare(await read(pair.previous), await read(pair.latest))
			: null;
	return { seriesId, ...pair, diff };
}

export function latestText(found: Latest, io: CommandIO, all: boolean): string {
	const { latest, previous, newer, skipped, toFetch, diff } = found;
	const later =
		newer.length > 0
			? `\nListed but not stored yet, and later: ${newer.map(named).join(", ")}; get them with resdiff fetch ${newer.map((m) => m.number).join(" ")}\n`
			: "";
	if (!latest) {
		return `No member of ${found.seriesId} is stored yet; get them with resdiff fetch --series ${found.seriesId}\n`;
	}
	if (!previous || !diff) {
		const how = toFetch
			? ` Get ${named(toFetch)} with resdiff fetch ${toFetch.number}, or import your copy with resdiff import <file> --symbol ${toFetch.number}.`
			: "";
		return `Only ${named(latest)} is stored, so there is nothing to compare it with yet.${how}\n${later}`;
	}
	const n = changeCount(diff.summary);
	const across =
		skipped.length > 0 ? ` (across ${skipped.map((m) => m.number).join(", ")}, not stored)` : "";
	const head = io.style.bold(
		`${named(latest)} against ${named(previous)}: ${n} change${n === 1 ? "" : "s"}${across}`,
	);
	return `${head}\n\n${diffText(diff, { style: io.style, plain: !io.colour, all })}${later}`;
}

export async function latestCommand(args: string[], io: CommandIO): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			series: { type: "string", default: DEFAULT_SERIES },
			format: { type: "string", default: "text" },
			all: { type: "boolean", default: false },
		},
	});
	const format = formatOption(values.format, ["json", "text"]);
	const seriesId = values.series;
	const found = databaseConfigured(io)
		? await withStore(io, (store) => store.latest(seriesId))
		: await fromFiles(io, seriesId);
	io.out(
		format === "json" ? `${JSON.stringify(found, null, 2)}\n` : latestText(found, io, values.all),
	);
	return 0;
}
