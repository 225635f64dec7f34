/**
 * The new phrases of reworded paragraphs on the `/new/{member}` page, in
 * Chromium: each highlighted phrase is exactly a `new` span of the API's
 * answer, in order, announced to screen readers, and the page passes axe.
 * Over a synthetic member 99/4 (made from 99/3 by a scripted edit that adds
 * a clause to OP1; not a UN document) and, with RESDIFF_REAL_SERIES, over
 * 37/39 with the real members before it.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { realSeriesDir, repoRoot } from "../helpers/paths.ts";
import { describeInChromium, launchChromium, screenshotPath } from "./chromium.ts";
import { BROWSER_ADMIN_TOKEN, type SeededServer, startSeededServer } from "./server.ts";

const CLAUSE = "deplores the synthetic closure of seventeen rural clinics";
const AXE = join(repoRoot, "node_modules/axe-core/axe.min.js");

interface Spanned {
	ref: string;
	spans: { text: string; status: "new" | "kept" }[];
}

/** The member's reworded paragraphs and their new spans, as the API gives them. */
async function apiNewSpans(server: SeededServer, series: string, member: string) {
	const res = await fetch(`${server.url}/api/series/${series}/new-language?member=${member}`);
	const body = (await res.json()) as { reworded: { operative: Spanned[]; preambular: Spanned[] } };
	return [...body.reworded.operative, ...body.reworded.preambular].map((p) => ({
		ref: p.ref,
		fresh: p.spans.filter((s) => s.status === "new").map((s) => s.text.replace(/\s+/g, " ")),
	}));
}

/** The page's reworded paragraphs and their highlighted phrases, as Chromium renders them. */
async function pageMarks(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>(".para.reworded")].map((p) => ({
			ref: p.dataset.ref ?? "",
			fresh: [...p.querySelectorAll("mark.new-phrase")].map((m) =>
				// biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, a <br> read as the line break the API's text holds.
				(m as HTMLElement).innerText.replace(/\s+/g, " "),
			),
			announced: [...p.querySelectorAll("mark.new-phrase")].every(
				(m) => m.previousElementSibling?.textContent === "new wording: ",
			),
		})),
	);
}

describeInChromium("new phrases highlighted on the new-language page", () => {
	let server: SeededServer;
	let browser: Browser;
	const realDir = realSeriesDir("new phrases of the real 37/39 in Chromium");

	beforeAll(async () => {
		server = await startSeededServer(realDir);
		browser = await launchChromium();
		// Loaded after the server: the core's zod schemas must come after @hono/zod-openapi extends zod.
		const { syntheticTexts } = await import("../helpers/synthetic-series.ts");
		const text = (syntheticTexts[2] ?? "")
			.replace("99/3.\tSynthetic test member 3", "99/4.\tSynthetic test member 4")
			.replace("18 March 2033", "17 March 2034")
			.replace("against itinerant traders;", `against itinerant traders, and ${CLAUSE};`);
		const res = await fetch(`${server.url}/api/resolutions`, {
			method: "POST",
			headers: {
				"content-type": "application/json",
				authorization: `Bearer ${BROWSER_ADMIN_TOKEN}`,
			},
			body: JSON.stringify({ text, name: "synthetic-99-4.txt", series: "synthetic-test" }),
		});
		expect(res.status).toBe(201);
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	const check = async (series: string, member: string) => {
		// bypassCSP: the axe check injects a script.
		const context = await browser.newContext({
			bypassCSP: true,
			viewport: { width: 1280, height: 900 },
		});
		const page = await context.newPage();
		const problems: string[] = [];
		page.on("pageerror", (e) => problems.push(e.message));
		const res = await page.goto(`${server.url}/new/${member}`);
		expect(res?.status()).toBe(200);
		const shown = await pageMarks(page);
		const api = await apiNewSpans(server, series, member);
		expect(shown.map(({ ref, fresh }) => ({ ref, fresh }))).toEqual(api);
		expect(shown.every((p) => p.announced)).toBe(true);
		await page.addScriptTag({ path: AXE });
		const violations = await page.evaluate(async () => {
			const axe = (
				window as unknown as {
					axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> };
				}
			).axe;
			return (await axe.run(document)).violations.map((v) => v.id);
		});
		expect(violations).toEqual([]);
		await page.screenshot({ path: screenshotPath(`new-phrases-${member}`), fullPage: true });
		expect(problems).toEqual([]);
		await context.close();
		return shown;
	};

	it("shows a synthetic member's added clause highlighted, as the API's new span", async () => {
		const shown = await check("synthetic-test", "99-4");
		expect(shown.find((p) => p.ref === "OP1")?.fresh).toEqual([`${CLAUSE};`]);
	}, 120_000);

	it.skipIf(!realDir)(
		"shows 37/39's new phrases in OP1 and OP8, as the API gives them",
		async () => {
			const shown = await check("mali-hrc", "37-39");
			const joined = (ref: string) => shown.find((p) => p.ref === ref)?.fresh.join(" | ") ?? "";
			expect(joined("OP1")).toMatch(/fatal attacks committed in 2018 against itinerant traders/);
			expect(joined("OP8")).toMatch(/found an individual guilty/);
		},
		120_000,
	);
});
