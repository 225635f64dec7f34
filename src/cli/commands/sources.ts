/**
 * `resdiff sources <member>`: every paragraph of a member with where its
 * language came from, as delegates annotate a draft:
 * "OP3 — from 34/39 OP6, amended; new: “…”", "PP2 — from 34/39 PP2", "OP9 — new".
 */
import { parseArgs } from "node:util";
import { annotateMember } from "../../core/novelty/index.ts";
import type { MemberSources } from "../../services/provenance.ts";
import type { CommandIO } from "../io.ts";
import { UsageError } from "../io.ts";
import { databaseConfigured, withStore } from "../store.ts";
import { formatOption, wrapText } from "../text.ts";
import { corpusMember, memberSeries } from "./member-series.ts";

export const usage = "resdiff sources <member> [--series <id>] [--format text|json]";

export async function sourcesCommand(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: { format: { type: "string", default: "text" }, series: { type: "string" } },
		allowPositionals: true,
	});
	const format = formatOption(values.format, ["text", "json"]);
	const [member, ...extra] = positionals;
	if (!member || extra.length > 0) throw new UsageError(`usage: ${usage}`);
	let result: MemberSources;
	if (databaseConfigured(io)) {
		result = await withStore(io, (store) => store.sources(member));
	} else {
		const { symbol, seriesId } = await memberSeries(io, member, values.series);
		const { series, k } = await corpusMember(io, seriesId, symbol);
		const r = series[k];
		result = {
			member: {
				symbol: r?.symbol ?? symbol,
				title: r?.title ?? null,
				date: r?.adoption.date ?? null,
			},
			paragraphs: annotateMember(series, k),
		};
	}
	io.out(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : sourcesText(result, io));
	return 0;
}

function sourcesText(result: MemberSources, io: Pick<CommandIO, "style">): string {
	const lines = [io.style.bold(`${result.member.symbol}, annotated with its sources`), ""];
	for (const p of result.paragraphs) {
		const note = p.note.kind === "new" ? io.style.green(p.note.text) : p.note.text;
		lines.push(...wrapText(note, 96, `${p.paragraph.ref.padEnd(6)} — `, "         "));
	}
	return `${lines.join("\n")}\n`;
}
