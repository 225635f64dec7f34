/**
 * `resdiff new-language <member>`: language a member uses for the first time
 * in its series: wholly new paragraphs, and the new phrases inside reworded
 * ones, marked {+like this+}.
 */
import { parseArgs } from "node:util";
import { newLanguage } from "../../core/lineage/index.ts";
import { paragraphText } from "../../core/model.ts";
import {
	annotateMember,
	type PhraseSpan,
	type SpannedParagraph,
} from "../../core/novelty/index.ts";
import type { PhraseNewLanguage } from "../../services/provenance.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { databaseConfigured, withStore } from "../store.ts";
import { formatOption, wrapText } from "../text.ts";
import { corpusMember, memberSeries } from "./member-series.ts";

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
	const { symbol, seriesId } = await memberSeries(io, member, values.series);
	const result = databaseConfigured(io)
		? await withStore(io, (store) => store.newLanguage(seriesId, symbol))
		: await fromCorpus(io, seriesId, symbol);
	io.out(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : newLanguageText(result, io));
	return 0;
}

/** The same answer from the corpus folder, against the members before it there. */
async function fromCorpus(
	io: CommandIO,
	seriesId: string,
	symbol: string,
): Promise<PhraseNewLanguage> {
	const { series, k } = await corpusMember(io, seriesId, symbol);
	const whole = newLanguage(series, k);
	const annotated = annotateMember(series, k);
	const spans = new Map(annotated.map((a) => [a.paragraph.ref, a.spans]));
	const wholly = new Set([...whole.preambular, ...whole.operative].map((p) => p.ref));
	const withSpans = (p: (typeof whole.operative)[number]): SpannedParagraph => ({
		...p,
		spans: spans.get(p.ref) ?? [],
	});
	const reworded = annotated
		.filter((a) => !wholly.has(a.paragraph.ref) && a.spans.some((s) => s.status === "new"))
		.map((a) => ({ ...a.paragraph, spans: a.spans }));
	return {
		member: whole.member,
		preambular: whole.preambular.map(withSpans),
		operative: whole.operative.map(withSpans),
		reworded: {
			preambular: reworded.filter((p) => p.kind === "preambular"),
			operative: reworded.filter((p) => p.kind === "operative"),
		},
	};
}

/** A paragraph's text with its new spans marked {+…+} (and coloured where colour is on). */
export function markedText(spans: readonly PhraseSpan[], io: Pick<CommandIO, "style">): string {
	return spans
		.map((s) => (s.status === "new" ? io.style.green(`{+${s.text}+}`) : s.text))
		.join("")
		.replace(/\s+/g, " ");
}

function newLanguageText(result: PhraseNewLanguage, io: Pick<CommandIO, "style">): string {
	const lines = [io.style.bold(`New language in ${result.member.symbol}`)];
	for (const kind of ["operative", "preambular"] as const) {
		lines.push("", `${result[kind].length} ${kind} paragraph(s)`);
		for (const p of result[kind])
			lines.push(...wrapText(paragraphText(p), 96, `${p.ref.padEnd(6)} `, "       "));
	}
	for (const kind of ["operative", "preambular"] as const) {
		const list = result.reworded[kind];
		lines.push("", `${list.length} reworded ${kind} paragraph(s) with new wording, marked {+…+}`);
		for (const p of list)
			lines.push(...wrapText(markedText(p.spans, io), 96, `${p.ref.padEnd(6)} `, "       "));
	}
	return `${lines.join("\n")}\n`;
}
