/**
 * Bad input gets a 4xx that says what was wrong and where, never a 500
 * (issue 12, defects 5 and 6): on the API as a problem, on the pages as a
 * page, in the CLI as one line; and nothing is stored by a refused request.
 * On PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { runCli } from "../helpers/cli.ts";
import { freshPglite, freshPostgres, type TestDatabase, tempDataDir } from "../helpers/db.ts";
import { corpusDir, shippedText } from "../helpers/paths.ts";
import { seed } from "../helpers/seed.ts";

const TOKEN = "fault-admin-token-7a1b";
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn("\n[notice] bad-input faults on PostgreSQL: skipped, DATABASE_URL is not set\n");

/** 37/39 under a made-up symbol, its title line saying it is synthetic. */
function syntheticText(number = "99/70"): string {
	return shippedText().replace("37/39.\tTechnical", `${number}.\tSynthetic test text: Technical`);
}

async function problemOf(
	res: Response,
	status: number,
): Promise<{ detail: string; known?: string[] }> {
	expect(res.status).toBe(status);
	expect(res.headers.get("content-type")).toContain("application/problem+json");
	return (await res.json()) as { detail: string; known?: string[] };
}

async function pageOf(res: Response, status: number): Promise<string> {
	expect(res.status).toBe(status);
	expect(res.headers.get("content-type")).toContain("text/html");
	return res.text();
}

