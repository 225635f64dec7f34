/**
 * The small things a newcomer met on a fresh clone, over a database with the
 * shipped corpus (only 37/39 of the Mali series) and the synthetic series
 * 99/1..99/3: a stored text can be read whole at /resolution/{member}, with
 * anchors and footnotes; asking for a listed member that is not stored says
 * how to get it (`fetch 34/39`) on the API, the pages and the CLI; a filter
 * that leaves nothing says why; counts agree with their nouns; the CLI
 * prints its version and says plainly what `import` did.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { runCli } from "../helpers/cli.ts";
import { freshPglite, type TestDatabase, tempDataDir } from "../helpers/db.ts";
import { repoRoot } from "../helpers/paths.ts";
import { seed } from "../helpers/seed.ts";
import { byClass, byId, byTag, findAll, flatText, ids, parsePage, textOf } from "./html.ts";

let test: TestDatabase;
let app: ReturnType<typeof buildApp>;

beforeAll(async () => {
	test = await freshPglite();
	await seed(test.handle.db);
	app = buildApp({ services: () => ({ db: test.handle.db }) });
});
afterAll(async () => {
	await test?.dispose();
});

async function page(path: string) {
	const res = await app.request(path);
	const html = await res.text();
	return { res, doc: parsePage(html), html };
}

describe("reading a stored text (/resolution/{member})", () => {
	it("shows every paragraph under its ref, with its footnotes and a link to its history", async () => {
		const { res, doc } = await page("/resolution/37-39");
		expect(res.status).toBe(200);
		const refs = ids(doc).filter((id) => /^(PP|OP)\d+$/.test(id));
		expect(refs.filter((r) => r.startsWith("PP"))).toHaveLength(21);
		expect(refs.filter((r) => r.startsWith("OP"))).toHaveLength(32);
		const op5 = byId(doc, "OP5");
		expect(flatText(op5 ?? doc)).toMatch(/^OP5.*Calls upon/s);
		expect(
			findAll(op5 ?? doc, byTag("a")).some((a) =>
				a.attrs.some((x) => x.name === "href" && x.value === "/paragraph/37-39/OP5"),
			),
		).toBe(true);
		// 37/39's first footnote hangs on PP17.
		expect(flatText(byId(doc, "PP17") ?? doc)).toContain("[1] S/2017/1105.");
		expect(textOf(findAll(doc, byTag("h1"))[0] ?? doc)).toMatch(/^37\/39: /);
	});

	it("is linked from the series page", async () => {
		const { html } = await page("/");
		expect(html).toContain('href="/resolution/37-39"');
	});

	it("links a contents entry to each paragraph's anchor", async () => {
		const { doc } = await page("/resolution/A%2FHRC%2FRES%2F37%2F39");
		const nav = findAll(doc, byClass("para-index"))[0];
		const hrefs = findAll(nav ?? doc, byTag("a")).map(
			(a) => a.attrs.find((x) => x.name === "href")?.value,
		);
		expect(hrefs).toContain("#OP5");
		expect(hrefs).toHaveLength(53);
	});
});

describe("a listed member that is not stored", () => {
	it("answers the API's 404 with the fetch command", async () => {
		const res = await app.request("/api/diff?from=34-39&to=37-39");
		expect(res.status).toBe(404);
		const p = (await res.json()) as { detail: string; known: string[] };
		expect(p.detail).toContain("npx resdiff fetch 34/39");
		expect(p.known).toContain("A/HRC/RES/37/39");
	});

	it("answers the redline page and the reading page with the fetch command", async () => {
		for (const path of ["/diff/34-39/37-39", "/resolution/34-39"]) {
			const { res, html } = await page(path);
			expect(res.status, path).toBe(404);
			expect(html, path).toContain("npx resdiff fetch 34/39");
		}
	});

	it("still answers an unknown symbol without suggesting a fetch", async () => {
		const res = await app.request("/api/resolutions/12-34");
		expect(res.status).toBe(404);
		const p = (await res.json()) as { detail: string };
		expect(p.detail).toContain("no stored resolution A/HRC/RES/12/34");
		expect(p.detail).not.toContain("fetch");
	});
});

describe("the redline page's filters", () => {
	it("says what found nothing when the filters leave no paragraph", async () => {
		const { doc } = await page("/diff/37-39/37-39?only=changes");
		const shown = flatText(byId(doc, "shown") ?? doc);
		expect(shown).toContain("Showing 0 of 53 paragraphs.");
		expect(shown).toContain("No paragraph changed.");
		const preambular = await page("/diff/99-2/99-3?only=changes&kind=preambular");
		expect(flatText(byId(preambular.doc, "shown") ?? preambular.doc)).toContain(
			"No preambular paragraph changed.",
		);
		const all = findAll(byId(doc, "shown") ?? doc, byTag("a"))[0];
		expect(all?.attrs.find((a) => a.name === "href")?.value).toBe("/diff/37-39/37-39");
	});

	it("says nothing more when something is shown", async () => {
		const { doc } = await page("/diff/99-2/99-3?only=changes");
		expect(flatText(byId(doc, "shown") ?? doc)).not.toContain("No ");
	});
});

describe("counts and their nouns", () => {
	it('says "1 stored member" on the lineage of a series with one', async () => {
		const { doc } = await page("/lineage?series=mali-hrc");
		const caption = flatText(findAll(doc, byTag("caption"))[0] ?? doc);
		expect(caption).toMatch(/^\d+ clauses across 1 stored member$/);
	});
});

describe("the CLI", () => {
	it("prints its version", async () => {
		const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
			version: string;
		};
		const run = await runCli(["--version"]);
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(`resdiff ${pkg.version}\n`);
	});

	it("suggests fetch for a listed member that is not stored, with a database", async () => {
		// A data folder that exists: the CLI reads the database, as after `npm start`.
		const dataDir = tempDataDir();
		mkdirSync(dataDir, { recursive: true });
		const run = await runCli(["show", "34/39"], { RESDIFF_DATA_DIR: dataDir });
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("npx resdiff fetch 34/39");
	});

	it("says what import did without repeating the folder's name", async () => {
		const run = await runCli(["import"], { RESDIFF_DATA_DIR: tempDataDir() });
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^the texts in .*corpus\/ are stored in /);
		expect(run.stdout).not.toMatch(/corpus \S*corpus is/);
	});
});
