/** `resdiff import [files...]`: texts into the database, each whole or not at all. */
import { parseArgs } from "node:util";
import { NotFoundError } from "../../core/errors.ts";
import { parseSymbol, withSymbol } from "../../core/symbol.ts";
import { readResolutionFile } from "../../ingest/corpus.ts";
import { toImportSource } from "../../services/corpus.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { progressBar } from "../progress.ts";
import { withStore } from "../store.ts";

export const usage = "resdiff import [files...] [--symbol <symbol>] [--series <id>] [--replace]";

export async function importCommand(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: {
			symbol: { type: "string" },
			series: { type: "string" },
			replace: { type: "boolean", default: false },
		},
		allowPositionals: true,
	});
	if (values.symbol && positionals.length !== 1)
		throw new UsageError("--symbol names the symbol of one file; give exactly one file");
	if (values.symbol && !parseSymbol(values.symbol))
		throw new UsageError(`--symbol ${values.symbol} is not a resolution symbol (such as 37/39)`);
	const symbol = values.symbol ? parseSymbol(values.symbol)?.symbol : undefined;
	return withStore(
		io,
		async (store) => {
			// A series that does not exist is a mistake on the command line, told before anything is read.
			if (values.series)
				await store.series(values.series).catch((e: unknown) => {
					throw e instanceof NotFoundError ? new UsageError(`--series: ${e.message}`) : e;
				});
			if (positionals.length === 0) {
				io.out(
					`the texts in ${io.env.RESDIFF_CORPUS.replace(/\/+$/, "")}/ are stored in ${store.address}\n`,
				);
				return 0;
			}
			const bar = progressBar(io.err, io.interactive);
			const reports = await store.importMany(
				positionals,
				async (path) => {
					const read = await readResolutionFile(path, symbol);
					// --symbol says what the file is, whatever its title line prints.
					return toImportSource(
						symbol ? { ...read, resolution: withSymbol(read.resolution, symbol) } : read,
					);
				},
				{
					replace: values.replace,
					...(values.series ? { seriesId: values.series } : {}),
					onProgress: (d, t, n) => bar.update(d, t, n),
				},
			);
			bar.finish();
			let failed = 0;
			for (const r of reports) {
				if (r.ok) {
					io.out(`${r.outcome.status.padEnd(9)} ${r.outcome.symbol}  (${r.name})\n`);
					// A reviewer's decision made on the text this one replaced no longer holds: say which.
					for (const d of r.outcome.droppedDecisions ?? [])
						io.out(
							`          dropped a reviewer's decision: ${d.from} ${d.old.join("+")} and ${d.to} ${d.new.join("+")} ${d.action === "pair" ? "paired" : "unpaired"}\n`,
						);
				} else {
					failed++;
					io.err(`resdiff: failed: ${r.error}\n`);
				}
			}
			io.out(`${reports.length - failed} of ${reports.length} imported into ${store.address}\n`);
			return failed > 0 ? 1 : 0;
		},
		"resdiff import",
	);
}
