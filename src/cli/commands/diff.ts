/** `resdiff diff <old> <new>`: what became of every paragraph between two versions. */
import { parseArgs } from "node:util";
import { compare } from "../../core/diff/index.ts";
import { readSource } from "../../ingest/corpus.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { diffText } from "../redline-text.ts";
import { formatOption } from "../text.ts";

export const usage = "resdiff diff <old> <new> [--format json|text] [--all]";

export async function diff(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: {
			format: { type: "string", default: "text" },
			all: { type: "boolean", default: false },
		},
		allowPositionals: true,
	});
	const format = formatOption(values.format, ["json", "text"]);
	if (positionals.length !== 2) throw new UsageError(`usage: ${usage}`);
	const [before, after] = await Promise.all(
		positionals.map((p) => readSource(p, io.env.RESDIFF_CORPUS)),
	);
	if (!before || !after) throw new UsageError(`usage: ${usage}`);
	const result = compare(before.resolution, after.resolution);
	io.out(
		format === "json"
			? `${JSON.stringify(result, null, 2)}\n`
			: diffText(result, { style: io.style, plain: !io.colour, all: values.all }),
	);
	return 0;
}
