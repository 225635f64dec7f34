/**
 * The API reference at /api/docs in Chromium, served by the Node service
 * over a temporary PGlite database: it lists every operation of
 * /api/openapi.json, every request it makes goes to the service itself, and
 * its Content Security Policy names no other site.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseEnv } from "../../src/env.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { tempDataDir } from "../helpers/db.ts";
import { corpusDir } from "../helpers/paths.ts";
import { describeInChromium, launchChromium, screenshotPath } from "./chromium.ts";

const METHODS = ["get", "post", "put", "patch", "delete"];

describeInChromium("the API reference in Chromium", () => {
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await startServer({
			env: parseEnv({ RESDIFF_DATA_DIR: tempDataDir(), RESDIFF_CORPUS: corpusDir, PORT: "0" }),
			hostname: "127.0.0.1",
			log: () => {},
		});
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it("lists every operation of the OpenAPI document, asking no other site for anything", async () => {
		const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
			paths: Record<string, Record<string, unknown>>;
		};
		const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
			Object.keys(item)
				.filter((m) => METHODS.includes(m))
				.map((m) => `${m.toUpperCase()} ${path}`),
		);
		expect(operations.length).toBeGreaterThan(5);

		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const origin = new URL(server.url).origin;
		const elsewhere: string[] = [];
		const problems: string[] = [];
		page.on("request", (r) => {
			const url = new URL(r.url());
			if (url.protocol !== "data:" && url.origin !== origin) elsewhere.push(r.url());
		});
		page.on("console", (m) => {
			if (m.type() === "error") problems.push(m.text());
		});
		page.on("pageerror", (e) => problems.push(e.message));
		const res = await page.goto(`${server.url}/api/docs`, { waitUntil: "load" });
		expect(res?.status()).toBe(200);

		// Each directive allows this service only (and data: images, which the stylesheet holds).
		const csp = res?.headers()["content-security-policy"] ?? "";
		expect(csp).toMatch(/script-src 'self'/);
		for (const directive of csp
			.split(";")
			.map((d) => d.trim())
			.filter(Boolean)) {
			const [name, ...sources] = directive.split(/\s+/);
			for (const source of sources) {
				const allowed = ["'self'", "'none'", ...(name === "img-src" ? ["data:"] : [])];
				expect(allowed, directive).toContain(source);
			}
		}

		await page.locator(".opblock").first().waitFor({ timeout: 20_000 });
		const listed = await page.$$eval(".opblock", (blocks) =>
			blocks.map(
				(b) =>
					`${b.querySelector(".opblock-summary-method")?.textContent?.trim()} ${b
						.querySelector(".opblock-summary-path")
						?.getAttribute("data-path")}`,
			),
		);
		expect(listed.sort()).toEqual(operations.sort());
		await page.screenshot({ path: screenshotPath("api-docs"), fullPage: true });
		expect(elsewhere).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});
});
