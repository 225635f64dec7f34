/**
 * What the /compare form promises is what it takes. Its hints used to say
 * "up to 20 MB" for every file while a text over 2 MB was refused. Here the
 * limits are read from the page's own words and tried: a text just under
 * the stated size is compared, one just over is refused with 413.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { freshPglite, type TestDatabase } from "../helpers/db.ts";
import { shippedText } from "../helpers/paths.ts";
import { seed } from "../helpers/seed.ts";
import { byId, flatText, parsePage } from "./html.ts";

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

/** A synthetic draft: the shipped 37/39 with spaces after its last line, `bytes` long in all. */
function paddedDraft(bytes: number): string {
	const text = shippedText();
	const size = new TextEncoder().encode(text).length;
	return `${text}${" ".repeat(Math.max(0, bytes - size))}`;
}

function upload(text: string): RequestInit {
	const body = new FormData();
	body.append("base", "37-39");
	body.append("text", "");
	body.append("format", "page");
	body.append("file", new File([text], "draft.txt", { type: "text/plain" }));
	return { method: "POST", body };
}

describe("the /compare hints on Node", () => {
	it("states each file limit, and the text limit holds as stated", async () => {
		const doc = parsePage(await (await app.request("/compare")).text());
		const hint = flatText(byId(doc, "draft-file-hint") ?? doc);
		expect(hint).toMatch(/DOCX or PDF up to \d+ MB/);
		const stated = /plain text up to (\d+(?:\.\d+)?) MB/.exec(hint);
		expect(stated, hint).not.toBeNull();
		const limit = Number(stated?.[1]) * 1024 * 1024;

		const under = await app.request("/compare", upload(paddedDraft(limit - 64 * 1024)));
		expect(under.status).toBe(200);
		const over = await app.request("/compare", upload(paddedDraft(limit + 64 * 1024)));
		expect(over.status).toBe(413);
		expect(flatText(parsePage(await over.text()))).toMatch(/limit/);

		const pasted = flatText(byId(doc, "draft-text-hint") ?? doc);
		expect(pasted).toContain(`up to ${stated?.[1]} MB`);
	});
});
