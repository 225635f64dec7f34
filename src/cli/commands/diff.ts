/** `resdiff diff <old> <new>`: what became of every paragraph between two versions. */
import { parseArgs } from "node:util";
import { compare } from "../../core/diff/index.ts";
import { parseSymbol } from "../../core/symbol.ts";
import { asDraft, looksLikeDraftOf } from "../../services/drafts.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { diffText } from "../redline-text.ts";
import { databaseConfigured, readMember, withStore } from "../store.ts";
import { formatOption } from "../text.ts";
import { latestCommand } from "./latest.ts";

export const usage =
	"resdiff diff [<old> <new>] [--format json|text] [--all] [--name <draft name>]  (no arguments: resdiff latest)";

export async function diff(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: {
			format: { type: "string", default: "text" },
			all: { type: "boolean", default: false },
			name: { type: "string" },
		},
		allowPositionals: true,
	});
	const format = formatOption(values.format, ["json", "text"]);
	// With nothing named, the comparison users want first: this year against last year.
	if (positionals.length === 0 && values.name === undefined)
		return latestCommand(values.all ? ["--all", "--format", format] : ["--format", format], io);
	if (positionals.length !== 2) throw new UsageError(`usage: ${usage}`);
	const [a = "", b = ""] = positionals;
	const compared = databaseConfigured(io)
		? await withStore(io, async (store) => {
				// Two stored members: the stored (or cached) comparison; otherwise compare now.
				if (parseSymbol(a) && parseSymbol(b)) return store.diff(a, b);
				return compare(await readMember(a, io, store), await readMember(b, io, store));
			})
		: compare(await readMember(a, io), await readMember(b, io));
	// A file read as the newer text is a draft when it says so by its symbol, or when asked to be named.
	const draft =
		!parseSymbol(b) && (values.name !== undefined || looksLikeDraftOf(compared.to, compared.from));
	const result = draft ? asDraft(compared, values.name) : compared;
	io.out(
		format === "json"
			? `${JSON.stringify(result, null, 2)}\n`
			: diffText(result, { style: io.style, plain: !io.colour, all: values.all }),
	);
	return 0;
}
