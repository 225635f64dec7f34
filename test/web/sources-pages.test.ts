/**
 * Where the sources annotation shows on the pages, in-process over the
 * shipped corpus and the synthetic series 99/1..99/3 (scripted edits of
 * 37/39; not UN documents): the paragraph page says where its language came
 * from, as the API does, and the member page links the annotated exports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { freshPglite, type TestDatabase } from "../helpers/db.ts";
import { seed } from "../helpers/seed.ts";
import { byClass, byTag, findAll, parsePage, textOf } from "./html.ts";

let test: TestDatabase;
const call = (path: string) => buildApp({ services: () => ({ db: test.handle.db }) }).request(path);

beforeAll(async () => {
	test = await freshPglite();
	await seed(test.handle.db);
});
afterAll(async () => {
	await test?.dispose();
});

describe("the sources annotation on the pages", () => {
	it("shows a paragraph's sources as the provenance route gives them", async () => {
		for (const [member, ref] of [
			["99-3", "OP4"],
			["99-2", "OP8"],
			["99-1", "OP1"],
		] as const) {
			const api = (await (
				await call(`/api/resolutions/${member}/paragraphs/${ref}/provenance`)
			).json()) as {
				note: { text: string };
			};
			const page = parsePage(await (await call(`/paragraph/${member}/${ref}`)).text());
			const notes = findAll(page, byClass("sources-note")).map((n) => textOf(n));
			expect(notes).toEqual([`Where its language came from: [${api.note.text}]`]);
		}
	});

	it("links a member's page to its annotated exports, which download", async () => {
		const page = parsePage(await (await call("/resolution/99-2")).text());
		const hrefs = findAll(page, byTag("a")).flatMap((a) => {
			const href = a.attrs.find((x) => x.name === "href")?.value ?? "";
			return href.includes("/sources") ? [href] : [];
		});
		expect(hrefs).toEqual([
			"/api/resolutions/99-2/sources?format=docx",
			"/api/resolutions/99-2/sources?format=html",
			"/api/resolutions/99-2/sources?format=md",
		]);
		for (const href of hrefs) expect((await call(href)).status).toBe(200);
	});
});
