/** `resdiff lineage <series|files...>`: every clause of a series as a row, every member as a column. */
import { parseArgs } from "node:util";
import { type Lineage, lineage } from "../../core/lineage/index.ts";
import type { Resolution } from "../../core/model.ts";
import { loadSeries, readSource } from "../../ingest/corpus.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { databaseConfigured, withStore } from "../store.ts";
import { formatOption } from "../text.ts";

export const usage = "resdiff lineage <series|files...> [--format json|text]";

/** The members to follow: a series of the manifest (those present), or files and symbols in the order given. */
export async function membersOf(
	args: readonly string[],
	io: CommandIO,
): Promise<{ members: Resolution[]; missing: string[] }> {
	const [first] = args;
	if (
		args.length === 1 &&
		first &&
		!first.includes("/") &&
		!first.includes(".") &&
		!/^\d/.test(first)
	) {
		const { members, missing } = await loadSeries(io.env.RESDIFF_CORPUS, first);
		return { members: members.map((m) => m.resolution), missing: missing.map((m) => m.number) };
	}
	const read = await Promise.all(args.map((a) => readSource(a, io.env.RESDIFF_CORPUS)));
	return { members: read.map((r) => r.resolution), missing: [] };
}

/** A series id ("mali-hrc"), as opposed to a symbol or a file path. */
function isSeriesId(arg: string): boolean {
	return /^[a-z][a-z0-9-]*$/.test(arg) && !arg.includes(".");
}

const MARK: Record<string, string> = {
	new: "+",
	unchanged: "=",
	reworded: "~",
	removed: "-",
	merged: "M",
	split: "S",
};

/** A grid for a terminal: one row per clause, one column per member, a symbol per cell. */
export function lineageText(lin: Lineage, io: Pick<CommandIO, "style">): string {
	const cols = lin.members.map((m) => (m.symbol ?? "?").replace(/^A\/HRC\/RES\//, ""));
	const width = Math.max(7, ...cols.map((c) => c.length)) + 1;
	const lines = [
		`${"clause".padEnd(6)} ${"since".padEnd(width)}${cols.map((c) => c.padEnd(width)).join("")}`,
	];
	for (const c of lin.clauses) {
		const cells = c.cells.map((cell) => {
			if (!cell) return io.style.dim("·".padEnd(width));
			const text = `${MARK[cell.status] ?? "?"}${cell.moved ? "↕" : ""}${cell.ref}`.padEnd(width);
			return cell.status === "new"
				? io.style.green(text)
				: cell.status === "reworded"
					? io.style.yellow(text)
					: text;
		});
		lines.push(`${c.id.padEnd(6)} ${(cols[c.first] ?? "").padEnd(width)}${cells.join("")}`);
	}
	lines.push("", "+ new  = unchanged  ~ reworded  M merged  S split  ↕ moved  · absent");
	return `${lines.join("\n")}\n`;
}

export async function lineageCommand(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: { format: { type: "string", default: "text" } },
		allowPositionals: true,
	});
	const format = formatOption(values.format, ["json", "text"]);
	if (positionals.length === 0) throw new UsageError(`usage: ${usage}`);
	const [only = ""] = positionals;
	if (positionals.length === 1 && isSeriesId(only) && databaseConfigured(io)) {
		const { result, missing } = await withStore(io, async (store) => ({
			result: await store.lineage(only),
			missing: (await store.series(only)).members.filter((m) => !m.present).map((m) => m.number),
		}));
		if (missing.length > 0)
			io.err(
				`note: ${missing.length} member(s) not stored yet (${missing.join(", ")}); run resdiff fetch to add them\n`,
			);
		io.out(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : lineageText(result, io));
		return 0;
	}
	const { members, missing } = await membersOf(positionals, io);
	if (missing.length > 0) {
		io.err(
			`note: ${missing.length} member(s) not in the corpus yet (${missing.join(", ")}); run resdiff fetch to add them\n`,
		);
	}
	const result = lineage(members);
	io.out(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : lineageText(result, io));
	return 0;
}
