/**
 * Where things sit on the page, in Chromium: the lineage table (a wide
 * page) starts in line with the site header, and its first column's heading
 * in line with the rows under it; a link to /resolution/37-39#OP5 lands on
 * that paragraph. Served by the Node server over a temporary PGlite
 * database with the shipped corpus and the synthetic series.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInChromium, launchChromium, screenshotPath } from "./chromium.ts";
import { type SeededServer, startSeededServer } from "./server.ts";

/** The left edge of an element's content box: where its text starts. */
function contentLeft(page: Page, selector: string): Promise<number> {
	return page.$eval(selector, (el) => {
		const style = getComputedStyle(el);
		return (
			el.getBoundingClientRect().left +
			Number.parseFloat(style.paddingLeft) +
			Number.parseFloat(style.borderLeftWidth)
		);
	});
}

describeInChromium("the layout of the pages in Chromium", () => {
	let server: SeededServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await startSeededServer(null);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it.each([1280, 1800])(
		"lines the lineage page up with the header, and the clause heading with its rows, at %i px",
		async (width) => {
			const page = await browser.newPage({ viewport: { width, height: 900 } });
			await page.goto(`${server.url}/lineage?series=synthetic-test`, { waitUntil: "load" });
			const header = await contentLeft(page, ".site-header .brand");
			expect(Math.abs((await contentLeft(page, "main h1")) - header)).toBeLessThan(1);
			expect(Math.abs((await contentLeft(page, "table.lineage caption")) - header)).toBeLessThan(3);
			const heading = await contentLeft(page, "table.lineage thead th:first-child");
			const row = await contentLeft(page, "table.lineage tbody th");
			expect(Math.abs(heading - row)).toBeLessThan(1);
			await page.screenshot({ path: screenshotPath(`lineage-aligned-${width}`) });
			await page.close();
		},
	);

	it("lands a link to /resolution/37-39#OP5 on that paragraph", async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${server.url}/resolution/37-39#OP5`, { waitUntil: "load" });
		const target = await page.$eval(":target", (el) => el.id);
		expect(target).toBe("OP5");
		const top = await page.$eval("#OP5", (el) => el.getBoundingClientRect().top);
		expect(top).toBeGreaterThanOrEqual(0);
		expect(top).toBeLessThan(200);
		await page.screenshot({ path: screenshotPath("resolution-37-39") });
		await page.close();
	});
});
