/** `resdiff new-language <member>`: language a member uses for the first time in its series. */
import { parseArgs } from "node:util";
import { NotFoundError } from "../../core/errors.ts";
import { type NewLanguage, newLanguage } from "../../core/lineage/index.ts";
import { membersBefore } from "../../core/manifest.ts";
import { paragraphText } from "../../core/model.ts";
import { parseSymbol } from "../../core/symbol.ts";
import { loadManifest, loadSeries, seriesOf } from "../../ingest/corpus.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { databaseConfigured, withStore } from "../store.ts";
import { formatOption, wrapText } from "../text.ts";

export const usage = "resdiff new-language <member> [--series <id>] [--format json|text]";

export async function newLanguageCommand(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: { format: { type: "string", default: "text" }, series: { type: "string" } },
		allowPositionals: true,
	});
	const format = formatOption(values.format, ["json", "text"]);
	const [member, ...extra] = positionals;
	if (!member || extra.length > 0) throw new UsageError(`usage: ${usage}`);
	const parts = parseSymbol(member);
	if (!parts) throw new UsageError(`"${member}" is not a resolution symbol (such as 37/39)`);
	const manifest = await loadManifest(io.env.RESDIFF_CORPUS);
	const seriesId = values.series ?? seriesOf(manifest, parts.symbol)?.id;
	if (!seriesId) {
		const known = manifest.series.map((s) => s.id);
		throw new NotFoundError(
			"series",
			parts.symbol,
			`${parts.number} is in no series of the manifest; name one with --series (${known.join(", ")})`,
			known,
		);
	}
	if (databaseConfigured(io)) {
		const stored = await withStore(io, (store) => store.newLanguage(seriesId, parts.symbol));
		io.out(
			format === "json" ? `${JSON.stringify(stored, null, 2)}\n` : newLanguageText(stored, io),
		);
		return 0;
	}
	const { members, missing } = await loadSeries(io.env.RESDIFF_CORPUS, seriesId);
	const series = members.map((m) => m.resolution);
	// The manifest lists members in order of adoption, dated or not.
	const listed = manifest.series.find((s) => s.id === seriesId)?.members ?? [];
	const earlier = new Set(membersBefore(listed, parts.symbol).map((m) => m.symbol));
	const earlierMissing = missing.filter((m) => earlier.has(m.symbol));
	if (earlierMissing.length > 0) {
		io.err(
			`note: earlier members not in the corpus (${earlierMissing.map((m) => m.number).join(", ")}): language they used counts as new here; run resdiff fetch\n`,
		);
	}
	const result = newLanguage(series, parts.symbol);
	if (format === "json") {
		io.out(`${JSON.stringify(result, null, 2)}\n`);
		return 0;
	}
	io.out(newLanguageText(result, io));
	return 0;
}

function newLanguageText(result: NewLanguage, io: Pick<CommandIO, "style">): string {
	const lines = [io.style.bold(`New language in ${result.member.symbol}`)];
	for (const kind of ["operative", "preambular"] as const) {
		lines.push("", `${result[kind].length} ${kind} paragraph(s)`);
		for (const p of result[kind])
			lines.push(...wrapText(paragraphText(p), 96, `${p.ref.padEnd(6)} `, "       "));
	}
	return `${lines.join("\n")}\n`;
}
