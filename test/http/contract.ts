/**
 * The API contract, run against the app in-process, the Node server over real
 * HTTP, and the Worker under workerd. `call` sends a request to whichever it is;
 * the database behind it holds the shipped corpus and the synthetic test series.
 */

import { afterAll, describe, expect, it } from "vitest";
import { StructuredDiff } from "../../src/core/diff/index.ts";
import { Lineage, NewLanguage } from "../../src/core/lineage/index.ts";
import { type Paragraph, paragraphText } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { MALI_MEMBERS } from "../helpers/mali-members.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { renderPdf } from "../helpers/render-pdf.ts";

interface Span {
	text: string;
	status: "new" | "kept";
	source: { symbol: string; ref: string } | null;
	first: { symbol: string; ref: string } | null;
}

interface Provenance {
	paragraph: Paragraph;
	text: string;
	spans: Span[];
	note: { text: string };
}

export type Call = (path: string, init?: RequestInit) => Promise<Response>;

export interface ContractOptions {
	/** The admin token the server was started with, if any. */
	readonly adminToken?: string;
	/** Whether the server reads uploaded files (the Node service does; a Worker takes text only). */
	readonly uploads?: boolean;
	/**
	 * Runs SQL on the server's database behind its back, where the test can reach it (in-process,
	 * and PostgreSQL under the Worker; not PGlite held by another process). The cache tests need it.
	 */
	readonly sql?: (query: string) => Promise<void>;
}

