/**
 * The web pages in Debian's Chromium, served by the Node server over a
 * temporary PGlite database (the shipped corpus, the synthetic series and,
 * with RESDIFF_REAL_SERIES, the seven real members): every page loads
 * without console errors; the redline page shows the JSON's insertions,
 * deletions and statuses; its filters and layout toggle work with and
 * without JavaScript; a pasted draft gives its redline; axe-core finds no
 * accessibility violations and status is never told by colour alone.
 * Screenshots land in test-results/screenshots/.
 */
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StructuredDiff } from "../../src/core/diff/index.ts";
import { STATUS_LABELS } from "../../src/render/index.ts";
import { realSeriesDir, repoRoot, shippedText } from "../helpers/paths.ts";
import { chromiumAvailability, launchChromium, screenshotPath } from "./chromium.ts";
import { BROWSER_ADMIN_TOKEN, type SeededServer, startSeededServer } from "./server.ts";

const availability = chromiumAvailability();
const AXE = join(repoRoot, "node_modules/axe-core/axe.min.js");
/** Long pages (the lineage over seven members) take a while to check. */
const SLOW = 120_000;

let server: SeededServer;
let browser: Browser;
let real = false;

interface Opened {
	readonly page: Page;
	/** Console errors, uncaught exceptions and failed requests. */
	readonly problems: string[];
	readonly status: number;
}

