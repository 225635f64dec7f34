/**
 * A draft is named as a draft. A draft made from a copy of 37/39 keeps the
 * title line "37/39.", and used to be labelled A/HRC/RES/37/39 everywhere:
 * "Changes from 37/39 to 37/39" on the page, both columns "37/39" side by
 * side, `A/HRC/RES/37/39 → A/HRC/RES/37/39` in the CLI. It is "draft", or
 * the name its sender gives (API field `name`, the page's field "Name of the
 * draft"); its own symbol shows only when it is a draft symbol
 * (A/HRC/40/L.5) or differs from the base. All drafts here are synthetic
 * edits of the shipped 37/39, made by the replacements below.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import type { StructuredDiff } from "../../src/core/diff/index.ts";
import { runCli } from "../helpers/cli.ts";
import { freshPglite, type TestDatabase } from "../helpers/db.ts";
import { shippedText } from "../helpers/paths.ts";
import { seed } from "../helpers/seed.ts";
import { byClass, byId, findAll, flatText, parsePage, textOf } from "../web/html.ts";

/** A copy of 37/39, title line and closing block kept, with one verb strengthened and OP12 removed. */
function copyDraft(): string {
	return shippedText()
		.replace("7.\tEncourages the Malian authorities", "7.\tUrges the Malian authorities")
		.replace(/\n\t*12\.\t[^\n]*\n/, "\n");
}

/** The same copy, carrying a draft symbol on a line of its own above the title. */
function symbolDraft(): string {
	return `A/HRC/40/L.5\n${copyDraft()}`;
}

const tempDir = () => mkdtempSync(join(tmpdir(), "resdiff-draft-"));

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

async function compareJson(body: Record<string, unknown>): Promise<StructuredDiff> {
	const res = await app.request("/api/compare", {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(body),
	});
	expect(res.status).toBe(200);
	return (await res.json()) as StructuredDiff;
}

function form(fields: Record<string, string>): RequestInit {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	return { method: "POST", body };
}

describe("POST /api/compare names the draft", () => {
	it('calls a copy of the base "draft", never by the base\'s symbol or date', async () => {
		const diff = await compareJson({ base: "37/39", text: copyDraft() });
		expect(diff.from.symbol).toBe("A/HRC/RES/37/39");
		expect(diff.to).toMatchObject({ name: "draft", symbol: null, date: null });
		expect(diff.summary.removed).toBe(1);
	});

	it("uses the name it is given, in JSON and in a form", async () => {
		const json = await compareJson({
			base: "37/39",
			text: copyDraft(),
			name: "Zero draft, 2 March",
		});
		expect(json.to.name).toBe("Zero draft, 2 March");
		const res = await app.request(
			"/api/compare",
			form({ base: "37/39", text: copyDraft(), name: "Facilitator's text", format: "md" }),
		);
		expect(res.status).toBe(200);
		const md = await res.text();
		expect(md).toContain("Changes from A/HRC/RES/37/39 to Facilitator's text");
		expect(md).not.toMatch(/to A\/HRC\/RES\/37\/39/);
	});

	it("keeps a draft symbol, and a symbol that differs from the base", async () => {
		const l5 = await compareJson({ base: "37/39", text: symbolDraft() });
		expect(l5.to).toMatchObject({ name: "draft", symbol: "A/HRC/40/L.5" });
		const other = await compareJson({
			base: "37/39",
			text: copyDraft().replace("37/39.\tTechnical", "99/71.\tSynthetic draft: technical"),
		});
		expect(other.to).toMatchObject({ name: "draft", symbol: "A/HRC/RES/99/71" });
	});

	it("names a removed paragraph's side in Markdown: the base's OP12, not the draft's", async () => {
		const res = await app.request(
			"/api/compare",
			form({ base: "37/39", text: copyDraft(), format: "md" }),
		);
		const md = await res.text();
		expect(md).toContain("**37/39 OP12** · − Removed");
		expect(md).not.toMatch(/^\*\*OP12\*\* · − Removed/m);
	});
});

describe("the /compare page names the draft", () => {
	it('heads the result "Changes from 37/39 to draft"', async () => {
		const res = await app.request(
			"/compare",
			form({ base: "37-39", text: copyDraft(), format: "page" }),
		);
		expect(res.status).toBe(200);
		const doc = parsePage(await res.text());
		expect(textOf(byId(doc, "result") ?? doc)).toBe("Changes from 37/39 to draft");
	});

	it("labels the columns side by side 37/39 and the draft's name, and keeps the name in the form", async () => {
		const res = await app.request(
			"/compare",
			form({
				base: "37-39",
				text: copyDraft(),
				name: "Zero draft",
				layout: "side-by-side",
				format: "page",
			}),
		);
		const doc = parsePage(await res.text());
		const labels = findAll(byId(doc, "OP7") ?? doc, byClass("rd-side-label")).map(flatText);
		expect(labels).toEqual(["37/39, OP7", "Zero draft, OP7"]);
		expect(textOf(byId(doc, "result") ?? doc)).toBe("Changes from 37/39 to Zero draft");
		const field = byId(doc, "draft-name");
		expect(field?.attrs.find((a) => a.name === "value")?.value).toBe("Zero draft");
	});

	it("shows a draft symbol beside the name", async () => {
		const res = await app.request(
			"/compare",
			form({ base: "37-39", text: symbolDraft(), format: "page" }),
		);
		const doc = parsePage(await res.text());
		expect(textOf(byId(doc, "result") ?? doc)).toBe("Changes from 37/39 to draft (A/HRC/40/L.5)");
	});
});

describe("resdiff diff with a draft file", () => {
	it("prints 37/39 → draft, and names the removed paragraph's side", async () => {
		const dir = tempDir();
		const file = join(dir, "copy-of-37-39.txt");
		writeFileSync(file, copyDraft());
		const run = await runCli(["diff", "37/39", file]);
		expect(run.code).toBe(0);
		const [first] = run.stdout.split("\n");
		expect(first).toBe("A/HRC/RES/37/39 → draft");
		expect(run.stdout).toMatch(/^37\/39 OP12 {2}removed$/m);
		const named = await runCli(["diff", "37/39", file, "--name", "Zero draft"]);
		expect(named.stdout.split("\n")[0]).toBe("A/HRC/RES/37/39 → Zero draft");
	});

	it("keeps the symbol of a file that is another resolution", async () => {
		const dir = tempDir();
		const file = join(dir, "other.txt");
		writeFileSync(
			file,
			copyDraft().replace("37/39.\tTechnical", "99/72.\tSynthetic text: technical"),
		);
		const run = await runCli(["diff", "37/39", file]);
		expect(run.stdout.split("\n")[0]).toBe("A/HRC/RES/37/39 → A/HRC/RES/99/72");
	});
});
