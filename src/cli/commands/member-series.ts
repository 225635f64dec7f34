/** What `new-language` and `sources` share: a member's symbol and series, and the series read from the corpus folder. */
import { NotFoundError } from "../../core/errors.ts";
import { membersBefore } from "../../core/manifest.ts";
import type { Resolution } from "../../core/model.ts";
import { parseSymbol } from "../../core/symbol.ts";
import { loadManifest, loadSeries, seriesOf } from "../../ingest/corpus.ts";
import { type CommandIO, UsageError } from "../io.ts";

/** The member's full symbol and the series it belongs to (from --series, else the manifest). */
export async function memberSeries(
	io: CommandIO,
	member: string,
	series: string | undefined,
): Promise<{ symbol: string; seriesId: string }> {
	const parts = parseSymbol(member);
	if (!parts) throw new UsageError(`"${member}" is not a resolution symbol (such as 37/39)`);
	const manifest = await loadManifest(io.env.RESDIFF_CORPUS);
	const seriesId = series ?? seriesOf(manifest, parts.symbol)?.id;
	if (!seriesId) {
		const known = manifest.series.map((s) => s.id);
		throw new NotFoundError(
			"series",
			parts.symbol,
			`${parts.number} is in no series of the manifest; name one with --series (${known.join(", ")})`,
			known,
		);
	}
	return { symbol: parts.symbol, seriesId };
}

/**
 * The series' members found in the corpus folder and the member's place among
 * them; warns when earlier members are missing, since their language then
 * counts as new.
 */
export async function corpusMember(
	io: CommandIO,
	seriesId: string,
	symbol: string,
): Promise<{ series: Resolution[]; k: number }> {
	const { series: listed, members, missing } = await loadSeries(io.env.RESDIFF_CORPUS, seriesId);
	// The manifest lists members in order of adoption, dated or not.
	const earlier = new Set(membersBefore(listed.members, symbol).map((m) => m.symbol));
	const earlierMissing = missing.filter((m) => earlier.has(m.symbol));
	if (earlierMissing.length > 0) {
		io.err(
			`note: earlier members not in the corpus (${earlierMissing.map((m) => m.number).join(", ")}): language they used counts as new here; run resdiff fetch\n`,
		);
	}
	const series = members.map((m) => m.resolution);
	const k = series.findIndex((r) => r.symbol === symbol);
	if (k < 0) {
		const known = series.map((r) => r.symbol ?? "?");
		throw new NotFoundError(
			"member",
			symbol,
			`${symbol} is not a member of this series in the corpus folder; members: ${known.join(", ")}`,
			known,
		);
	}
	return { series, k };
}
