/**
 * The pages' one script (src/web/assets/enhance-js.ts) outside Chromium: run
 * in jsdom, another DOM implementation, against the real app in-process. Its
 * requests go to the app through `app.request`, so what it swaps in is what
 * the server renders. A filter change replaces the marked parts and the
 * address as a fresh page load would have them; a failed request falls back
 * to submitting the form; printing opens collapsed routine changes and
 * closes them after.
 */
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { ENHANCE_JS } from "../../src/web/assets/enhance-js.ts";
import { freshPglite, type TestDatabase } from "../helpers/db.ts";
import { seed } from "../helpers/seed.ts";

const ORIGIN = "http://resdiff.test";
const PAGE = "/diff/99-1/99-2";

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

/** A page loaded in jsdom with the script running, its fetch answered by the app (or by `answer`). */
async function load(answer?: (path: string) => Response) {
	const html = await (await app.request(PAGE)).text();
	const dom = new JSDOM(html, { url: `${ORIGIN}${PAGE}`, runScripts: "outside-only" });
	const requests: string[] = [];
	const window = dom.window as unknown as Window & typeof globalThis & { eval(code: string): void };
	window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = new URL(String(input), ORIGIN);
		requests.push(url.pathname + url.search);
		return answer
			? answer(url.pathname + url.search)
			: app.request(url.pathname + url.search, init);
	}) as typeof fetch;
	window.eval(ENHANCE_JS);
	return { dom, window, document: window.document, requests };
}

/** Resolves when the root element's attribute changes to a value `done` accepts. */
function whenRoot(
	window: Window & typeof globalThis,
	done: (root: HTMLElement) => boolean,
): Promise<void> {
	return new Promise((resolve) => {
		const root = window.document.documentElement;
		const observer = new window.MutationObserver(() => {
			if (done(root)) {
				observer.disconnect();
				resolve();
			}
		});
		observer.observe(root, { attributes: true });
	});
}

describe("the enhance script in jsdom", () => {
	it("marks the page as scripted", async () => {
		const { document } = await load();
		expect(document.documentElement.classList.contains("js")).toBe(true);
	});

	it("applies a filter at once: the redline and the count as the server renders them, and the address", async () => {
		const { document, window, requests } = await load();
		const form = document.querySelector("form[data-enhance='filters']") as HTMLFormElement;
		const only = form.querySelector("input[name='only']") as HTMLInputElement;
		const applied = whenRoot(window, (root) => root.dataset.applied !== undefined);
		only.checked = true;
		only.dispatchEvent(new window.Event("change", { bubbles: true }));
		await applied;
		expect(requests).toEqual([`${PAGE}?layout=inline&only=changes`]);
		expect(window.location.pathname + window.location.search).toBe(
			`${PAGE}?layout=inline&only=changes`,
		);
		// What a fresh load of that address shows.
		const fresh = new JSDOM(await (await app.request(`${PAGE}?layout=inline&only=changes`)).text())
			.window.document;
		expect(document.getElementById("redline")?.innerHTML).toBe(
			fresh.getElementById("redline")?.innerHTML,
		);
		expect(document.getElementById("shown")?.textContent).toBe(
			fresh.getElementById("shown")?.textContent,
		);
		expect(document.getElementById("shown")?.textContent).not.toBe("Showing 54 of 54 paragraphs.");
		expect(document.querySelectorAll("#redline [data-status='unchanged']")).toHaveLength(0);
		expect(form.hasAttribute("aria-busy")).toBe(false);
	});

	it("submits the form the plain way when the request fails", async () => {
		const { document, window } = await load(() => new Response("no", { status: 500 }));
		const form = document.querySelector("form[data-enhance='filters']") as HTMLFormElement;
		const submitted = new Promise<void>((resolve) => {
			form.submit = () => resolve();
		});
		const kind = form.querySelector("input[name='kind']") as HTMLInputElement;
		kind.checked = true;
		kind.dispatchEvent(new window.Event("change", { bubbles: true }));
		await submitted;
		expect(window.location.search).toBe("");
	});

	it("opens collapsed routine changes for printing, and closes them after", async () => {
		const { document, window } = await load();
		const details = [...document.querySelectorAll("details")];
		expect(details.length).toBeGreaterThan(0);
		expect(details.filter((d) => d.open)).toEqual([]);
		window.dispatchEvent(new window.Event("beforeprint"));
		expect(details.every((d) => d.open)).toBe(true);
		window.dispatchEvent(new window.Event("afterprint"));
		expect(details.filter((d) => d.open)).toEqual([]);
	});
});
