/** `resdiff show <symbol|file>`: a resolution's structure, as JSON or for a person. */
import { parseArgs } from "node:util";
import type { Resolution } from "../../core/model.ts";
import { describeAdoption } from "../../render/adoption.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { databaseConfigured, readMember, withStore } from "../store.ts";
import { formatOption, wrapText } from "../text.ts";

export const usage = "resdiff show <symbol|file> [--format json|text]";

export async function show(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: { format: { type: "string", default: "text" } },
		allowPositionals: true,
	});
	const format = formatOption(values.format, ["json", "text"]);
	const [target, ...extra] = positionals;
	if (!target || extra.length > 0) throw new UsageError(`usage: ${usage}`);
	const resolution = databaseConfigured(io)
		? await withStore(io, (store) => readMember(target, io, store))
		: await readMember(target, io);
	io.out(format === "json" ? `${JSON.stringify(resolution, null, 2)}\n` : showText(resolution, io));
	return 0;
}

/** The structure for a person: header, then each paragraph with its ref and lead phrase marked. */
export function showText(res: Resolution, io: Pick<CommandIO, "style">): string {
	const { style } = io;
	const pp = res.paragraphs.filter((p) => p.kind === "preambular").length;
	const op = res.paragraphs.length - pp;
	const lines = [
		style.bold(`${res.symbol ?? "(no symbol)"}  ${res.title ?? ""}`.trim()),
		[res.organ, describeAdoption(res)].filter(Boolean).join(", "),
		`${pp} preambular and ${op} operative paragraphs`,
		"",
	];
	for (const p of res.paragraphs) {
		const ref = p.ref.padEnd(6);
		const text = `${style.bold(style.cyan(p.lead))} ${p.body}`;
		lines.push(...wrapText(text, 92, `${style.dim(ref)} `, "       "));
		for (const s of p.subparagraphs)
			lines.push(...wrapText(`${s.label} ${s.text}`, 88, "         ", "           "));
		for (const f of p.footnotes) lines.push(style.dim(`       [${f.mark}] ${f.text}`));
	}
	for (const n of res.notes) lines.push(style.dim(`[${n.mark}] ${n.text}`));
	if (res.warnings.length > 0) {
		lines.push("", style.yellow(`${res.warnings.length} warning(s):`));
		for (const w of res.warnings) {
			const where = [w.line !== null ? `line ${w.line}` : null, w.ref].filter(Boolean).join(", ");
			lines.push(style.yellow(`  ${where ? `${where}: ` : ""}${w.message}`));
		}
	}
	return `${lines.join("\n")}\n`;
}
