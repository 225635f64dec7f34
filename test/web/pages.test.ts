/**
 * The web pages in-process (app.request), over a database with the shipped
 * corpus (only 37/39 of the Mali series stored) and the synthetic series
 * 99/1..99/3: statuses, anchors, what the pages say, that they agree with
 * the API, that every text is escaped, and that errors are HTML pages.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import type { StructuredDiff } from "../../src/core/diff/index.ts";
import type { Lineage } from "../../src/core/lineage/index.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { anchorId } from "../../src/render/index.ts";
import { freshPglite, freshPostgres, type TestDatabase } from "../helpers/db.ts";
import { MALI_MEMBERS } from "../helpers/mali-members.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { seed } from "../helpers/seed.ts";
import {
	attr,
	attrOf,
	byAttr,
	byClass,
	byId,
	byTag,
	type Document,
	findAll,
	flatText,
	ids,
	parsePage,
	textOf,
} from "./html.ts";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
	console.warn(
		"\n[notice] web pages on PostgreSQL: skipped, DATABASE_URL is not set (CI sets it)\n",
	);

let test: TestDatabase;
let app: ReturnType<typeof buildApp>;
let logged: unknown[] = [];

async function page(
	path: string,
	init?: RequestInit,
): Promise<{ res: Response; doc: Document; html: string }> {
	const res = await app.request(path, init);
	const html = await res.text();
	return { res, doc: parsePage(html), html };
}

async function api<T>(path: string): Promise<T> {
	const res = await app.request(path);
	expect(res.status, path).toBe(200);
	return (await res.json()) as T;
}

function expectHtml(res: Response, status: number): void {
	expect(res.status).toBe(status);
	expect(res.headers.get("content-type")).toMatch(/^text\/html; charset=utf-8$/i);
}

/** The paragraph blocks of a redline on a page. */
function blocks(doc: Document) {
	const root = byId(doc, "redline");
	return root ? findAll(root, byClass("rd-para")) : [];
}

/** A synthetic draft: 37/39 with one verb strengthened and one paragraph holding markup. */
function syntheticDraft(): string {
	return shippedText()
		.replace(
			"37/39.\tTechnical assistance",
			"99/70.\tSynthetic web test draft: technical assistance",
		)
		.replace("7.\tEncourages the Malian authorities", "7.\tUrges the Malian authorities")
		.replace(
			"32.\tDecides to remain seized of this matter.",
			'32.\tRequests <script>alert("x")</script> & "quotes" to stay literal;\n\t33.\tDecides to remain seized of this matter.',
		);
}

function form(fields: Record<string, string | Blob>): RequestInit {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	return { method: "POST", body };
}

