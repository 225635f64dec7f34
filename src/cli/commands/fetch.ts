/**
 * `resdiff fetch [symbols...] [--series id]`: completes the corpus folder
 * from the UN Official Document System, one request at a time. Progress is
 * a bar on standard error when it is a terminal, else one line a member;
 * the outcome of each member goes to standard output. When the service
 * cannot be reached, it says what is missing and how to add files by hand.
 */
import { parseArgs } from "node:util";
import {
	FETCH_DEFAULTS,
	type FetchEvent,
	fetchMissing,
	handAdvice,
	type MemberOutcome,
} from "../../ingest/fetch.ts";
import { type CommandIO, UsageError } from "../io.ts";
import { withStore } from "../store.ts";

export const usage =
	"resdiff fetch [symbols...] [--series <id>] [--pause <ms>] [--timeout <ms>] [--retries <n>]";

function count(value: string | undefined, option: string, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value))
		throw new UsageError(`--${option} takes a whole number, not "${value}"`);
	return Number(value);
}

function size(bytes: number): string {
	return bytes >= 1024 * 1024
		? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
		: `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function outcomeLine(o: MemberOutcome): string {
	const head = `${o.number.padEnd(7)} `;
	switch (o.status) {
		case "present":
			return `${head}present    ${o.file}`;
		case "saved":
		case "recorded": {
			const verb = o.status === "saved" ? "saved   " : "recorded";
			const note = o.importError ? `  (import failed: ${o.importError})` : "";
			return `${head}${verb}   ${o.file} (${size(o.bytes)}, sha256 ${o.sha256.slice(0, 12)}...)${note}`;
		}
		case "unavailable":
			return `${head}unavailable ${o.message}`;
		case "failed":
			return `${head}failed     ${o.message}`;
		case "skipped":
			return `${head}skipped    ${o.message}`;
	}
}

/** Draws one line of progress on a terminal, rewriting it in place. */
function progressBar(io: CommandIO): (event: FetchEvent) => void {
	let members: readonly string[] = [];
	let finished = 0;
	let label = "";
	const draw = (status: string) => {
		const width = 24;
		const filled = members.length ? Math.round((finished / members.length) * width) : 0;
		const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
		io.err(`\r\u001b[K[${bar}] ${finished}/${members.length} ${label} ${status}`.slice(0, 160));
	};
	return (event) => {
		switch (event.type) {
			case "start":
				members = event.members;
				draw("");
				break;
			case "member":
				label = event.symbol;
				draw(`${event.phase}${event.detail ? ` ${event.detail}` : ""}`);
				break;
			case "bytes":
				draw(`downloading ${size(event.received)}${event.total ? ` of ${size(event.total)}` : ""}`);
				break;
			case "done":
				finished++;
				draw(event.outcome.status);
				if (finished === members.length) io.err("\r\u001b[K");
				break;
		}
	};
}

/** Without a terminal: a line when a member's request is retried, nothing else (outcomes go to stdout). */
function plainProgress(io: CommandIO): (event: FetchEvent) => void {
	return (event) => {
		if (event.type === "member" && event.phase === "retrying") {
			io.err(`resdiff: ${event.symbol}: ${event.detail}\n`);
		}
	};
}

/** Where the official text was fetched from, as the store records it. */
function odsAddress(baseUrl: string, symbol: string): string {
	return `${baseUrl.replace(/\/$/, "")}/api/symbol/access?s=${symbol}&l=en&t=docx`;
}

export async function fetchCommand(args: string[], io: CommandIO): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: {
			series: { type: "string" },
			pause: { type: "string" },
			timeout: { type: "string" },
			retries: { type: "string" },
		},
		allowPositionals: true,
	});
	const corpusDir = io.env.RESDIFF_CORPUS;
	const baseUrl = io.env.RESDIFF_ODS_URL;
	const pauseMs = count(values.pause, "pause", FETCH_DEFAULTS.pauseMs);
	const timeoutMs = count(values.timeout, "timeout", FETCH_DEFAULTS.timeoutMs);
	const retries = count(values.retries, "retries", FETCH_DEFAULTS.retries);
	// Each text saved is imported into the database at once, so the service shows it on its next request.
	const report = await withStore(io, (store) =>
		fetchMissing(
			{ symbols: positionals, series: values.series },
			{
				corpusDir,
				baseUrl,
				pauseMs,
				timeoutMs,
				retries,
				onEvent: io.interactive ? progressBar(io) : plainProgress(io),
				afterSave: async (saved) => {
					await store.importOne({
						resolution: saved.resolution,
						source: {
							name: saved.file,
							address: odsAddress(baseUrl, saved.symbol),
							sha256: saved.sha256,
						},
					});
				},
			},
		),
	);
	for (const o of report.outcomes) io.out(`${outcomeLine(o)}\n`);
	const tally = new Map<string, number>();
	for (const o of report.outcomes) tally.set(o.status, (tally.get(o.status) ?? 0) + 1);
	io.out(`${[...tally].map(([status, n]) => `${n} ${status}`).join(", ") || "nothing to do"}\n`);
	if (report.unreachable) {
		io.err(
			`resdiff: cannot reach the UN document service at ${baseUrl} (${report.unreachable.reason}); set RESDIFF_ODS_URL if it lives elsewhere.\n`,
		);
	}
	const advice = handAdvice(report, corpusDir, baseUrl);
	if (advice) io.err(advice);
	const unavailable = report.outcomes.filter((o) => o.status === "unavailable");
	if (unavailable.length > 0) {
		io.err(
			`No English official text yet for ${unavailable.map((o) => o.number).join(", ")}; if you have one, import it with resdiff import <file> --symbol ${unavailable[0]?.number}.\n`,
		);
	}
	// A member with no English text is a fact about the service, not a failure: the exit status
	// says whether everything that can be fetched was.
	const bad = report.outcomes.some(
		(o) =>
			o.status === "failed" ||
			o.status === "skipped" ||
			("importError" in o && o.importError !== null),
	);
	return bad ? 1 : 0;
}
