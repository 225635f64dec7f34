import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../helpers/cli.ts";

describe("resdiff show", () => {
	it("prints the Resolution as JSON for a symbol in any form", async () => {
		for (const symbol of ["37/39", "A/HRC/RES/37/39", "37-39"]) {
			const { code, stdout } = await runCli(["show", symbol, "--format", "json"]);
			expect(code).toBe(0);
			const res = JSON.parse(stdout);
			expect(res).toMatchObject({
				symbol: "A/HRC/RES/37/39",
				title: "Technical assistance and capacity-building for Mali in the field of human rights",
				adoption: { date: "2018-03-23", vote: "without a vote" },
				warnings: [],
			});
			expect(res.paragraphs).toHaveLength(53);
			expect(res.paragraphs[16]).toMatchObject({
				ref: "PP17",
				kind: "preambular",
				lead: "Taking note of",
				footnotes: [{ mark: "1", text: "S/2017/1105." }],
			});
			expect(res.paragraphs[21]).toMatchObject({
				ref: "OP1",
				number: 1,
				lead: "Strongly condemns",
			});
		}
	});

	it("shows the structure to a person", async () => {
		const { code, stdout } = await runCli(["show", "37/39"]);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^A\/HRC\/RES\/37\/39 {2}Technical assistance/);
		expect(stdout).toContain("21 preambular and 32 operative paragraphs");
		expect(stdout).toMatch(/^PP9 {4}Deeply concerned also about continued human rights/m);
		expect(stdout).toMatch(/^ {7}\[1\] S\/2017\/1105\.$/m);
	});

	it("fails with one clear line for an unknown symbol, a missing file and a bad format", async () => {
		const unknown = await runCli(["show", "12/34"]);
		expect(unknown).toMatchObject({ code: 1, stdout: "" });
		expect(unknown.stderr).toMatch(/^resdiff: unknown symbol 12\/34; texts present: 37\/39/);
		const missing = await runCli(["show", "nope.txt"]);
		expect(missing.stderr).toBe("resdiff: no such file: nope.txt\n");
		const format = await runCli(["show", "37/39", "--format", "xml"]);
		expect(format).toMatchObject({
			code: 2,
			stderr: 'resdiff: unknown format "xml"; use one of: json, text\n',
		});
	});

	it("runs as an installed command, without a stack trace on error", () => {
		const ok = spawnCli(["show", "37/39", "--format", "json"]);
		expect(ok.code).toBe(0);
		expect(JSON.parse(ok.stdout).paragraphs).toHaveLength(53);
		const bad = spawnCli(["show", "package.json"]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toBe(
			'resdiff: package.json:1: this is not a resolution text: no chapeau ("The Human Rights Council,") and no numbered operative paragraphs\n',
		);
		expect(bad.stderr).not.toMatch(/\n\s+at /);
	});
});