async function open(context: BrowserContext, path: string): Promise<Opened> {
	const page = await context.newPage();
	const problems: string[] = [];
	page.on("console", (m) => {
		if (m.type() === "error") problems.push(`console: ${m.text()} (${m.location().url})`);
	});
	page.on("pageerror", (e) => problems.push(`exception: ${e.message}`));
	page.on("requestfailed", (r) =>
		problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`),
	);
	const res = await page.goto(`${server.url}${path}`, { waitUntil: "load" });
	return { page, problems, status: res?.status() ?? 0 };
}

interface AxeViolation {
	readonly id: string;
	readonly impact: string | null;
	readonly help: string;
	readonly nodes: string[];
}

/** axe-core's violations on the page (every rule that is not experimental). */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
	await page.addScriptTag({ path: AXE });
	return page.evaluate(async () => {
		type Result = {
			violations: {
				id: string;
				impact: string | null;
				help: string;
				nodes: { target: string[] }[];
			}[];
		};
		const axe = (
			window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<Result> } }
		).axe;
		const result = await axe.run(document, { resultTypes: ["violations"] });
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
		}));
	});
}

/** Elements whose status shows in colour only: no word or symbol in their text. */
async function colourOnly(page: Page, words: readonly string[]): Promise<string[]> {
	return page.evaluate((statusWords) => {
		const bad: string[] = [];
		for (const block of document.querySelectorAll<HTMLElement>(".rd-para")) {
			const badge = block.querySelector(".rd-badge")?.textContent ?? "";
			if (!statusWords.some((w) => badge.includes(w))) bad.push(`redline ${block.id}: "${badge}"`);
		}
		for (const td of document.querySelectorAll<HTMLElement>("table.lineage td")) {
			const symbol = td.querySelector(".sym")?.textContent?.trim() ?? "";
			const said = td.querySelector(".visually-hidden")?.textContent?.trim() ?? "";
			if (!symbol || !/[A-Za-z]{3}/.test(said)) bad.push(`lineage cell: "${symbol}" "${said}"`);
		}
		for (const dd of document.querySelectorAll<HTMLElement>("dd[data-count]")) {
			if (!/\d/.test(dd.textContent ?? ""))
				bad.push(`chart bar ${dd.dataset.count} without its number`);
		}
		return bad;
	}, words);
}

/** The synthetic draft a reader pastes: 37/39 with a verb strengthened and a paragraph added. */
function syntheticDraft(): string {
	return shippedText()
		.replace(
			"37/39.\tTechnical assistance",
			"99/80.\tSynthetic browser test draft: technical assistance",
		)
		.replace("7.\tEncourages the Malian authorities", "7.\tUrges the Malian authorities")
		.replace(
			"32.\tDecides to remain seized of this matter.",
			"32.\tRequests the synthetic test secretariat to report on every pledge;\n\t33.\tDecides to remain seized of this matter.",
		);
}

/** The pages to load, each with the name of its screenshot. */
function pagesToVisit(): { name: string; path: string; status?: number }[] {
	const list = [
		{ name: "home", path: "/" },
		{ name: "home-synthetic", path: "/?series=synthetic-test" },
		{ name: "lineage-synthetic", path: "/lineage?series=synthetic-test" },
		{ name: "diff-synthetic", path: "/diff/99-1/99-2" },
		{ name: "diff-synthetic-side-by-side", path: "/diff/99-1/99-2?layout=side-by-side" },
		{ name: "diff-picker", path: "/diff" },
		{ name: "paragraph-synthetic", path: "/paragraph/99-3/OP8" },
		{ name: "new-synthetic", path: "/new/99-3" },
		{ name: "compare", path: "/compare" },
		{ name: "error-unknown-member", path: "/diff/99-1/12-34", status: 404 },
	];
	if (real) {
		list.push(
			{ name: "lineage-real", path: "/lineage" },
			{ name: "diff-real-34-39-to-37-39", path: "/diff/34-39/37-39" },
			{
				name: "diff-real-side-by-side",
				path: "/diff/31-28/34-39?layout=side-by-side&only=changes",
			},
			{ name: "paragraph-real", path: "/paragraph/37-39/OP5" },
			{ name: "new-real", path: "/new/37-39" },
		);
	}
	return list;
}

if (availability.state === "skip") {
	console.warn(availability.notice);
	describe("the web pages in Chromium", () => {
		it.skip("needs Chromium", () => {});
	});
} else if (availability.state === "required") {
	describe("the web pages in Chromium", () => {
		it("needs Chromium", () => {
			throw new Error(availability.message);
		});
	});
} else {
	describe("the web pages in Chromium", () => {
		beforeAll(async () => {
			const dir = realSeriesDir("browser tests over the real series");
			real = dir !== null;
			server = await startSeededServer(dir);
			browser = await launchChromium();
		});
		afterAll(async () => {
			await browser?.close();
			await server?.close();
		});

		it(
			"loads every page without console errors, and saves a screenshot of each",
			async () => {
				const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
				for (const { name, path, status = 200 } of pagesToVisit()) {
					const { page, problems, status: got } = await open(context, path);
					expect(got, path).toBe(status);
					// The browser reports an error page's own status as a console error; nothing else may appear.
					const unexpected = problems.filter(
						(p) => !(status !== 200 && p.includes(`status of ${status}`) && p.includes(path)),
					);
					expect(unexpected, path).toEqual([]);
					await page.screenshot({ path: screenshotPath(name), fullPage: true });
					await page.close();
				}
				await context.close();
			},
			SLOW,
		);

		it(
			"leads the home page with this year against last year, linking to its redline",
			async () => {
				const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
				// The synthetic series: 99/3 (2033) is the latest stored member, 99/2 (2032) the one before.
				const { page, problems } = await open(context, "/?series=synthetic-test");
				const block = page.locator("#latest");
				expect(await block.isVisible()).toBe(true);
				// It comes before the list of members, and within the first screen.
				const top = await block.boundingBox();
				const members = await page.locator("ol.members").boundingBox();
				expect(top && members && top.y < members.y && top.y < 900).toBe(true);
				const api = await fetch(`${server.url}/api/diff?from=99-2&to=99-3`);
				const diff = (await api.json()) as StructuredDiff;
				const s = diff.summary;
				const n = s.reworded + s.new + s.removed + s.merged + s.split;
				expect(n).toBeGreaterThan(0);
				const link = block.locator(".latest-pair a");
				expect((await link.textContent())?.trim()).toBe(
					`99/3 (2033) against 99/2 (2032): ${n} change${n === 1 ? "" : "s"}`,
				);
				await page.screenshot({ path: screenshotPath("home-latest") });
				await link.click();
				await page.waitForURL(/\/diff\/99-2\/99-3$/);
				expect(await page.locator("h1").textContent()).toContain("99/3");
				expect(problems).toEqual([]);

				// The Mali series: with the real members, 37/39 against 34/39; without, 37/39 alone,
				// and what to fetch. Later members (40/26 ... 61/37) are listed but not stored either way.
				const mali = await open(context, "/");
				const text = ((await mali.page.locator("#latest").textContent()) ?? "").replace(
					/\s+/g,
					" ",
				);
				if (real) {
					expect(text).toMatch(/37\/39 \(2018\) against 34\/39 \(2017\): \d+ changes/);
				} else {
					expect(text).toContain("Only 37/39 (2018) is stored");
					expect(text).toContain("npx resdiff fetch 34/39");
				}
				expect(text).toContain("Listed but not stored yet, and later: 40/26 (2019)");
				expect(text).toContain("61/37 (2026)");
				expect(mali.problems).toEqual([]);
				await context.close();
			},
			SLOW,
		);

		it(
			"prints the lineage with its colours and symbols",
			async () => {
				const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
				const path = real ? "/lineage" : "/lineage?series=synthetic-test";
				const { page } = await open(context, path);
				await page.emulateMedia({ media: "print" });
				expect(await page.locator(".site-header").isVisible()).toBe(false);
				await page.screenshot({
					path: screenshotPath(`lineage-${real ? "real" : "synthetic"}-print`),
					fullPage: true,
				});
				await page.pdf({
					path: screenshotPath(`lineage-${real ? "real" : "synthetic"}-print`).replace(
						/\.png$/,
						".pdf",
					),
					landscape: true,
					printBackground: true,
				});
				await context.close();
			},
			SLOW,
		);

		it(
			"shows on the redline page the insertions, deletions and statuses of the JSON",
			async () => {
				const context = await browser.newContext();
				const pairs = [
					["99-1", "99-2"],
					["99-1", "99-3"],
					...(real
						? [
								["34-39", "37-39"],
								["20-17", "37-39"],
							]
						: []),
				];
				for (const [from, to] of pairs) {
					const json = (await (
						await fetch(`${server.url}/api/diff?from=${from}&to=${to}`)
					).json()) as StructuredDiff;
					const { page } = await open(context, `/diff/${from}/${to}`);
					const counted = await page.evaluate(() => {
						const root = document.getElementById("redline");
						const statuses: Record<string, number> = {};
						for (const b of root?.querySelectorAll<HTMLElement>(".rd-para") ?? []) {
							const s = b.dataset.status ?? "?";
							statuses[s] = (statuses[s] ?? 0) + 1;
						}
						return {
							ins: root?.querySelectorAll("ins").length ?? 0,
							del: root?.querySelectorAll("del").length ?? 0,
							moved: root?.querySelectorAll(".rd-para[data-moved='true']").length ?? 0,
							statuses,
						};
					});
					const segments = json.changes.flatMap((c) => c.segments);
					const statuses: Record<string, number> = {};
					for (const c of json.changes) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
					expect(counted, `${from} to ${to}`).toEqual({
						ins: segments.filter((s) => s.op === "insert").length,
						del: segments.filter((s) => s.op === "delete").length,
						moved: json.summary.moved,
						statuses,
					});
					for (const [status, n] of Object.entries(statuses)) {
						expect(json.summary[status as keyof typeof STATUS_LABELS], status).toBe(n);
					}
					await page.close();
				}
				await context.close();
			},
			SLOW,
		);

		it(
			"applies the filters and the layout at once with JavaScript, keeping them in the address",
			async () => {
				const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
				const { page, problems } = await open(context, "/diff/99-1/99-2");
				const blocks = page.locator("#redline .rd-para");
				const total = await blocks.count();
				const applied = (part: string) =>
					page.waitForFunction(
						(p) => (document.documentElement.dataset.applied ?? "").includes(p),
						part,
					);

				await page.getByLabel("Only changed paragraphs").check();
				await applied("only=changes");
				expect(await blocks.count()).toBe(5);
				expect(await page.locator("#redline .rd-para[data-status='unchanged']").count()).toBe(0);
				expect(await page.locator("#shown").textContent()).toBe(
					`Showing 5 of ${total} paragraphs.`,
				);

				await page.getByLabel("Hide routine updates").check();
				await applied("routine=hide");
				expect(await page.locator("#redline .rd-para[data-routine='true']").count()).toBe(0);

				await page.getByLabel("Operative paragraphs only").check();
				await applied("kind=operative");
				const kinds = await blocks.evaluateAll((els) =>
					els.map((e) => (e as HTMLElement).dataset.kind),
				);
				expect(kinds.length).toBeGreaterThan(0);
				expect(new Set(kinds)).toEqual(new Set(["operative"]));

				await page.getByLabel("Side by side").check();
				await applied("layout=side-by-side");
				expect(await page.locator("#redline .rd-layout-side-by-side").count()).toBe(1);
				expect(await page.locator("#redline .rd-sbs").count()).toBe(await blocks.count());
				// Old on the left, new on the right: the deletion only on one side, the insertion only on the other.
				expect(await page.locator("#redline .rd-old ins").count()).toBe(0);
				expect(await page.locator("#redline .rd-new del").count()).toBe(0);
				await page.screenshot({
					path: screenshotPath("diff-filters-applied-with-js"),
					fullPage: true,
				});

				expect(new URL(page.url()).search).toBe(
					"?layout=side-by-side&only=changes&kind=operative&routine=hide",
				);
				// The address alone gives the same page.
				await page.reload();
				expect(await page.locator("#redline .rd-sbs").count()).toBe(await blocks.count());
				expect(await page.getByLabel("Operative paragraphs only").isChecked()).toBe(true);

				await page.getByLabel("Inline").check();
				await applied("layout=inline");
				expect(await page.locator("#redline .rd-sbs").count()).toBe(0);
				expect(problems).toEqual([]);
				await context.close();
			},
			SLOW,
		);

		it(
			"applies the filters and the layout without JavaScript too",
			async () => {
				const context = await browser.newContext({ javaScriptEnabled: false });
				const { page } = await open(context, "/diff/99-1/99-2");
				await page.getByLabel("Only changed paragraphs").check();
				await page.getByLabel("Side by side").check();
				await Promise.all([
					page.waitForURL(/only=changes/),
					page.getByRole("button", { name: "Apply" }).click(),
				]);
				const url = new URL(page.url());
				expect(url.searchParams.get("only")).toBe("changes");
				expect(url.searchParams.get("layout")).toBe("side-by-side");
				expect(await page.locator("#redline .rd-para").count()).toBe(5);
				expect(await page.locator("#redline .rd-sbs").count()).toBe(5);
				await context.close();
			},
			SLOW,
		);

		it(
			"lands a link such as #OP8 on its paragraph",
			async () => {
				const context = await browser.newContext({ viewport: { width: 1280, height: 700 } });
				const { page } = await open(context, "/diff/99-1/99-2#OP8");
				const target = page.locator(":target");
				expect(await target.getAttribute("id")).toBe("OP8");
				expect(await target.isVisible()).toBe(true);
				const box = await target.boundingBox();
				expect(box && box.y >= 0 && box.y < 700).toBe(true);
				await context.close();
			},
			SLOW,
		);

		it(
			"shows the redline of a draft pasted into /compare",
			async () => {
				// bypassCSP: the axe check at the end injects a script.
				const context = await browser.newContext({
					bypassCSP: true,
					viewport: { width: 1280, height: 900 },
				});
				const { page, problems } = await open(context, "/compare");
				await page.getByLabel("Compare against").selectOption("37-39");
				await page.getByLabel("Draft text").fill(syntheticDraft());
				await page.getByLabel("Only changed paragraphs").check();
				await Promise.all([
					page.waitForURL(/\/compare$/),
					page.getByRole("button", { name: "Compare" }).click(),
				]);
				await page.waitForSelector(".result .rd-redline");
				expect(await page.locator(".result h2").textContent()).toBe(
					"Changes from 37/39 to draft (99/80)",
				);
				expect(await page.locator(".result ins").count()).toBeGreaterThan(0);
				expect(await page.locator(".result del").count()).toBeGreaterThan(0);
				expect(await page.locator("#OP7").getAttribute("data-lead-shift")).toBe("stronger");
				expect(await page.locator("#OP32").getAttribute("data-status")).toBe("new");
				// The draft stays in the form, ready to edit.
				expect(await page.getByLabel("Draft text").inputValue()).toBe(
					syntheticDraft().replace(/\r\n/g, "\n"),
				);
				await page.screenshot({ path: screenshotPath("compare-result"), fullPage: true });
				expect(problems).toEqual([]);
				expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);
				await context.close();
			},
			SLOW,
		);

		it(
			"lets a reviewer with the token unpair two paragraphs from the diff page, and withdraw the decision",
			async () => {
				const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
				const { page, problems } = await open(context, "/diff/99-1/99-2");
				const form = page.locator("form.review-form");
				await form.locator("input[value=unpair]").check();
				await form.locator("#review-old").fill("OP1");
				await form.locator("#review-new").fill("OP1");
				await form.locator("#review-note").fill("synthetic browser test");
				// A wrong token is refused with a page that says why, and nothing is recorded.
				await form.locator("#review-token").fill("not-the-token");
				await form.locator("button[type=submit]").click();
				await page.waitForLoadState("load");
				expect(await page.locator("h1").textContent()).toBe("Not allowed");
				await page.goBack();
				await page.waitForLoadState("load");
				await form.locator("#review-token").fill(BROWSER_ADMIN_TOKEN);
				await form.locator("button[type=submit]").click();
				await page.waitForURL(/\/diff\/99-1\/99-2#review$/);
				// The decision is listed, and the redline shows the two paragraphs apart, decided by a reviewer.
				expect(await page.locator("ul.decisions li").count()).toBe(1);
				const removed = page.locator('.rd-para[data-status="removed"][data-decided-by="reviewer"]');
				expect(await removed.count()).toBe(1);
				expect(await removed.locator(".rd-hint").first().textContent()).toBe(
					"(decided by a reviewer)",
				);
				const json = (await (
					await page.request.get(`${server.url}/api/diff?from=99-1&to=99-2`)
				).json()) as StructuredDiff;
				const added = json.changes.find((c) => c.status === "new" && c.to[0]?.ref === "OP1");
				expect(added?.decidedBy).toBe("reviewer");
				// Withdrawn, the pair reads as the engine found it.
				const item = page.locator("ul.decisions li").first();
				await item.locator("input[name=token]").fill(BROWSER_ADMIN_TOKEN);
				await item.locator("button").click();
				await page.waitForURL(/#review$/);
				expect(await page.locator("ul.decisions li").count()).toBe(0);
				expect(await page.locator('.rd-para[data-decided-by="reviewer"]').count()).toBe(0);
				expect(problems.filter((p) => !p.includes("status of 403"))).toEqual([]);
				await context.close();
			},
			SLOW,
		);

		it.skipIf(!process.env.RESDIFF_REAL_SERIES)(
			"marks an unsure pairing quietly, and its review link fills in the form",
			async () => {
				const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
				const { page } = await open(context, "/diff/34-39/37-39");
				const api = (await (
					await page.request.get(`${server.url}/api/diff?from=34-39&to=37-39`)
				).json()) as StructuredDiff;
				const unsure = api.changes.filter((c) => c.confidence === "low");
				expect(unsure.length).toBeGreaterThan(0);
				for (const c of unsure) {
					const block = page.locator(`.rd-para[data-confidence="low"]#${c.to[0]?.ref}`);
					expect(await block.locator(".rd-hint").first().textContent()).toBe("(uncertain pairing)");
				}
				const first = unsure[0];
				await page.locator(`#${first?.to[0]?.ref} a.rd-review`).click();
				await page.waitForURL(/#review$/);
				expect(await page.locator("#review-old").inputValue()).toBe(first?.from[0]?.ref);
				expect(await page.locator("#review-new").inputValue()).toBe(first?.to[0]?.ref);
				expect(await page.locator("input[value=unpair]").isChecked()).toBe(true);
				await context.close();
			},
			SLOW,
		);

		it(
			"passes axe-core's checks on every page, and tells status by more than colour",
			async () => {
				// axe is injected as a script, which the pages' Content Security Policy would refuse.
				const context = await browser.newContext({
					bypassCSP: true,
					viewport: { width: 1280, height: 900 },
				});
				const words = Object.values(STATUS_LABELS).map((l) => l.word);
				const report: Record<string, AxeViolation[]> = {};
				const colour: Record<string, string[]> = {};
				for (const { path } of pagesToVisit()) {
					const { page } = await open(context, path);
					const found = await axeViolations(page);
					if (found.length) report[path] = found;
					const bad = await colourOnly(page, words);
					if (bad.length) colour[path] = bad;
					await page.close();
				}
				expect(report).toEqual({});
				expect(colour).toEqual({});
				await context.close();
			},
			SLOW * 3,
		);
	});
}
