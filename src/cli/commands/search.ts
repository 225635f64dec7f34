/** `resdiff search "<phrase>"`: where a phrase appears across the corpus, best first. */
import { parseArgs } from "node:util";
import { paragraphText } from "../../core/model.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { withStore } from "../store.ts";
import { formatOption, wrapText } from "../text.ts";

export const usage = 'resdiff search "<phrase>" [--format json|text]';

export async function searchCommand(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: { format: { type: "string", default: "text" } },
		allowPositionals: true,
	});
	const format = formatOption(values.format, ["json", "text"]);
	const phrase = positionals.join(" ");
	if (!phrase.trim()) throw new UsageError(`usage: ${usage}`);
	const hits = await withStore(io, (store) => store.search(phrase));
	if (format === "json") {
		io.out(`${JSON.stringify(hits, null, 2)}\n`);
		return 0;
	}
	if (hits.length === 0) {
		io.out(`no paragraph contains "${phrase}"\n`);
		return 0;
	}
	for (const h of hits) {
		const since =
			h.firstAppeared && h.firstAppeared !== h.symbol ? `, language since ${h.firstAppeared}` : "";
		io.out(
			`${io.style.bold(`${h.symbol} ${h.paragraph.ref}`)}  ${h.exact ? "exact" : `${Math.round(h.score * 100)}% match`}${since}\n`,
		);
		io.out(`${wrapText(paragraphText(h.paragraph), 96, "    ", "    ").join("\n")}\n`);
	}
	return 0;
}
