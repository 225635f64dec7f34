/**
 * Zip bombs sent to the real service process (the compiled bundle, as `npm
 * start` runs it): each is answered with a 413 problem (a page on the web
 * form), and no work is left running after the answer. The bombs are built
 * at test time from deflated zeros; the DOCX around them is synthetic.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";
import { createDb } from "../../src/db/client.ts";
import { tempDataDir } from "../helpers/db.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { seed } from "../helpers/seed.ts";
import { type ServiceProcess, startService } from "../helpers/service-process.ts";
import { entriesOf, writeZip, zeroEntry } from "../helpers/zip-bomb.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const GIGABYTE = 1024;
const clean = await entriesOf(await renderDocx(parseResolution(shippedText())));
let service: ServiceProcess;

beforeAll(async () => {
	const dir = tempDataDir();
	const prepared = await createDb({ RESDIFF_DATA_DIR: dir });
	await seed(prepared.db);
	await prepared.close();
	service = await startService({ RESDIFF_DATA_DIR: dir });
});
afterAll(() => service?.stop());

function upload(path: string, bytes: Uint8Array, accept = "application/json") {
	const form = new FormData();
	form.set("base", "99/1");
	form.set(
		"file",
		new File([bytes as Uint8Array<ArrayBuffer>], "synthetic-bomb.docx", { type: DOCX }),
	);
	return fetch(`${service.url}${path}`, { method: "POST", body: form, headers: { accept } });
}

/** CPU seconds the service process (all its threads) has used, from /proc. */
function cpuSeconds(): number {
	const fields = readFileSync(`/proc/${service.child.pid}/stat`, "utf8").split(") ")[1]?.split(" ");
	return (Number(fields?.[11]) + Number(fields?.[12])) / 100;
}

/** CPU the service uses over the next `ms`: near nothing when no work was left behind. */
async function cpuOver(ms: number): Promise<number> {
	const before = cpuSeconds();
	await new Promise((r) => setTimeout(r, ms));
	return cpuSeconds() - before;
}

describe("zip bombs sent to the service", () => {
	it("answers a 1 MB DOCX holding 1 GB with 413, and leaves no work running", async () => {
		const bomb = writeZip(
			clean.map((e) => (e.name === "word/document.xml" ? zeroEntry(e.name, GIGABYTE) : e)),
		);
		const res = await upload("/api/compare", bomb);
		expect(res.status).toBe(413);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
		const problem = (await res.json()) as { type: string; detail: string };
		expect(problem.type).toBe("/problems/limit-unpacked-size");
		expect(problem.detail).toMatch(/synthetic-bomb\.docx: the archive declares/);
		expect(await cpuOver(1500)).toBeLessThan(0.5);
	});

	it("answers a document part that lies about holding 1 GB with 413", async () => {
		const bomb = writeZip(
			clean.map((e) =>
				e.name === "word/document.xml" ? zeroEntry(e.name, GIGABYTE, 20 * 1024) : e,
			),
		);
		const res = await upload("/api/compare", bomb);
		expect(res.status).toBe(413);
		const problem = (await res.json()) as { type: string; detail: string };
		expect(problem.type).toBe("/problems/limit-unpacked-size");
		expect(problem.detail).toMatch(/word\/document\.xml unpacks to more than 16 MB/);
		expect(await cpuOver(1500)).toBeLessThan(0.5);
	});

	it("answers 1 GB in an entry the reader never needs with 413", async () => {
		const res = await upload(
			"/api/compare",
			writeZip([...clean, zeroEntry("word/media/filler.bin", GIGABYTE)]),
		);
		expect(res.status).toBe(413);
		expect(((await res.json()) as { type: string }).type).toBe("/problems/limit-unpacked-size");
	});

	it("answers 10 GB through the web /compare form with a 413 page, and leaves no work running", async () => {
		const tenGigabytes = writeZip([
			...clean,
			...Array.from({ length: 10 }, (_, k) => zeroEntry(`word/media/filler${k}.bin`, GIGABYTE)),
		]);
		const res = await upload("/compare", tenGigabytes, "text/html");
		expect(res.status).toBe(413);
		expect(res.headers.get("content-type")).toContain("text/html");
		expect(await res.text()).toMatch(/the archive declares 10\d{3}(\.\d)? MB unpacked/);
		expect(await cpuOver(1500)).toBeLessThan(0.5);
		// And the service still compares a clean DOCX.
		const ok = await upload("/api/compare", writeZip(clean));
		expect(ok.status).toBe(200);
	});
});