/** Every page test, over a database opened by `open`: PGlite always, PostgreSQL when configured. */
function pageSuite(label: string, open: () => Promise<TestDatabase>): void {
	describe(`web pages on ${label}`, () => {
		beforeAll(async () => {
			test = await open();
			logged = [];
			await seed(test.handle.db);
			app = buildApp({
				services: () => ({ db: test.handle.db }),
				logError: (e) => logged.push(e),
			});
		});
		afterAll(async () => {
			await test?.dispose();
			// No page met an error that is a bug.
			expect(logged).toEqual([]);
		});

		describe("the series at a glance (/)", () => {
			it("lists every member in order with its date, and how to get the missing ones", async () => {
				const { res, doc } = await page("/");
				expectHtml(res, 200);
				const members = findAll(doc, byAttr("data-member"));
				expect(members.map((m) => attr(m, "data-member"))).toEqual([...MALI_MEMBERS]);
				expect(members.map((m) => attr(m, "data-present"))).toEqual(
					MALI_MEMBERS.map((n) => String(n === "37/39")),
				);
				const at = (n: string) => flatText(members[MALI_MEMBERS.indexOf(n as never)] ?? doc);
				const missing = at("34/39");
				expect(missing).toContain("adopted 24 March 2017");
				expect(missing).toContain("npx resdiff fetch 34/39");
				expect(missing).toContain("npx resdiff import <file>");
				expect(at("37/39")).toContain("adopted 23 March 2018");
				expect(at("21/25")).toContain("adopted 28 September 2012");
				expect(at("21/25")).toContain("Situation of human rights in the Republic of Mali");
				expect(at("61/37")).toContain("adopted 31 March 2026");
				// A date the manifest has not confirmed is not made up: the year alone, and a title to confirm.
				expect(at("40/26")).toContain("adopted in 2019");
				expect(at("40/26")).toContain("Title to be confirmed from the official text");
			});

			it("shows, between stored neighbours, the API's counts as numbers and bars", async () => {
				const { res, doc } = await page("/?series=synthetic-test");
				expectHtml(res, 200);
				for (const [from, to] of [
					["99-1", "99-2"],
					["99-2", "99-3"],
				]) {
					const { summary } = await api<StructuredDiff>(`/api/diff?from=${from}&to=${to}`);
					const member = byId(doc, to ?? "");
					expect(member, to).toBeDefined();
					const counts = Object.fromEntries(
						findAll(member ?? doc, byAttr("data-count")).map((dd) => [
							attr(dd, "data-count"),
							Number(flatText(dd)),
						]),
					);
					expect(counts).toEqual({
						new: summary.new,
						removed: summary.removed,
						reworded: summary.reworded,
						moved: summary.moved,
					});
					expect(findAll(member ?? doc, byTag("svg")).length).toBe(4);
				}
				// The first member has nothing before it.
				expect(findAll(byId(doc, "99-1") ?? doc, byAttr("data-count"))).toHaveLength(0);
			});

			it("answers an unknown series with a 404 page naming the known ones", async () => {
				const { res, doc } = await page("/?series=nope");
				expectHtml(res, 404);
				expect(flatText(doc)).toContain('Unknown series "nope"');
				expect(flatText(doc)).toContain("mali-hrc");
			});
		});

		describe("the lineage picture (/lineage)", () => {
			it("has a row per clause and a column per stored member, each cell marked in words and a symbol", async () => {
				const lineage = await api<Lineage>("/api/series/synthetic-test/lineage");
				const { res, doc } = await page("/lineage?series=synthetic-test");
				expectHtml(res, 200);
				const table = findAll(doc, byClass("lineage"))[0];
				expect(table).toBeDefined();
				const rows = findAll(table ?? doc, byTag("tr")).slice(1);
				expect(rows).toHaveLength(lineage.clauses.length);
				rows.forEach((row, i) => {
					const clause = lineage.clauses[i];
					const header = findAll(row, byTag("th"))[0];
					const year = lineage.members[clause?.first ?? 0]?.date?.slice(0, 4);
					expect(flatText(header ?? row).startsWith(year ?? "?")).toBe(true);
					const cells = findAll(row, byTag("td"));
					expect(cells).toHaveLength(lineage.members.length);
					cells.forEach((td, k) => {
						const cell = clause?.cells[k] ?? null;
						const symbol = flatText(findAll(td, byClass("sym"))[0] ?? td);
						const words = flatText(findAll(td, byClass("visually-hidden"))[0] ?? td);
						expect(symbol).not.toBe("");
						expect(words).toMatch(/^(: )?[A-Z][a-z]+/);
						expect(attr(td, "class")).toContain(`ln-${attr(td, "data-state")}`);
						if (cell) {
							const link = findAll(td, byTag("a"))[0];
							const member = lineage.members[k]?.symbol
								?.replace("A/HRC/RES/", "")
								.replace("/", "-");
							expect(link && attr(link, "href")).toBe(`/paragraph/${member}/${cell.ref}`);
						}
					});
				});
				// A clause still in the latest member is anchored at its ref there.
				const latest = lineage.clauses.find((c) => c.cells.at(-1));
				expect(byId(doc, latest?.cells.at(-1)?.ref ?? "")?.tagName).toBe("tr");
				const all = ids(doc);
				expect(new Set(all).size).toBe(all.length);
			});

			it("narrows to a window of members, still dating each clause from its first member", async () => {
				const { res, doc } = await page("/lineage?series=synthetic-test&from=99-2&to=99-3");
				expectHtml(res, 200);
				const table = findAll(doc, byClass("lineage"))[0] ?? doc;
				const heads = findAll(findAll(table, byTag("thead"))[0] ?? table, byTag("th"));
				expect(heads.map((h) => flatText(h).slice(0, 4))).toEqual(["Firs", "99/2", "99/3"]);
				const years = findAll(table, byClass("first")).map((y) => flatText(y));
				expect(new Set(years)).toEqual(new Set(["2031", "2032", "2033"]));
				expect(flatText(byId(doc, "OP4") ?? doc).startsWith("2032")).toBe(true);
				expectHtml((await page("/lineage?series=synthetic-test&from=12-34")).res, 404);
			});

			it("shows the clauses page by page, every clause once, with links between the pages", async () => {
				const whole = await api<Lineage>("/api/series/synthetic-test/lineage?pageSize=1000");
				const size = 10;
				const pages = Math.ceil(whole.clauses.length / size);
				expect(pages).toBeGreaterThan(2);
				const seen: string[] = [];
				let path: string | undefined = `/lineage?series=synthetic-test&pageSize=${size}`;
				for (let n = 1; path; n++) {
					const { res, doc } = await page(path);
					expectHtml(res, 200);
					const rows = findAll(doc, byAttr("data-clause"));
					expect(rows.length).toBeLessThanOrEqual(size);
					seen.push(...rows.map((r) => attr(r, "data-clause") ?? ""));
					const nav = findAll(doc, byClass("pages"))[0];
					expect(flatText(nav ?? doc)).toContain(`page ${n} of ${pages}`);
					const next = findAll(nav ?? doc, byAttr("rel", "next"))[0];
					path = next ? attr(next, "href")?.replace(/#clauses$/, "") : undefined;
					expect(n).toBeLessThanOrEqual(pages);
				}
				expect(seen).toEqual(whole.clauses.map((c) => c.id));
				// Without pageSize, a page holds up to 200 clauses: the synthetic series fits on one, unnavigated.
				const { doc } = await page("/lineage?series=synthetic-test");
				expect(findAll(doc, byAttr("data-clause"))).toHaveLength(whole.clauses.length);
				expect(findAll(doc, byClass("pages"))).toEqual([]);
				expectHtml((await page("/lineage?series=synthetic-test&page=99")).res, 404);
				expectHtml((await page("/lineage?series=synthetic-test&page=first")).res, 400);
			});

			it("marks the removed clause as removed in the member that dropped it", async () => {
				const { doc } = await page("/lineage?series=synthetic-test");
				const removed = findAll(doc, byAttr("data-state", "removed"));
				expect(removed.length).toBeGreaterThanOrEqual(1);
				expect(flatText(removed[0] ?? doc)).toContain("Removed in 99/2");
			});
		});

		describe("the redline page (/diff/{from}/{to})", () => {
			it("shows every change of the JSON, with its status, and the same insertions and deletions", async () => {
				const diff = await api<StructuredDiff>("/api/diff?from=99-1&to=99-2");
				const { res, doc } = await page("/diff/99-1/99-2");
				expectHtml(res, 200);
				const shown = blocks(doc);
				expect(shown).toHaveLength(diff.changes.length);
				expect(shown.map((b) => attr(b, "data-status"))).toEqual(diff.changes.map((c) => c.status));
				const root = byId(doc, "redline") ?? doc;
				const segments = diff.changes.flatMap((c) => c.segments);
				expect(findAll(root, byTag("ins"))).toHaveLength(
					segments.filter((s) => s.op === "insert").length,
				);
				expect(findAll(root, byTag("del"))).toHaveLength(
					segments.filter((s) => s.op === "delete").length,
				);
			});

			it("gives every paragraph a stable anchor, the new ref (removed ones: removed-PPn)", async () => {
				const diff = await api<StructuredDiff>("/api/diff?from=99-1&to=99-2");
				const { doc } = await page("/diff/99-1/99-2");
				for (const change of diff.changes)
					expect(byId(doc, anchorId(change)), anchorId(change)).toBeDefined();
				expect(attrOf(byId(doc, "OP8"), "data-lead-shift")).toBe("stronger");
				expect(attrOf(byId(doc, "removed-PP20"), "data-status")).toBe("removed");
				const all = ids(doc);
				expect(new Set(all).size).toBe(all.length);
			});

			it("filters by query parameters: only changes, operative only, routine hidden, side by side", async () => {
				const only = blocks((await page("/diff/99-1/99-2?only=changes")).doc);
				expect(only.length).toBe(5);
				expect(only.every((b) => attr(b, "data-status") !== "unchanged")).toBe(true);

				const operative = blocks((await page("/diff/99-1/99-2?kind=operative")).doc);
				expect(operative.length).toBeGreaterThan(0);
				expect(operative.every((b) => attr(b, "data-kind") === "operative")).toBe(true);

				const both = await page("/diff/99-1/99-2?only=changes&routine=hide");
				expect(blocks(both.doc).map((b) => attr(b, "data-routine"))).toEqual([
					"false",
					"false",
					"false",
				]);
				expect(flatText(byId(both.doc, "shown") ?? both.doc)).toBe("Showing 3 of 54 paragraphs.");
				// The layout and filter controls, not the review form further down the page.
				const controls = findAll(
					both.doc,
					(el) => el.tagName === "form" && attr(el, "class") === "controls",
				)[0];
				const checked = findAll(
					controls ?? both.doc,
					(el) => el.tagName === "input" && attr(el, "checked") !== undefined,
				);
				expect(checked.map((i) => `${attr(i, "name")}=${attr(i, "value")}`).sort()).toEqual([
					"layout=inline",
					"only=changes",
					"routine=hide",
				]);

				const sbs = await page("/diff/99-1/99-2?layout=side-by-side&only=changes");
				const root = byId(sbs.doc, "redline") ?? sbs.doc;
				expect(findAll(root, byClass("rd-layout-side-by-side"))).toHaveLength(1);
				expect(findAll(root, byClass("rd-sbs"))).toHaveLength(blocks(sbs.doc).length);
			});

			it("links to the Word and Markdown downloads of the API, which answer with files", async () => {
				const { doc } = await page("/diff/99-1/99-2");
				const hrefs = findAll(doc, byTag("a")).map((a) => attr(a, "href") ?? "");
				for (const [format, type] of [
					["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
					["md", "text/markdown; charset=utf-8"],
				]) {
					const href = `/api/diff?from=99-1&to=99-2&format=${format}`;
					expect(hrefs).toContain(href);
					const res = await app.request(href);
					expect(res.status).toBe(200);
					expect(res.headers.get("content-type")).toBe(type);
					expect(res.headers.get("content-disposition")).toContain(
						`resdiff-99-1-to-99-2.${format}`,
					);
				}
			});

			it("takes members in any usual form, and sends the picker's choice on to the page", async () => {
				expectHtml((await page("/diff/A-HRC-RES-99-1/99%2F2")).res, 200);
				const res = await app.request("/diff?from=99/1&to=99-3&only=changes");
				expect(res.status).toBe(303);
				expect(res.headers.get("location")).toBe("/diff/99-1/99-3?only=changes");
				const picker = await page("/diff");
				expectHtml(picker.res, 200);
				expect(findAll(picker.doc, byTag("label")).map((l) => flatText(l))).toEqual([
					"Earlier text",
					"Later text",
				]);
			});

			it("answers an unknown member with a 404 page that lists the stored ones", async () => {
				const { res, doc } = await page("/diff/99-1/12-34");
				expectHtml(res, 404);
				const text = flatText(doc);
				expect(text).toContain("No stored resolution A/HRC/RES/12/34");
				expect(text).toContain("A/HRC/RES/99/3");
				expect(findAll(doc, byTag("h1")).map((h) => flatText(h))).toEqual(["Not found"]);
			});
		});

		describe("one paragraph's history (/paragraph/{member}/{ref})", () => {
			it("follows language added in 99/2 from the year it first appeared", async () => {
				const { res, doc } = await page("/paragraph/99-3/op4");
				expectHtml(res, 200);
				expect(flatText(findAll(doc, byClass("lede"))[0] ?? doc)).toContain(
					"first appeared in 2032",
				);
				expect(byId(doc, "OP4")).toBeDefined();
				expect(flatText(byId(doc, "OP4") ?? doc)).toContain("synthetic test commitment");
				const steps = findAll(doc, byClass("history-step"));
				expect(steps.map((s) => attr(s, "data-member"))).toEqual(["99/2", "99/3"]);
				expect(byId(doc, "99-2-OP4")).toBeDefined();
				expect(attrOf(byId(doc, "99-2-OP4"), "data-status")).toBe("new");
			});

			it("shows the redline between each two years of a reworded paragraph", async () => {
				const { doc } = await page("/paragraph/99-3/OP8");
				const steps = findAll(doc, byClass("history-step"));
				expect(steps.map((s) => attr(s, "data-member"))).toEqual(["99/1", "99/2", "99/3"]);
				// The first stored member: the text as adopted, no redline.
				expect(findAll(steps[0] ?? doc, byTag("ins"))).toHaveLength(0);
				expect(flatText(steps[0] ?? doc)).toContain("Encourages the Malian authorities");
				// The verb was strengthened in 99/2, and the page says so.
				const second = steps[1] ?? doc;
				expect(flatText(findAll(second, byTag("del"))[0] ?? second)).toContain("Encourages");
				expect(flatText(findAll(second, byTag("ins"))[0] ?? second)).toContain("Urges");
				expect(attrOf(findAll(second, byClass("rd-para"))[0], "data-lead-shift")).toBe("stronger");
				expect(attrOf(steps[2], "class")).toContain("asked");
			});

			it("shows where a paragraph was dropped", async () => {
				const { doc } = await page("/paragraph/99-1/PP20");
				const steps = findAll(doc, byClass("history-step"));
				expect(steps.map((s) => attr(s, "data-state"))).toEqual(["present", "removed"]);
				expect(byId(doc, "99-2-removed-PP20")).toBeDefined();
			});

			it("answers a paragraph the member does not have with a 404 page listing its refs", async () => {
				const { res, doc } = await page("/paragraph/99-3/OP99");
				expectHtml(res, 404);
				expect(flatText(doc)).toContain("99/3 has no paragraph OP99");
				expect(flatText(doc)).toContain("OP33");
			});
		});

		describe("new language (/new/{member})", () => {
			it("lists the language a member added, operative first, each paragraph anchored at its ref", async () => {
				const { res, doc } = await page("/new/99-3");
				expectHtml(res, 200);
				const operative = byId(doc, "operative");
				expect(flatText(operative ?? doc)).toBe("Operative paragraphs (1)");
				const paras = findAll(doc, byClass("para"));
				expect(paras.map((p) => attr(p, "id"))).toEqual(["OP33"]);
				expect(flatText(paras[0] ?? doc)).toContain("annual inventory of every pledge");
				expect(findAll(paras[0] ?? doc, byTag("a")).map((a) => attr(a, "href"))).toEqual([
					"/paragraph/99-3/OP33",
				]);
			});

			it("says that everything in the first stored member is new to the stored texts", async () => {
				const { doc } = await page("/new/37-39");
				expect(flatText(doc)).toContain("37/39 is the first stored member of the series");
			});
		});

		describe("comparing a draft (/compare)", () => {
			it("offers a labelled form: member, pasted text, file", async () => {
				const { res, doc } = await page("/compare");
				expectHtml(res, 200);
				const labelled = findAll(doc, byTag("label"))
					.map((l) => attr(l, "for"))
					.filter(Boolean);
				expect(labelled).toEqual(["base", "draft-text", "draft-file", "draft-name"]);
				expect(attrOf(findAll(doc, byTag("form"))[0], "enctype")).toBe("multipart/form-data");
			});

			it("shows the redline of a pasted draft, its markup as text, and keeps the draft in the form", async () => {
				const { res, doc, html } = await page(
					"/compare",
					form({ base: "37-39", text: syntheticDraft(), format: "page", only: "changes" }),
				);
				expectHtml(res, 200);
				const root = findAll(doc, byClass("rd-redline"))[0] ?? doc;
				expect(findAll(root, byTag("ins")).length).toBeGreaterThan(0);
				expect(findAll(root, byTag("del")).length).toBeGreaterThan(0);
				expect(attrOf(byId(doc, "OP7"), "data-lead-shift")).toBe("stronger");
				const op32 = byId(doc, "OP32");
				expect(op32, "the draft's new OP32 has a block").toBeDefined();
				expect(attrOf(op32, "data-status")).toBe("new");
				expect(flatText(op32 ?? doc)).toContain('Requests <script>alert("x")</script> & "quotes"');
				expect(html).not.toContain("<script>alert");
				expect(findAll(doc, byTag("script")).map((s) => attr(s, "src"))).toEqual([
					expect.stringMatching(/^\/assets\/enhance\.js\?v=/),
				]);
				expect(textOf(byId(doc, "draft-text") ?? doc)).toBe(syntheticDraft());
			});

			it("gives the comparison as a Markdown or Word download", async () => {
				const md = await app.request(
					"/compare",
					form({ base: "37-39", text: syntheticDraft(), format: "md" }),
				);
				expect(md.status).toBe(200);
				expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
				expect(md.headers.get("content-disposition")).toMatch(
					/attachment; filename="resdiff-37-39-to-99-70\.md"/,
				);
				expect(await md.text()).toContain("Urges");
				const docx = await app.request(
					"/compare",
					form({ base: "37-39", text: syntheticDraft(), format: "docx" }),
				);
				expect(docx.status).toBe(200);
				const bytes = new Uint8Array(await docx.arrayBuffer());
				expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
			});

			it("reads an uploaded plain-text file", async () => {
				const file = new File([syntheticDraft()], "draft.txt", { type: "text/plain" });
				const { res, doc } = await page(
					"/compare",
					form({ base: "37-39", text: "", file, format: "page" }),
				);
				expectHtml(res, 200);
				expect(attrOf(byId(doc, "OP7"), "data-lead-shift")).toBe("stronger");
			});

			it("reads an uploaded Word file (a synthetic rendering of the draft)", async () => {
				const bytes = await renderDocx(parseResolution(syntheticDraft()));
				const file = new File([bytes.slice().buffer as ArrayBuffer], "draft.docx", {
					type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				});
				const { res, doc } = await page(
					"/compare",
					form({ base: "37-39", text: "", file, format: "page" }),
				);
				expectHtml(res, 200);
				expect(attrOf(byId(doc, "OP7"), "data-lead-shift")).toBe("stronger");
				expect(attrOf(byId(doc, "OP32"), "data-status")).toBe("new");
			});

			it("answers a file it does not read with the reason", async () => {
				const file = new File(
					[new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])],
					"old.doc",
				);
				const { res, doc } = await page(
					"/compare",
					form({ base: "37-39", text: "", file, format: "page" }),
				);
				expectHtml(res, 415);
				expect(flatText(findAll(doc, byAttr("role", "alert"))[0] ?? doc)).toContain(
					"save it as DOCX",
				);
			});

			it("answers a draft it cannot read with the form, the reason, the text kept, and the status that fits", async () => {
				const hostile = "</textarea><script>alert(1)</script> no paragraphs here";
				const unreadable = await page(
					"/compare",
					form({ base: "37-39", text: hostile, format: "page" }),
				);
				expectHtml(unreadable.res, 422);
				expect(
					flatText(findAll(unreadable.doc, byAttr("role", "alert"))[0] ?? unreadable.doc),
				).toMatch(/^That text cannot be read\. /);
				expect(textOf(byId(unreadable.doc, "draft-text") ?? unreadable.doc)).toBe(hostile);
				expect(attrOf(byId(unreadable.doc, "draft-text"), "aria-invalid")).toBe("true");
				expect(unreadable.html).not.toContain("<script>alert");

				const empty = await page("/compare", form({ base: "37-39", text: "  ", format: "page" }));
				expectHtml(empty.res, 400);
				expect(flatText(empty.doc)).toContain("Paste a draft or choose a file to compare");

				const unknown = await page("/compare", form({ base: "12-34", text: syntheticDraft() }));
				expectHtml(unknown.res, 404);
				expect(flatText(unknown.doc)).toContain("No stored resolution A/HRC/RES/12/34");
			});
		});

		describe("what every page shares", () => {
			it("answers an address no page has with a 404 page, and leaves the API's answers alone", async () => {
				const { res, doc } = await page("/nowhere/<b>here</b>");
				expectHtml(res, 404);
				expect(flatText(doc)).toContain("There is no page at /nowhere/");
				const api404 = await app.request("/api/nowhere");
				expect(api404.status).toBe(404);
				expect(api404.headers.get("content-type")).toBe("application/problem+json");
			});

			it("sends a Content Security Policy that allows only the site's own files", async () => {
				for (const path of ["/", "/lineage", "/diff/99-1/99-2", "/compare", "/new/99-2"]) {
					const res = await app.request(path);
					const csp = res.headers.get("content-security-policy") ?? "";
					expect(csp, path).toContain("default-src 'none'");
					expect(csp, path).toContain("script-src 'self'");
				}
			});

			it("serves its stylesheet and script, with a print part and a content hash in their addresses", async () => {
				const { doc } = await page("/");
				const css = attrOf(findAll(doc, byAttr("rel", "stylesheet"))[0], "href") ?? "";
				expect(css).toMatch(/^\/assets\/resdiff\.css\?v=[0-9a-f]{8}$/);
				const res = await app.request(css);
				expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
				expect(await res.text()).toContain("@media print");
				expect((await app.request("/assets/nothing.js")).status).toBe(404);
			});

			it("has one h1, a skip link to the main content, and a labelled navigation on every page", async () => {
				for (const path of [
					"/",
					"/lineage",
					"/diff/99-1/99-2",
					"/paragraph/99-3/OP8",
					"/new/99-2",
					"/compare",
					"/nowhere",
				]) {
					const { doc } = await page(path);
					expect(findAll(doc, byTag("h1")), path).toHaveLength(1);
					expect(attrOf(findAll(doc, byClass("skip-link"))[0], "href")).toBe("#main");
					expect(byId(doc, "main")?.tagName).toBe("main");
					expect(attrOf(findAll(doc, byTag("nav"))[0], "aria-label")).toBe("Site");
					expect(attrOf(findAll(doc, byTag("html"))[0], "lang")).toBe("en");
				}
			});
		});

		describe("pages when the service fails", () => {
			it("tells of an unexpected error on an HTML page without its details, and logs it", async () => {
				const errors: unknown[] = [];
				const broken = buildApp({
					services: () => {
						throw new Error("internal detail: postgres://secret@db");
					},
					logError: (e) => errors.push(e),
				});
				const res = await broken.request("/lineage");
				expectHtml(res, 500);
				const html = await res.text();
				expect(html).not.toContain("secret");
				expect(flatText(parsePage(html))).toContain("The server met an unexpected error");
				expect(errors).toHaveLength(1);
			});

			it("cuts a page that takes too long with a 503 page that says to try again", async () => {
				let release = () => {};
				const held = new Promise<void>((r) => {
					release = r;
				});
				const slow = buildApp({
					// The services never come until the timeout has answered.
					services: async () => {
						await held;
						return { db: test.handle.db };
					},
					requestTimeoutMs: 50,
				});
				const res = await slow.request("/");
				release();
				expectHtml(res, 503);
				expect(res.headers.get("retry-after")).toBe("5");
				expect(flatText(parsePage(await res.text()))).toContain("try again in a moment");
			});
		});
	});
}

pageSuite("PGlite", () => freshPglite());
if (serverUrl) pageSuite("PostgreSQL", () => freshPostgres(serverUrl));