/** A text file: the shipped text with one byte that is not UTF-8 on its fifth line. */
function badUtf8(): Uint8Array {
	const lines = syntheticText().split("\n");
	const before = Buffer.from(`${lines.slice(0, 4).join("\n")}\n`, "utf8");
	const rest = Buffer.from(`Caf\u00e9${lines.slice(4).join("\n")}`, "latin1");
	return new Uint8Array(Buffer.concat([before, rest]));
}
const badOffset = () =>
	Buffer.from(`${syntheticText().split("\n").slice(0, 4).join("\n")}\nCaf`).length;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids, looked for on purpose.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function suite(label: string, open: () => Promise<TestDatabase>): void {
	describe(`bad input on ${label}`, () => {
		let test: TestDatabase;
		const logged: unknown[] = [];
		const call = (path: string, init?: RequestInit) =>
			buildApp({
				services: () => ({ db: test.handle.db }),
				adminToken: TOKEN,
				logError: (e) => logged.push(e),
			}).request(path, init);
		const post = (body: unknown) =>
			call("/api/resolutions", {
				method: "POST",
				headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
				body: JSON.stringify(body),
			});

		beforeAll(async () => {
			test = await open();
			await seed(test.handle.db);
		});
		afterAll(async () => {
			await test?.dispose();
			// Not one of these was a bug.
			expect(logged).toEqual([]);
		});

		it("refuses a NUL in any query parameter or path segment on the API, naming it", async () => {
			expect((await problemOf(await call("/api/search?q=a%00b"), 400)).detail).toContain(
				'query parameter "q"',
			);
			expect(
				(await problemOf(await call("/api/diff?from=37-39%00x&to=37-39"), 400)).detail,
			).toContain('query parameter "from"');
			expect((await problemOf(await call("/api/resolutions/37-39%00"), 400)).detail).toContain(
				'path segment "37-39%00"',
			);
			expect(
				(await problemOf(await call("/api/series/mali-hrc%00/lineage"), 400)).detail,
			).toContain("NUL");
			expect((await call("/api/search?q=human%20rights")).status).toBe(200);
		});

		it("refuses a NUL in the address of a page with a 400 page", async () => {
			expect(await pageOf(await call("/paragraph/37-39%00/OP1"), 400)).toContain(
				"contains a NUL character",
			);
			expect(await pageOf(await call("/lineage?series=mali-hrc%00"), 400)).toContain(
				"query parameter &quot;series&quot;",
			);
			expect(await pageOf(await call("/resolution/37-39%00"), 400)).toContain("NUL");
		});

		it("refuses an import into an unknown series with a 404 naming it, storing nothing", async () => {
			const p = await problemOf(await post({ text: syntheticText(), series: "nope" }), 404);
			expect(p.detail).toMatch(/^unknown series "nope"; known: .*mali-hrc/);
			expect(p.known).toContain("mali-hrc");
			await problemOf(await call("/api/resolutions/99-70"), 404);
		});

		it("validates an import's symbol as the CLI does (422), and a NUL in a field (400)", async () => {
			for (const symbol of ["../../etc/passwd", "\u202e37/39", "A/HRC/RES/37/39/../x"]) {
				const p = await problemOf(await post({ text: syntheticText(), symbol }), 422);
				expect(p.detail).toMatch(/^symbol: .* is not a resolution symbol/);
			}
			await problemOf(await post({ text: syntheticText(), name: "a\u0000b" }), 400);
			await problemOf(await call("/api/resolutions/99-70"), 404);
			expect((await post({ text: syntheticText(), symbol: "99/70" })).status).toBe(201);
		});

		it("answers malformed multipart with 400, on the API and as a page", async () => {
			const init = () => ({
				method: "POST",
				headers: { "content-type": "multipart/form-data; boundary=resdiff-boundary" },
				body: '--resdiff-boundary\r\nContent-Disposition: form-data; name="base"\r\n\r\n37/39\r\n--resdiff-bou',
			});
			await problemOf(await call("/api/compare", init()), 400);
			expect(await pageOf(await call("/compare", init()), 400)).toContain("form could not be read");
		});

		it("refuses text that is not UTF-8 with where the first bad byte is", async () => {
			const upload = () => {
				const form = new FormData();
				form.set("base", "37/39");
				form.set("file", new File([badUtf8() as Uint8Array<ArrayBuffer>], "synthetic-latin1.txt"));
				return { method: "POST", body: form };
			};
			const p = await problemOf(await call("/api/compare", upload()), 422);
			expect(p.detail).toContain(`byte 0xE9 at offset ${badOffset()}`);
			expect(p).toMatchObject({ line: 5 });
			expect(await pageOf(await call("/compare", upload()), 422)).toContain(
				`byte 0xE9 at offset ${badOffset()}`,
			);
			// A JSON body with such bytes is refused before it is read as text.
			const json = Buffer.concat([
				Buffer.from('{"base":"37/39","text":"Caf'),
				Buffer.from([0xe9]),
				Buffer.from('"}'),
			]);
			const q = await problemOf(
				await call("/api/compare", {
					method: "POST",
					headers: { "content-type": "application/json" },
					body: json,
				}),
				400,
			);
			expect(q.detail).toBe("the request body is not valid UTF-8: byte 0xE9 at offset 27");
		});

		it("writes well-formed Word XML whatever characters the text holds", async () => {
			const text = syntheticText().replace(
				"Encourages the Malian authorities",
				"Encourages the \uFFFEMalian\uFFFF authorities\u0001",
			);
			const res = await call("/api/compare", {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ base: "37/39", text, format: "docx" }),
			});
			expect(res.status).toBe(200);
			const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
			for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
				const xml = (await zip.file(name)?.async("string")) ?? "";
				expect(XML_ILLEGAL.test(xml), name).toBe(false);
				expect(() => new DOMParser().parseFromString(xml, "text/xml")).not.toThrow();
			}
			const document = (await zip.file("word/document.xml")?.async("string")) ?? "";
			expect(document).toContain("Malian");
		});
	});
}

suite("PGlite", () => freshPglite());
if (serverUrl) suite("PostgreSQL", () => freshPostgres(serverUrl));

describe("bad input in the CLI", () => {
	it("refuses an unknown --series in one line, exit 2, importing nothing", async () => {
		const dir = tempDataDir();
		const env = { RESDIFF_DATA_DIR: dir, RESDIFF_CORPUS: corpusDir };
		const file = join(dir, "..", "synthetic-99-70.txt");
		writeFileSync(file, syntheticText());
		const run = await runCli(["import", file, "--symbol", "99/70", "--series", "nope"], env);
		expect(run).toMatchObject({ code: 2, stdout: "" });
		expect(run.stderr).toMatch(
			/^resdiff: --series: unknown series "nope"; known: [^\n]*mali-hrc[^\n]*\n$/,
		);
		expect((await runCli(["show", "99/70"], env)).code).toBe(1);
	});

	it("names the file, line and byte of text that is not UTF-8, in one line", async () => {
		const file = join(tempDataDir(), "..", "synthetic-latin1.txt");
		writeFileSync(file, badUtf8());
		const run = await runCli(["show", file]);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe(
			`resdiff: ${file}:5: the text is not valid UTF-8: byte 0xE9 at offset ${badOffset()}; save it as UTF-8 and try again\n`,
		);
	});
});