const PROBLEM = "application/problem+json";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function expectProblem(
	res: Response,
	status: number,
): Promise<{ type: string; detail: string; known?: string[]; line?: number }> {
	expect(res.status).toBe(status);
	expect(res.headers.get("content-type")).toBe(PROBLEM);
	const body = (await res.json()) as {
		type: string;
		title: string;
		status: number;
		detail: string;
	};
	expect(body).toMatchObject({
		status,
		type: expect.stringMatching(/^\/problems\//),
		title: expect.any(String),
		detail: expect.any(String),
	});
	return body;
}

const json = (body: unknown): RequestInit => ({
	method: "POST",
	headers: { "content-type": "application/json" },
	body: JSON.stringify(body),
});

/** A synthetic draft: 37/39 with one paragraph changed, one holding markup and SQL. */
function draft(): string {
	return shippedText()
		.replace("37/39.\tTechnical assistance", "99/50.\tSynthetic test draft: technical assistance")
		.replace("7.\tEncourages the Malian authorities", "7.\tUrges the Malian authorities")
		.replace(
			"32.\tDecides to remain seized of this matter.",
			'32.\tRequests <script>alert(1)</script> & "quotes" \'; drop table paragraphs; -- to stay *literal*;\n\t33.\tDecides to remain seized of this matter.',
		);
}

export function contract(call: Call, options: ContractOptions = {}): void {
	describe("reading series and resolutions", () => {
		it("lists the series with which members are present", async () => {
			const res = await call("/api/series");
			expect(res.status).toBe(200);
			expect(res.headers.get("cache-control")).toBe("public, max-age=60");
			const body = (await res.json()) as {
				series: { id: string; members: { number: string; present: boolean }[] }[];
			};
			const mali = body.series.find((s) => s.id === "mali-hrc");
			expect(mali?.members.map((m) => `${m.number}${m.present ? "" : " (missing)"}`)).toEqual(
				MALI_MEMBERS.map((n) => (n === "37/39" ? n : `${n} (missing)`)),
			);
		});

		it("answers one series with its members, and 404 with the known ones for another", async () => {
			const res = await call("/api/series/synthetic-test");
			expect(res.status).toBe(200);
			const one = (await res.json()) as {
				id: string;
				members: { symbol: string; adopted: string; present: boolean }[];
			};
			expect(one.id).toBe("synthetic-test");
			expect(one.members.map((m) => [m.symbol, m.adopted, m.present])).toEqual([
				["A/HRC/RES/99/1", "2031-03-21", true],
				["A/HRC/RES/99/2", "2032-03-19", true],
				["A/HRC/RES/99/3", "2033-03-18", true],
			]);
			const mali = (await (await call("/api/series/mali-hrc")).json()) as typeof one;
			expect(mali.members.filter((m) => m.present).map((m) => m.symbol)).toEqual([
				"A/HRC/RES/37/39",
			]);
			const p = await expectProblem(await call("/api/series/nope"), 404);
			expect(p.known).toEqual(["mali-hrc", "synthetic-test"]);
		});

		it("reads a resolution by any form of its symbol, with a strong ETag", async () => {
			const forms = ["37-39", "37%2F39", "A%2FHRC%2FRES%2F37%2F39", "A-HRC-RES-37-39"];
			const bodies = await Promise.all(
				forms.map(async (f) => (await call(`/api/resolutions/${f}`)).json()),
			);
			for (const b of bodies) expect(b).toEqual(bodies[0]);
			const res = await call("/api/resolutions/37-39");
			const etag = res.headers.get("etag") ?? "";
			expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
			const body = (await res.json()) as {
				resolution: { paragraphs: unknown[] };
				seriesId: string;
			};
			expect(body.resolution.paragraphs).toHaveLength(53);
			expect(body.seriesId).toBe("mali-hrc");
			const again = await call("/api/resolutions/37-39", { headers: { "if-none-match": etag } });
			expect(again.status).toBe(304);
			expect(await again.text()).toBe("");
		});

		it("says which symbols are stored when one is not", async () => {
			const p = await expectProblem(await call("/api/resolutions/12-34"), 404);
			expect(p.detail).toMatch(/^no stored resolution A\/HRC\/RES\/12\/34; stored: /);
			expect(p.known).toContain("A/HRC/RES/37/39");
		});
	});

	describe("what changed", () => {
		it("compares two stored members as JSON, with a strong ETag and 304 on a match", async () => {
			const res = await call("/api/diff?from=99-1&to=99-2");
			expect(res.status).toBe(200);
			expect(res.headers.get("content-type")).toMatch(/^application\/json/);
			const diff = StructuredDiff.parse(await res.json());
			expect(diff.summary).toMatchObject({ new: 1, removed: 1, leadShifts: { stronger: 1 } });
			const etag = res.headers.get("etag") ?? "";
			expect(etag).toMatch(/^"[^"]+"$/);
			expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
			const cached = await call("/api/diff?from=99-1&to=99-2", {
				headers: { "if-none-match": `W/"other", ${etag}` },
			});
			expect(cached.status).toBe(304);
			expect(cached.headers.get("etag")).toBe(etag);
		});

		it("serves HTML, Markdown and Word by format or by Accept, with a download name", async () => {
			const html = await call("/api/diff?from=99-1&to=99-2&format=html");
			expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
			expect(await html.text()).toMatch(
				/<ins[^>]*>(<span[^>]*>[^<]*<\/span>)?Urges(<span[^>]*>[^<]*<\/span>)?<\/ins>/,
			);
			const md = await call("/api/diff?from=99-1&to=99-2", {
				headers: { accept: "text/markdown" },
			});
			expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
			expect(md.headers.get("content-disposition")).toBe(
				'attachment; filename="resdiff-99-1-to-99-2.md"',
			);
			expect(await md.text()).toContain("~~Encourages~~");
			const docx = await call("/api/diff?from=99-1&to=99-2&format=docx");
			expect(docx.headers.get("content-type")).toBe(DOCX);
			expect(docx.headers.get("content-disposition")).toBe(
				'attachment; filename="resdiff-99-1-to-99-2.docx"',
			);
			const bytes = new Uint8Array(await docx.arrayBuffer());
			expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
			const etags = new Set([html, md, docx].map((r) => r.headers.get("etag")));
			expect(etags.size).toBe(3);
		});

		it("makes the comparison anew when asked with Cache-Control: no-cache, with the same answer", async () => {
			const kept = await (await call("/api/diff?from=99-2&to=99-3")).json();
			const fresh = await call("/api/diff?from=99-2&to=99-3", {
				headers: { "cache-control": "no-cache" },
			});
			expect(fresh.status).toBe(200);
			expect(await fresh.json()).toEqual(kept);
		});

		it.runIf(options.sql && options.adminToken)(
			"answers from memory until asked for a fresh comparison, and forgets on an import",
			async () => {
				const sql = options.sql ?? (async () => {});
				const init = (body: unknown) => ({
					...json(body),
					headers: {
						"content-type": "application/json",
						authorization: `Bearer ${options.adminToken}`,
					},
				});
				// A member of no series, so no stored comparison of it is shared with other tests.
				const text = draft().replace("99/50.", "99/61.");
				expect((await call("/api/resolutions", init({ text }))).status).toBe(201);
				const path = "/api/diff?from=37-39&to=99-61";
				const opLead = async (res: Response) =>
					StructuredDiff.parse(await res.json()).changes.find((c) => c.to[0]?.ref === "OP7")?.lead
						?.to;
				expect(await opLead(await call(path))).toBe("Urges");
				// Behind the server's back: the stored text changes and its stored comparison goes.
				const member = "(select id from resolutions where symbol = 'A/HRC/RES/99/61')";
				await sql(
					`update paragraphs set lead = 'Calls upon', lemma = 'call upon' where resolution_id = ${member} and ref = 'OP7'`,
				);
				await sql(`delete from comparisons where to_id = ${member}`);
				// Remembered: the same answer, without reading the database.
				expect(await opLead(await call(path))).toBe("Urges");
				// Asked fresh: computed from what is stored now.
				expect(await opLead(await call(path, { headers: { "cache-control": "no-cache" } }))).toBe(
					"Calls upon",
				);
				// A fresh answer is not remembered in place of the old one...
				expect(await opLead(await call(path))).toBe("Urges");
				// ...but an import makes the server forget what it remembered.
				const other = draft().replace("99/50.", "99/62.");
				expect((await call("/api/resolutions", init({ text: other }))).status).toBe(201);
				expect(await opLead(await call(path))).toBe("Calls upon");
			},
		);

		it("computes a pair that is not consecutive, with what changed between them", async () => {
			const diff = StructuredDiff.parse(await (await call("/api/diff?from=99-3&to=37-39")).json());
			expect(diff.from.symbol).toBe("A/HRC/RES/99/3");
			expect(diff.to.symbol).toBe("A/HRC/RES/37/39");
			// 99/3 is 37/39 with a preambular paragraph dropped, a lead strengthened, the session
			// named twice bumped, and two operative paragraphs added (test/helpers/synthetic-series.ts).
			expect(diff.summary).toEqual({
				unchanged: 49,
				reworded: 3,
				new: 1,
				removed: 2,
				merged: 0,
				split: 0,
				moved: 0,
				routine: 2,
				leadShifts: { stronger: 0, weaker: 1, changed: 0 },
			});
			expect(
				diff.changes
					.filter((c) => c.status !== "unchanged")
					.map((c) => `${c.status} ${c.from.map((p) => p.ref)}>${c.to.map((p) => p.ref)}`),
			).toEqual([
				"new >PP20",
				"removed OP4>",
				"reworded OP8>OP7",
				"reworded OP28>OP27",
				"reworded OP29>OP28",
				"removed OP33>",
			]);
			expect(diff.changes.find((c) => c.to[0]?.ref === "PP20")?.segments).toEqual([
				{ op: "insert", text: expect.stringMatching(/^Noting the account taken by the G5 Sahel/) },
			]);
		});

		it("refuses a missing or malformed parameter with a 400 problem, and an unknown member with 404", async () => {
			const p = await expectProblem(await call("/api/diff?from=99-1"), 400);
			expect(p.detail).toMatch(/to/);
			await expectProblem(await call("/api/diff?from=99-1&to=99-2&format=pdf"), 400);
			await expectProblem(await call("/api/diff?from=99-1&to=1-1"), 404);
		});

		it("compares an unsaved draft with a stored member, storing nothing", async () => {
			const res = await call("/api/compare", json({ base: "37/39", text: draft() }));
			expect(res.status).toBe(200);
			expect(res.headers.get("cache-control")).toBe("no-store");
			const diff = StructuredDiff.parse(await res.json());
			expect(diff.summary).toMatchObject({ new: 1, reworded: 1 });
			expect(diff.changes.find((c) => c.to[0]?.ref === "OP7")?.lead?.shift).toBe("stronger");
			await expectProblem(await call("/api/resolutions/99-50"), 404);
		});

		it("takes the draft as a form field, and as an uploaded file where the server reads files", async () => {
			const form = new FormData();
			form.set("base", "37/39");
			form.set("text", draft());
			const fromField = StructuredDiff.parse(
				await (await call("/api/compare", { method: "POST", body: form })).json(),
			);
			expect(fromField.summary).toMatchObject({ new: 1, reworded: 1 });

			const docx = await renderDocx(parseResolution(draft()));
			const upload = new FormData();
			upload.set("base", "37/39");
			upload.set(
				"file",
				new File([docx as Uint8Array<ArrayBuffer>], "synthetic-draft.docx", { type: DOCX }),
			);
			const res = await call("/api/compare", { method: "POST", body: upload });
			if (!options.uploads) {
				const p = await expectProblem(res, 415);
				expect(p.detail).toMatch(/plain text only/);
				return;
			}
			const fromDocx = StructuredDiff.parse(await res.json());
			expect(fromDocx.changes.map((c) => c.status)).toEqual(fromField.changes.map((c) => c.status));

			const pdf = new FormData();
			pdf.set("base", "37/39");
			pdf.set("format", "md");
			pdf.set(
				"file",
				new File(
					[(await renderPdf(parseResolution(draft()))) as Uint8Array<ArrayBuffer>],
					"synthetic-draft.pdf",
					{
						type: "application/pdf",
					},
				),
			);
			const md = await call("/api/compare", { method: "POST", body: pdf });
			expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
			expect(await md.text()).toContain("~~Encourages~~");

			const doc = new FormData();
			doc.set("base", "37/39");
			doc.set(
				"file",
				new File(
					[new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
					"old.doc",
				),
			);
			const refused = await expectProblem(
				await call("/api/compare", { method: "POST", body: doc }),
				415,
			);
			expect(refused.detail).toMatch(/DOCX/);
		});

		it("escapes markup from a paragraph in HTML and Markdown", async () => {
			const html = await (
				await call("/api/compare", json({ base: "37/39", text: draft(), format: "html" }))
			).text();
			expect(html).not.toContain("<script>alert(1)</script>");
			expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
			const md = await (
				await call("/api/compare", json({ base: "37/39", text: draft(), format: "md" }))
			).text();
			expect(md).not.toContain("<script>alert(1)</script>");
			expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
		});

		it("refuses a bad draft with a problem that says what and where", async () => {
			const p = await expectProblem(
				await call(
					"/api/compare",
					json({
						base: "37/39",
						text: "\tThe Human Rights Council,\n\tRecalling its resolutions,\n",
					}),
				),
				422,
			);
			expect(p.line).toBe(2);
			expect(p.detail).toMatch(/no operative paragraphs/);
			await expectProblem(await call("/api/compare", json({ base: "37/39" })), 400);
			await expectProblem(
				await call("/api/compare", {
					method: "POST",
					headers: { "content-type": "application/json" },
					body: "{not json",
				}),
				400,
			);
			await expectProblem(await call("/api/compare", json({ base: "12/34", text: draft() })), 404);
		});

		it("refuses a body over 2 MB with 413", async () => {
			const big = JSON.stringify({ base: "37/39", text: "x".repeat(2 * 1024 * 1024 + 100_000) });
			const p = await expectProblem(
				await call("/api/compare", {
					method: "POST",
					headers: { "content-type": "application/json" },
					body: big,
				}),
				413,
			);
			expect(p.detail).toMatch(/2 MB/);
		});
	});

	describe("what is new, and where it came from", () => {
		it("gives the lineage of a series", async () => {
			const lin = Lineage.parse(await (await call("/api/series/synthetic-test/lineage")).json());
			expect(lin.members.map((m) => m.symbol)).toEqual([
				"A/HRC/RES/99/1",
				"A/HRC/RES/99/2",
				"A/HRC/RES/99/3",
			]);
			expect(lin.pairs).toHaveLength(2);
			// A window of members keeps the clauses' ids and says since when each exists.
			const part = Lineage.parse(
				await (await call("/api/series/synthetic-test/lineage?from=99-2&to=99-3")).json(),
			);
			expect(part.members.map((m) => m.symbol)).toEqual(["A/HRC/RES/99/2", "A/HRC/RES/99/3"]);
			expect(part.pairs).toHaveLength(1);
			const whole = new Map(lin.clauses.map((c) => [c.id, c]));
			for (const c of part.clauses) {
				expect(c.cells).toEqual(whole.get(c.id)?.cells.slice(1));
				expect(c.since).toBe(whole.get(c.id)?.since);
			}
			expect(part.clauses.find((c) => c.since === "A/HRC/RES/99/1")?.first).toBe(-1);
			await expectProblem(await call("/api/series/synthetic-test/lineage?from=99-3&to=99-1"), 404);
		});

		it("pages the lineage's clauses: each page holds its size, and the pages give every clause once", async () => {
			const get = async (query: string) =>
				Lineage.parse(await (await call(`/api/series/synthetic-test/lineage?${query}`)).json());
			// One page of up to 1,000 clauses holds the whole synthetic series, in reading order.
			const whole = await get("pageSize=1000");
			expect(whole.page).toEqual({
				number: 1,
				size: 1000,
				pages: 1,
				clauses: whole.clauses.length,
			});
			expect(whole.clauses.length).toBeGreaterThan(20);
			// The default page size is stated in the answer.
			expect((await get("")).page?.size).toBe(200);
			const size = 7;
			const pages = Math.ceil(whole.clauses.length / size);
			const seen: typeof whole.clauses = [];
			for (let n = 1; n <= pages; n++) {
				const one = await get(`page=${n}&pageSize=${size}`);
				expect(one.page).toEqual({ number: n, size, pages, clauses: whole.clauses.length });
				expect(one.clauses.length).toBe(
					n < pages ? size : whole.clauses.length - size * (pages - 1),
				);
				expect(one.members).toEqual(whole.members);
				seen.push(...one.clauses);
			}
			expect(seen).toEqual(whole.clauses);
			expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
			// Paging a window counts only the clauses present in it.
			const window = await get("from=99-3&to=99-3&pageSize=1000");
			const paged = await get(`from=99-3&to=99-3&pageSize=5&page=2`);
			expect(paged.clauses).toEqual(window.clauses.slice(5, 10));
			expect(paged.page?.clauses).toBe(window.clauses.length);
			// A page past the last, and sizes out of bounds, are refused clearly.
			const past = await call(
				`/api/series/synthetic-test/lineage?page=${pages + 1}&pageSize=${size}`,
			);
			expect((await expectProblem(past, 404)).detail).toContain(
				`page ${pages + 1} is past the last: the window has ${whole.clauses.length} clauses, ${pages} page(s) of ${size}`,
			);
			await expectProblem(await call("/api/series/synthetic-test/lineage?pageSize=1001"), 400);
			await expectProblem(await call("/api/series/synthetic-test/lineage?page=0"), 400);
		});

		it("gives a member's new language, of one kind if asked", async () => {
			const res = await call("/api/series/synthetic-test/new-language?member=99-2&kind=operative");
			const fresh = NewLanguage.parse(await res.json());
			expect(fresh.operative.map((p) => p.ref)).toEqual(["OP4"]);
			expect(fresh.preambular).toEqual([]);
			await expectProblem(await call("/api/series/synthetic-test/new-language?member=37-39"), 404);
			await expectProblem(
				await call("/api/series/synthetic-test/new-language?member=99-2&kind=both"),
				400,
			);
		});

		it("gives new language at the phrase level: spans on wholly new paragraphs, and reworded ones apart", async () => {
			const res = await call("/api/series/synthetic-test/new-language?member=99-2&kind=operative");
			const body = (await res.json()) as {
				operative: (Paragraph & { spans: Span[] })[];
				reworded: { preambular: unknown[]; operative: (Paragraph & { spans: Span[] })[] };
			};
			const [added] = body.operative;
			expect(added?.spans.map((s) => s.text).join("")).toBe(added ? paragraphText(added) : "");
			expect(added?.spans.find((s) => s.status === "new")?.text).toContain(
				"synthetic test commitment to hold regular consultations",
			);
			// 99/2 only strengthens a lead and bumps a session: no paragraph gains new wording inside.
			expect(body.reworded).toEqual({ preambular: [], operative: [] });
		});

		it("gives one paragraph's provenance: a copy names the member before, borrowed wording another series", async () => {
			const copy = (await (
				await call("/api/resolutions/99-3/paragraphs/OP4/provenance")
			).json()) as Provenance;
			expect(copy.spans).toEqual([
				{
					text: copy.text,
					status: "kept",
					source: { symbol: "A/HRC/RES/99/2", ref: "OP4" },
					first: { symbol: "A/HRC/RES/99/2", ref: "OP4" },
				},
			]);
			expect(copy.note.text).toBe("from 99/2 OP4");
			// 99/1 is the first member of its series, made from the shipped 37/39 of another series, adopted earlier.
			const borrowed = (await (
				await call("/api/resolutions/A%2FHRC%2FRES%2F99%2F1/paragraphs/OP1/provenance")
			).json()) as Provenance;
			expect(borrowed.spans.map((s) => s.text).join("")).toBe(borrowed.text);
			expect(borrowed.spans.every((s) => s.status === "new")).toBe(true);
			expect(borrowed.spans[0]?.first).toEqual({ symbol: "A/HRC/RES/37/39", ref: "OP1" });
			expect(borrowed.note.text).toBe("new; borrowed from 37/39 OP1");
			const missing = await expectProblem(
				await call("/api/resolutions/99-3/paragraphs/OP99/provenance"),
				404,
			);
			expect(missing.known).toContain("OP4");
			await expectProblem(await call("/api/resolutions/12-34/paragraphs/OP1/provenance"), 404);
		});

		it("annotates a whole member with its sources", async () => {
			const res = await call("/api/resolutions/99-2/sources");
			expect(res.status).toBe(200);
			const body = (await res.json()) as { paragraphs: Provenance[] };
			expect(body.paragraphs).toHaveLength(53);
			for (const p of body.paragraphs) expect(p.spans.map((s) => s.text).join("")).toBe(p.text);
			const notes = new Map(body.paragraphs.map((p) => [p.paragraph.ref, p.note.text]));
			expect(notes.get("PP1")).toBe("from 99/1 PP1");
			expect(notes.get("OP4")).toBe("new");
			expect(notes.get("OP8")).toBe("from 99/1 OP7, amended");
			const md = await call("/api/resolutions/99-2/sources?format=md");
			expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
			expect(md.headers.get("content-disposition")).toBe(
				'attachment; filename="resdiff-99-2-sources.md"',
			);
			expect(await md.text()).toMatch(/^# 99\/2, annotated with its sources\n/);
			const html = await (await call("/api/resolutions/99-2/sources?format=html")).text();
			expect(html).toContain('<mark class="new-phrase"');
			const docx = await call("/api/resolutions/99-2/sources?format=docx");
			expect(docx.headers.get("content-type")).toBe(DOCX);
			// A Word file is a zip: it starts with PK.
			expect([...new Uint8Array(await docx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
			await expectProblem(await call("/api/resolutions/99-2/sources?format=pdf"), 400);
		});

		it("finds a phrase with the member where it first appeared", async () => {
			const res = await call(
				`/api/search?q=${encodeURIComponent("regular consultations with women's organizations")}`,
			);
			const body = (await res.json()) as {
				hits: { symbol: string; paragraph: { ref: string }; firstAppeared: string }[];
			};
			expect(body.hits.map((h) => [h.symbol, h.paragraph.ref, h.firstAppeared])).toEqual([
				["A/HRC/RES/99/3", "OP4", "A/HRC/RES/99/2"],
				["A/HRC/RES/99/2", "OP4", "A/HRC/RES/99/2"],
			]);
			await expectProblem(await call("/api/search"), 400);
			await expectProblem(await call(`/api/search?q=${"a".repeat(501)}`), 400);
		});
	});

	describe("hostile parameters", () => {
		const nasty = [
			"'; drop table paragraphs; --",
			"%' or '1'='1",
			"\\",
			"%00",
			"37-39' union select 1 --",
		];
		it("keeps SQL metacharacters inert in every parameter", async () => {
			for (const s of nasty) {
				const e = encodeURIComponent(s);
				for (const path of [
					`/api/resolutions/${e}`,
					`/api/series/${e}`,
					`/api/series/${e}/lineage`,
					`/api/series/synthetic-test/new-language?member=${e}`,
					`/api/diff?from=${e}&to=37-39`,
					`/api/diff?from=37-39&to=${e}`,
				]) {
					expect((await call(path)).status, path).toBe(404);
				}
				const search = await call(`/api/search?q=${e}`);
				expect(search.status).toBe(200);
				const { hits } = (await search.json()) as {
					hits: { exact: boolean; score: number; paragraph: { lead: string; body: string } }[];
				};
				// An exact hit holds the string as typed (the drafts imported here hold one); other hits
				// are trigram-near. Read as SQL or as LIKE wildcards, it would match every paragraph.
				for (const h of hits.filter((x) => x.exact))
					expect(`${h.paragraph.lead} ${h.paragraph.body}`.toLowerCase()).toContain(
						s.toLowerCase(),
					);
				for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0.6);
			}
			// Still all there.
			expect(
				(
					(await (await call("/api/resolutions/37-39")).json()) as {
						resolution: { paragraphs: unknown[] };
					}
				).resolution.paragraphs,
			).toHaveLength(53);
		});
	});

	describe("writing", () => {
		if (!options.adminToken) {
			it("answers 403 and says why when no admin token is configured", async () => {
				const p = await expectProblem(await call("/api/resolutions", json({ text: draft() })), 403);
				expect(p.detail).toMatch(/no RESDIFF_ADMIN_TOKEN configured/);
			});
			return;
		}
		const token = options.adminToken;
		it("needs the bearer token", async () => {
			await expectProblem(await call("/api/resolutions", json({ text: draft() })), 401);
			const wrong = {
				...json({ text: draft() }),
				headers: { "content-type": "application/json", authorization: "Bearer not-the-token" },
			};
			await expectProblem(await call("/api/resolutions", wrong), 403);
		});

		it("imports a text with the token, once", async () => {
			const init = (body: unknown) => ({
				...json(body),
				headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
			});
			const text = draft().replace("99/50.", "99/60.");
			const first = await call("/api/resolutions", init({ text, name: "synthetic-draft.txt" }));
			expect(first.status).toBe(201);
			expect(await first.json()).toEqual({
				symbol: "A/HRC/RES/99/60",
				status: "imported",
				seriesId: null,
			});
			const second = await call("/api/resolutions", init({ text, name: "synthetic-draft.txt" }));
			expect(second.status).toBe(200);
			expect(((await second.json()) as { status: string }).status).toBe("unchanged");
			expect((await call("/api/resolutions/99-60")).status).toBe(200);
			await expectProblem(
				await call("/api/resolutions", init({ text: text.replace("Urges", "Invites") })),
				409,
			);
		});
	});

	describe("reviewing the alignment", () => {
		const pairPath = "/api/decisions?from=99-1&to=99-2";
		const post = (body: unknown, token?: string): RequestInit => ({
			...json(body),
			headers: {
				"content-type": "application/json",
				...(token ? { authorization: `Bearer ${token}` } : {}),
			},
		});
		const unpairFirst = { from: "99-1", to: "99-2", action: "unpair", old: ["OP1"], new: ["OP1"] };

		it("lists a pair's decisions for anyone to read", async () => {
			const res = await call(pairPath);
			expect(res.status).toBe(200);
			expect(await res.json()).toEqual({ decisions: [] });
		});

		if (!options.adminToken) {
			it("refuses a decision when no admin token is configured", async () => {
				const p = await expectProblem(await call("/api/decisions", post(unpairFirst)), 403);
				expect(p.detail).toMatch(/no RESDIFF_ADMIN_TOKEN configured/);
			});
			return;
		}
		const token = options.adminToken;
		// Whatever a test below leaves behind, the pair reads as the engine found it for the tests after.
		afterAll(async () => {
			const listed = (await (await call(pairPath)).json()) as { decisions: { id: number }[] };
			for (const d of listed.decisions)
				await call(`/api/decisions/${d.id}`, {
					method: "DELETE",
					headers: { authorization: `Bearer ${token}` },
				});
		});

		it("needs the bearer token to decide or withdraw", async () => {
			await expectProblem(await call("/api/decisions", post(unpairFirst)), 401);
			await expectProblem(await call("/api/decisions", post(unpairFirst, "not-the-token")), 403);
			await expectProblem(await call("/api/decisions/1", { method: "DELETE" }), 401);
		});

		it("says which paragraph does not exist, and refuses a shape that is not one outcome", async () => {
			const unknown = await expectProblem(
				await call("/api/decisions", post({ ...unpairFirst, old: ["OP99"] }, token)),
				404,
			);
			expect(unknown.detail).toBe(
				"OP99 is not a paragraph of A/HRC/RES/99/1; its paragraphs are PP1 to OP32",
			);
			const manyToMany = await expectProblem(
				await call(
					"/api/decisions",
					post({ ...unpairFirst, action: "pair", old: ["OP1", "OP2"], new: ["OP1", "OP2"] }, token),
				),
				400,
			);
			expect(manyToMany.detail).toMatch(/several with several is not one outcome/);
			await expectProblem(
				await call("/api/decisions", post({ ...unpairFirst, old: [] }, token)),
				400,
			);
		});

		it("unpairs, re-pairs and withdraws, and every view follows", async () => {
			const diffOf = async () => {
				const res = await call("/api/diff?from=99-1&to=99-2");
				return { etag: res.headers.get("etag"), diff: StructuredDiff.parse(await res.json()) };
			};
			const find = (d: StructuredDiff, from: string[], to: string[]) =>
				d.changes.find(
					(c) =>
						c.from.map((p) => p.ref).join() === from.join() &&
						c.to.map((p) => p.ref).join() === to.join(),
				);
			const before = await diffOf();
			// Member 2 dropped 37/39's PP20; the engine pairs member 1's PP21 with member 2's PP20, word for word.
			expect(find(before.diff, ["PP21"], ["PP20"])).toMatchObject({
				status: "unchanged",
				decidedBy: "engine",
			});
			expect(find(before.diff, ["OP1"], ["OP1"])?.status).toBe("unchanged");

			// Unpair OP1 from OP1: they read as removed and new, by a reviewer's decision.
			const made = await call(
				"/api/decisions",
				post({ ...unpairFirst, note: "test: not one" }, token),
			);
			expect(made.status).toBe(201);
			const unpaired = await diffOf();
			expect(unpaired.etag).not.toBe(before.etag);
			expect(find(unpaired.diff, ["OP1"], [])).toMatchObject({
				status: "removed",
				decidedBy: "reviewer",
			});
			expect(find(unpaired.diff, [], ["OP1"])).toMatchObject({
				status: "new",
				decidedBy: "reviewer",
			});
			// New language and lineage follow: member 2's OP1 now starts a clause of its own.
			const fresh = NewLanguage.parse(
				await (await call("/api/series/synthetic-test/new-language?member=99-2")).json(),
			);
			expect(fresh.operative.map((p) => p.ref)).toContain("OP1");

			// Re-pair: member 1's PP20 is member 2's PP20, whatever the engine found.
			const repaired = await call(
				"/api/decisions",
				post({ from: "99-1", to: "99-2", action: "pair", old: ["PP20"], new: ["PP20"] }, token),
			);
			expect(repaired.status).toBe(201);
			const after = await diffOf();
			expect(find(after.diff, ["PP20"], ["PP20"])).toMatchObject({
				status: "reworded",
				decidedBy: "reviewer",
				confidence: "high",
			});
			expect(find(after.diff, ["PP21"], [])).toMatchObject({
				status: "removed",
				decidedBy: "engine",
			});
			const lineage = Lineage.parse(
				await (await call("/api/series/synthetic-test/lineage")).json(),
			);
			const clause = lineage.clauses.find((c) => c.cells[1]?.ref === "PP20");
			expect(clause?.cells[0]?.ref).toBe("PP20");

			// Withdrawing every decision gives the engine's answer back, with its ETag.
			const listed = (await (await call(pairPath)).json()) as {
				decisions: { id: number; holds: boolean; note: string | null }[];
			};
			expect(listed.decisions).toHaveLength(2);
			expect(listed.decisions.every((d) => d.holds)).toBe(true);
			for (const d of listed.decisions) {
				const res = await call(`/api/decisions/${d.id}`, {
					method: "DELETE",
					headers: { authorization: `Bearer ${token}` },
				});
				expect(res.status).toBe(200);
			}
			const restored = await diffOf();
			expect(restored.etag).toBe(before.etag);
			expect(find(restored.diff, ["OP1"], ["OP1"])).toMatchObject({
				status: "unchanged",
				decidedBy: "engine",
			});
			await expectProblem(
				await call(`/api/decisions/${listed.decisions[0]?.id}`, {
					method: "DELETE",
					headers: { authorization: `Bearer ${token}` },
				}),
				404,
			);
		});
	});

	describe("the service itself", () => {
		it("describes itself in OpenAPI, with every route", async () => {
			const doc = (await (await call("/api/openapi.json")).json()) as {
				openapi: string;
				paths: Record<string, unknown>;
			};
			expect(doc.openapi).toBe("3.1.0");
			expect(Object.keys(doc.paths).sort()).toEqual([
				"/api/compare",
				"/api/decisions",
				"/api/decisions/{id}",
				"/api/diff",
				"/api/resolutions",
				"/api/resolutions/{symbol}",
				"/api/resolutions/{symbol}/paragraphs/{ref}/provenance",
				"/api/resolutions/{symbol}/sources",
				"/api/search",
				"/api/series",
				"/api/series/{id}",
				"/api/series/{id}/lineage",
				"/api/series/{id}/new-language",
				"/healthz",
			]);
			const page = await call("/api/docs");
			expect(page.status).toBe(200);
			expect(await page.text()).toContain("/api/openapi.json");
		});

		it("checks its database on /healthz", async () => {
			const res = await call("/healthz");
			expect(res.status).toBe(200);
			expect(((await res.json()) as { status: string }).status).toBe("ok");
		});

		it("answers an unknown path with a 404 problem", async () => {
			await expectProblem(await call("/api/nothing-here"), 404);
		});
	});
}
