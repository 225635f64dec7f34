/**
 * The commands that work on a database: `import` files into a PGlite data
 * folder, then `new-language` and `search` over what is stored; and the help
 * and colour output every command shares. The corpus folder is a temporary
 * copy of corpus/ whose manifest also lists the synthetic test series
 * (99/1..99/3, made from 37/39 by scripted edits; not UN documents).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NewLanguage } from "../../src/core/lineage/index.ts";
import { runCli, spawnCli } from "../helpers/cli.ts";
import { tempDataDir } from "../helpers/db.ts";
import { corpusDir } from "../helpers/paths.ts";
import { syntheticManifest, syntheticTexts } from "../helpers/synthetic-series.ts";

const ESC = "\u001b[";

let env: Record<string, string>;
let files: string[];

beforeAll(() => {
	const corpus = mkdtempSync(join(tmpdir(), "resdiff-cli-corpus-"));
	cpSync(corpusDir, corpus, { recursive: true });
	const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8"));
	manifest.series.push(...syntheticManifest.series);
	writeFileSync(join(corpus, "manifest.json"), JSON.stringify(manifest, null, 2));
	const texts = mkdtempSync(join(tmpdir(), "resdiff-cli-texts-"));
	files = syntheticTexts.map((t, k) => {
		const path = join(texts, `synthetic-99-${k + 1}.txt`);
		writeFileSync(path, t);
		return path;
	});
	env = { RESDIFF_CORPUS: corpus, RESDIFF_DATA_DIR: tempDataDir() };
});

describe("resdiff import", () => {
	it("imports files, each whole, says what became of each, and changes nothing the second time", async () => {
		const first = await runCli(["import", files[0] ?? "", files[1] ?? ""], env);
		expect(first.stderr).toBe("");
		expect(first.code).toBe(0);
		const lines = first.stdout.trim().split("\n");
		expect(lines.slice(0, 2)).toEqual([
			`imported  A/HRC/RES/99/1  (${files[0]})`,
			`imported  A/HRC/RES/99/2  (${files[1]})`,
		]);
		expect(lines[2]).toMatch(/^2 of 2 imported into /);
		const again = await runCli(["import", files[1] ?? ""], env);
		expect(again.stdout.split("\n")[0]).toBe(`unchanged A/HRC/RES/99/2  (${files[1]})`);
	});

	it("reports a file it cannot read by name and line, imports the others, and exits 1", async () => {
		const bad = join(mkdtempSync(join(tmpdir(), "resdiff-cli-bad-")), "synthetic-broken.txt");
		writeFileSync(bad, "\tThe Human Rights Council,\n\tRecalling its resolutions,\n");
		const run = await runCli(["import", bad, files[2] ?? ""], env);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(
			/^resdiff: failed: .*synthetic-broken\.txt:2: .*no operative paragraphs/m,
		);
		expect(run.stdout).toContain(`imported  A/HRC/RES/99/3  (${files[2]})`);
		expect(run.stdout).toMatch(/^1 of 2 imported into /m);
	});

	it("refuses --symbol with more than one file", async () => {
		const run = await runCli(["import", "--symbol", "99/1", files[0] ?? "", files[1] ?? ""], env);
		expect(run).toMatchObject({
			code: 2,
			stderr: "resdiff: --symbol names the symbol of one file; give exactly one file\n",
		});
	});
});

describe("resdiff new-language and search over what is stored", () => {
	it("lists the language a member uses that its stored predecessor did not", async () => {
		// 99/2 adds one operative paragraph to 99/1 and changes others only by a word or a number.
		const json = await runCli(["new-language", "99/2", "--format", "json"], env);
		expect(json.code).toBe(0);
		const fresh = NewLanguage.parse(JSON.parse(json.stdout));
		expect(fresh.member.symbol).toBe("A/HRC/RES/99/2");
		expect(fresh.operative.map((p) => p.ref)).toEqual(["OP4"]);
		expect(fresh.operative[0]?.body).toMatch(/^the synthetic test commitment/);
		expect(fresh.preambular).toEqual([]);
		const text = await runCli(["new-language", "99/2"], env);
		expect(text.stdout).toMatch(
			/^New language in A\/HRC\/RES\/99\/2\n\n1 operative paragraph\(s\)\nOP4 {4}Welcomes the synthetic test commitment/,
		);
		expect(text.stdout).toContain("0 preambular paragraph(s)");
	});

	it("finds a phrase with the member where its language first appeared", async () => {
		const phrase = "regular consultations with women’s organizations";
		const json = await runCli(["search", phrase, "--format", "json"], env);
		expect(json.code).toBe(0);
		const hits = JSON.parse(json.stdout) as {
			symbol: string;
			paragraph: { ref: string };
			exact: boolean;
			firstAppeared: string;
		}[];
		expect(hits.map((h) => [h.symbol, h.paragraph.ref, h.exact, h.firstAppeared])).toEqual([
			["A/HRC/RES/99/3", "OP4", true, "A/HRC/RES/99/2"],
			["A/HRC/RES/99/2", "OP4", true, "A/HRC/RES/99/2"],
		]);
		const text = await runCli(["search", phrase], env);
		expect(text.stdout).toMatch(
			/^A\/HRC\/RES\/99\/3 OP4 {2}exact, language since A\/HRC\/RES\/99\/2\n {4}Welcomes the synthetic/,
		);
		const none = await runCli(["search", "no synthetic paragraph says this"], env);
		expect(none.stdout).toBe('no paragraph contains "no synthetic paragraph says this"\n');
		expect((await runCli(["search"], env)).code).toBe(2);
	});
});

describe("resdiff latest: this year against last year", () => {
	it("compares the latest stored member with the stored member before it", async () => {
		// 99/1..99/3 were imported above; 99/3 (2033) is the latest, 99/2 (2032) the one before.
		const json = await runCli(["diff", "99/2", "99/3", "--format", "json"], env);
		const s = JSON.parse(json.stdout).summary;
		const n = s.reworded + s.new + s.removed + s.merged + s.split;
		expect(n).toBeGreaterThan(0);
		const run = await runCli(["latest", "--series", "synthetic-test"], env);
		expect(run.code).toBe(0);
		const [head, , redlineHead] = run.stdout.split("\n");
		expect(head).toBe(`99/3 (2033) against 99/2 (2032): ${n} changes`);
		expect(redlineHead).toBe("A/HRC/RES/99/2 → A/HRC/RES/99/3");
		// The redline is the diff command's, changes only.
		const plain = await runCli(["diff", "99/2", "99/3"], env);
		expect(run.stdout).toContain(plain.stdout);
		const asJson = JSON.parse(
			(await runCli(["latest", "--series", "synthetic-test", "--format", "json"], env)).stdout,
		);
		expect(asJson.latest.number).toBe("99/3");
		expect(asJson.previous.number).toBe("99/2");
		expect(asJson.diff.summary).toEqual(s);
	});

	it("says what to fetch when only one member is stored, with or without a database", async () => {
		for (const where of [env, {}]) {
			// `resdiff diff` with nothing named asks the same question, of the Mali series.
			for (const args of [["latest"], ["diff"]]) {
				const run = await runCli(args, where);
				expect(run.code).toBe(0);
				expect(run.stdout).toContain(
					"Only 37/39 (2018) is stored, so there is nothing to compare it with yet. Get 34/39 (2017) with resdiff fetch 34/39",
				);
				expect(run.stdout).toContain(
					"Listed but not stored yet, and later: 40/26 (2019), 43/38 (2020), 46/28 (2021), 49/34 (2022), 52/42 (2023), 55/25 (2024), 58/30 (2025), 61/37 (2026); get them with resdiff fetch 40/26 43/38",
				);
			}
		}
	});

	it("refuses an unknown series, naming the known ones", async () => {
		const run = await runCli(["latest", "--series", "nowhere"], env);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('unknown series "nowhere"');
	});
});

describe("resdiff help", () => {
	it("lists every command with its usage, and exits 2 when no command is given", async () => {
		const help = await runCli(["help"]);
		expect(help.code).toBe(0);
		for (const command of [
			"latest",
			"show",
			"diff",
			"lineage",
			"new-language",
			"sources",
			"fetch",
			"import",
			"search",
		]) {
			expect(help.stdout).toMatch(new RegExp(`^ {2}resdiff ${command}\\b.*\\n {6}\\S`, "m"));
		}
		expect((await runCli(["--help"])).stdout).toBe(help.stdout);
		const bare = await runCli([]);
		expect(bare).toMatchObject({ code: 2, stdout: help.stdout });
		expect(await runCli(["frobnicate"])).toMatchObject({
			code: 2,
			stderr:
				'resdiff: unknown command "frobnicate"; commands: latest, show, diff, lineage, new-language, sources, fetch, import, search\n',
		});
	});
});

describe("colour", () => {
	it("draws the redline in colour instead of brackets when colour is on", async () => {
		const draft = join(mkdtempSync(join(tmpdir(), "resdiff-cli-colour-")), "synthetic-edit.txt");
		writeFileSync(
			draft,
			(syntheticTexts[0] ?? "").replace("\tEncourages the Malian", "\tUrges the Malian"),
		);
		const { code, stdout } = await runCli(["diff", "37/39", draft], {}, { colour: true });
		expect(code).toBe(0);
		// SGR: 31 red and 9 crossed out for a deletion, 32 green and 4 underlined for an insertion.
		expect(stdout).toContain(`${ESC}31m${ESC}9mEncourages${ESC}29m${ESC}39m`);
		expect(stdout).toContain(`${ESC}32m${ESC}4mUrges${ESC}24m${ESC}39m`);
		expect(stdout).not.toContain("[-Encourages-]");
		expect(stdout).toMatch(new RegExp(`^${ESC.replace("[", "\\[")}1mA/HRC/RES/37/39 → `));
	});

	it("follows FORCE_COLOR and NO_COLOR when it is not writing to a terminal", () => {
		const args = ["diff", "37/39", "37/39"];
		const forced = spawnCli(args, { FORCE_COLOR: "1" });
		expect(forced.code).toBe(0);
		expect(forced.stdout).toContain(`${ESC}1m`);
		const plain = spawnCli(args, { NO_COLOR: "1" });
		expect(plain.stdout).not.toContain(ESC);
		const piped = spawnCli(args, { NO_COLOR: "" });
		expect(piped.stdout).not.toContain(ESC);
	});
});
