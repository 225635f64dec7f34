/**
 * `resdiff fetch` as a user runs it, against the loopback stand-in for the
 * document service: outcomes on standard output, a progress bar on a
 * terminal, and, when the service is out of reach, what is missing and how
 * to add it by hand. Served files are synthetic texts derived from 37/39.
 */
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { plainStyle } from "../../src/cli/style.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { parseEnv } from "../../src/env.ts";
import { runCli } from "../helpers/cli.ts";
import { corpusDir, shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { DOCX_TYPE, OdsStandIn } from "./ods-stand-in.ts";

let dir: string;
let ods: OdsStandIn;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), "resdiff-corpus-"));
	cpSync(corpusDir, dir, { recursive: true });
	ods = await new OdsStandIn().start();
	const shipped = parseResolution(shippedText());
	const bytes = await renderDocx({
		...shipped,
		symbol: "A/HRC/RES/20/17",
		number: "20/17",
		title: "Synthetic test text for 20/17, derived from 37/39",
	});
	ods.script("A/HRC/RES/20/17", "docx", { kind: "file", bytes, contentType: DOCX_TYPE });
});

afterEach(async () => {
	await ods.close();
});

describe("resdiff fetch", () => {
	it("saves a member and reports it on standard output", async () => {
		const run = await runCli(["fetch", "20/17", "--pause", "0"], {
			RESDIFF_CORPUS: dir,
			RESDIFF_ODS_URL: ods.url,
			RESDIFF_DATA_DIR: join(dir, "data"),
		});
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(
			/^20\/17 +saved +A-HRC-RES-20-17\.docx \(\d+ KB, sha256 [0-9a-f]{12}\.\.\.\)$/m,
		);
		expect(run.stdout).toMatch(/^1 saved$/m);
		expect(existsSync(join(dir, "A-HRC-RES-20-17.docx"))).toBe(true);
		const show = await runCli(["show", "20/17"], { RESDIFF_CORPUS: dir });
		expect(show.stdout).toContain("Synthetic test text for 20/17, derived from 37/39");
		// ...and imported it: the database the fetch opened holds it too.
		const stored = await runCli(["show", "20/17", "--format", "json"], {
			RESDIFF_CORPUS: dir,
			RESDIFF_DATA_DIR: join(dir, "data"),
		});
		expect(JSON.parse(stored.stdout).title).toBe(
			"Synthetic test text for 20/17, derived from 37/39",
		);
	});

	it("skips a member with no English text, says so, and exits 0 when the rest are fetched", async () => {
		// The stand-in answers 404 for 40/26 in every format: the service has no English text of it.
		const run = await runCli(["fetch", "20/17", "40/26", "--pause", "0"], {
			RESDIFF_CORPUS: dir,
			RESDIFF_ODS_URL: ods.url,
			RESDIFF_DATA_DIR: join(dir, "data"),
		});
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^20\/17 +saved +A-HRC-RES-20-17\.docx/m);
		expect(run.stdout).toContain(
			`40/26   unavailable no English official text is available from the document service at ${ods.url} (DOCX: status 404; PDF: status 404); skipped`,
		);
		expect(run.stdout).toMatch(/^1 saved, 1 unavailable$/m);
		expect(run.stderr).toContain(
			"No English official text yet for 40/26; if you have one, import it with resdiff import <file> --symbol 40/26.",
		);
		// A member that failed (the server erred) is a failure, whatever else was unavailable.
		ods.script("A/HRC/RES/22/18", "docx", { kind: "status", status: 500 });
		ods.script("A/HRC/RES/22/18", "pdf", { kind: "status", status: 500 });
		const again = await runCli(["fetch", "22/18", "40/26", "--pause", "0", "--retries", "0"], {
			RESDIFF_CORPUS: dir,
			RESDIFF_ODS_URL: ods.url,
			RESDIFF_DATA_DIR: join(dir, "data"),
		});
		expect(again.stdout).toMatch(/^1 failed, 1 unavailable$/m);
		expect(again.code).toBe(1);
	});

	it("draws a progress bar on a terminal's standard error", async () => {
		let stderr = "";
		const code = await main(["fetch", "20/17", "--pause", "0"], {
			env: parseEnv({
				RESDIFF_CORPUS: dir,
				RESDIFF_ODS_URL: ods.url,
				RESDIFF_DATA_DIR: join(dir, "data"),
			}),
			out: () => undefined,
			err: (t) => {
				stderr += t;
			},
			style: plainStyle,
			colour: false,
			interactive: true,
		});
		expect(code).toBe(0);
		expect(stderr).toContain(
			"\r\u001b[K[------------------------] 0/1 A/HRC/RES/20/17 downloading docx",
		);
		expect(stderr).toContain("[########################] 1/1 A/HRC/RES/20/17 saved");
	});

	it("says what is missing and how to add it by hand when the service cannot be reached", async () => {
		const closed = ods.url;
		await ods.close();
		const run = await runCli(["fetch", "--series", "mali-hrc", "--pause", "0", "--retries", "0"], {
			RESDIFF_CORPUS: dir,
			RESDIFF_ODS_URL: closed,
		});
		expect(run.code).toBe(1);
		expect(run.stdout).toMatch(/^15 skipped, 1 present$/m);
		expect(run.stderr).toContain(
			`cannot reach the UN document service at ${closed} (ECONNREFUSED)`,
		);
		expect(run.stderr).toContain(
			"Still missing: 20/17, 21/25, 22/18, 25/36, 28/31, 31/28, 34/39, 40/26, 43/38, 46/28, 49/34, 52/42, 55/25, 58/30, 61/37.",
		);
		expect(run.stderr).toContain(`save it in ${dir}`);
		ods = await new OdsStandIn().start();
	});

	it("refuses a malformed option with the usage status", async () => {
		const run = await runCli(["fetch", "--pause", "soon"], {
			RESDIFF_CORPUS: dir,
			RESDIFF_ODS_URL: ods.url,
		});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('--pause takes a whole number, not "soon"');
	});

	it("refuses an unknown series, naming the known ones", async () => {
		const run = await runCli(["fetch", "--series", "nowhere"], {
			RESDIFF_CORPUS: dir,
			RESDIFF_ODS_URL: ods.url,
		});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('unknown series "nowhere"; known: mali-hrc');
	});
});
