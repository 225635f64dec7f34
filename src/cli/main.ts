/**
 * The `resdiff` command: reads the command line, runs one command, and turns
 * every failure into one clear line on standard error and an exit status.
 */
import { ResdiffError } from "../core/errors.ts";
import { unavailableReason } from "../db/errors.ts";
import { FolderBusyError } from "../db/folder-lock.ts";
import { nodeEnv } from "../env.ts";
import { VERSION } from "../version.ts";
import { diff, usage as diffUsage } from "./commands/diff.ts";
import { fetchCommand, usage as fetchUsage } from "./commands/fetch.ts";
import { importCommand, usage as importUsage } from "./commands/import.ts";
import { latestCommand, usage as latestUsage } from "./commands/latest.ts";
import { lineageCommand, usage as lineageUsage } from "./commands/lineage.ts";
import { newLanguageCommand, usage as newLanguageUsage } from "./commands/new-language.ts";
import { searchCommand, usage as searchUsage } from "./commands/search.ts";
import { show, usage as showUsage } from "./commands/show.ts";
import { sourcesCommand, usage as sourcesUsage } from "./commands/sources.ts";
import { type CommandIO, UsageError } from "./io.ts";
import { colourStyle, plainStyle, wantsColour } from "./style.ts";

type Command = (args: string[], io: CommandIO) => Promise<number>;

const commands: Record<string, { run: Command; usage: string; summary: string }> = {
	latest: {
		run: latestCommand,
		usage: latestUsage,
		summary:
			"this year against last year: the latest stored member of a series against the one before",
	},
	show: {
		run: show,
		usage: showUsage,
		summary: "a resolution's paragraphs, lead phrases and footnotes",
	},
	diff: {
		run: diff,
		usage: diffUsage,
		summary: "what became of every paragraph between two versions, as a redline",
	},
	lineage: {
		run: lineageCommand,
		usage: lineageUsage,
		summary: "every clause of a series through its members, and when its language first appeared",
	},
	"new-language": {
		run: newLanguageCommand,
		usage: newLanguageUsage,
		summary:
			"the language of a member that no earlier member used: new paragraphs, and new phrases in reworded ones",
	},
	sources: {
		run: sourcesCommand,
		usage: sourcesUsage,
		summary:
			"each paragraph of a member with where its language came from, as delegates annotate a draft",
	},
	fetch: {
		run: fetchCommand,
		usage: fetchUsage,
		summary: "download the series' missing texts from the UN Official Document System",
	},
	import: {
		run: importCommand,
		usage: importUsage,
		summary: "texts into the database (the corpus folder when no file is named)",
	},
	search: {
		run: searchCommand,
		usage: searchUsage,
		summary: "where a phrase appears across the corpus, and when that language first appeared",
	},
};

function help(): string {
	const rows = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
	return `resdiff: compare versions of a UN resolution paragraph by paragraph\n\n${rows.join("\n")}\n\nA symbol is 37/39, 37-39 or A/HRC/RES/37/39, looked up in corpus/ (or RESDIFF_CORPUS); anything else is a file path.\n\nresdiff --version prints the version.\n`;
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: string[], io?: Partial<CommandIO>): Promise<number> {
	const err = io?.err ?? ((t: string) => process.stderr.write(t));
	try {
		const colour = io?.colour ?? wantsColour(process.stdout, process.env);
		const full: CommandIO = {
			env: io?.env ?? nodeEnv(),
			out: io?.out ?? ((t: string) => process.stdout.write(t)),
			err,
			colour,
			style: io?.style ?? (colour ? colourStyle : plainStyle),
			interactive: io?.interactive ?? process.stderr.isTTY === true,
		};
		const [name, ...rest] = argv;
		if (name === "--version" || name === "-V" || name === "version") {
			full.out(`resdiff ${VERSION}\n`);
			return 0;
		}
		if (!name || name === "help" || name === "--help" || name === "-h") {
			full.out(help());
			return name ? 0 : 2;
		}
		const command = commands[name];
		if (!command)
			throw new UsageError(
				`unknown command "${name}"; commands: ${Object.keys(commands).join(", ")}`,
			);
		return await command.run(rest, full);
	} catch (e) {
		if (
			e instanceof UsageError ||
			(e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))
		) {
			err(`resdiff: ${e.message}\n`);
			return 2;
		}
		// Another process holds the data folder: nothing was done, and the line says what to do.
		if (e instanceof FolderBusyError) {
			err(`resdiff: ${e.message}\n`);
			return 2;
		}
		if (e instanceof ResdiffError) {
			const described =
				"describe" in e && typeof e.describe === "function" ? e.describe() : e.message;
			err(`resdiff: ${described}\n`);
			return 1;
		}
		// A database that went away mid-command: say so, not "unexpected".
		const unavailable = unavailableReason(e);
		if (unavailable !== null) {
			err(`resdiff: the database is unavailable: ${unavailable}\n`);
			return 1;
		}
		// Not one of ours: say so without a stack trace; RESDIFF_DEBUG shows it.
		err(`resdiff: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
		if (process.env.RESDIFF_DEBUG) err(`${(e as Error)?.stack}\n`);
		return 70;
	}
}
