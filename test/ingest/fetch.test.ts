/**
 * The fetcher against a stand-in for the UN document service on loopback,
 * serving DOCX and PDF files generated here (synthetic texts derived from
 * 37/39, one per member symbol) and misbehaving on cue. Each case ends in the
 * right outcome, and nothing half-written is left in the corpus folder (a
 * temporary copy of corpus/): a failed member leaves the folder and the
 * manifest exactly as they were.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/core/errors.ts";
import type { Resolution } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { parseSymbol } from "../../src/core/symbol.ts";
import { isTemporaryName } from "../../src/ingest/atomic.ts";
import { loadManifest, readSource } from "../../src/ingest/corpus.ts";
import {
	type FetchOptions,
	fetchMissing,
	handAdvice,
	type SavedText,
} from "../../src/ingest/fetch.ts";
import { buildDocx, p } from "../helpers/docx-package.ts";
import { MALI_MEMBERS } from "../helpers/mali-members.ts";
import { corpusDir, shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { renderPdf } from "../helpers/render-pdf.ts";
import { DOCX_TYPE, OdsStandIn } from "./ods-stand-in.ts";
import { WORD97 } from "./samples.ts";

const shipped = parseResolution(shippedText());

/** A synthetic text for a member: 37/39's paragraphs under the member's symbol, titled as synthetic. */
function syntheticMember(symbol: string): Resolution {
	const parts = parseSymbol(symbol);
	return {
		...shipped,
		symbol,
		number: parts?.number ?? null,
		session: parts?.session ?? null,
		title: `Synthetic test text for ${parts?.number}, derived from 37/39`,
	};
}

/**
 * A synthetic text in French for a member (test words written here, not a UN text): what the
 * service may send when it holds no English version.
 */
function frenchMember(symbol: string): Resolution {
	const body =
		"les autorités de la République du Mali à poursuivre leurs efforts pour que les droits de l'homme soient respectés dans le pays et à coopérer avec les institutions des Nations Unies";
	const member = syntheticMember(symbol);
	return {
		...member,
		title: "Texte synthétique de test en français, qui n'est pas un document officiel",
		paragraphs: member.paragraphs.map((p) => ({ ...p, body, subparagraphs: [] })),
	};
}

const docxOf = async (symbol: string) => renderDocx(syntheticMember(symbol));
const pdfOf = async (symbol: string) => renderPdf(syntheticMember(symbol));

/** The folder's files and the manifest's bytes: what "nothing half-written" is checked against. */
function folderState(dir: string) {
	return {
		files: readdirSync(dir).sort(),
		manifest: readFileSync(join(dir, "manifest.json"), "utf8"),
	};
}

let dir: string;
let ods: OdsStandIn;
let pauses: number[];

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), "resdiff-corpus-"));
	cpSync(corpusDir, dir, { recursive: true });
	ods = await new OdsStandIn().start();
	pauses = [];
});

afterEach(async () => {
	await ods.close();
	expect(readdirSync(dir).filter(isTemporaryName)).toEqual([]);
});

/**
 * Timeouts that happen in order, not on a clock: each attempt's signal fires
 * once the stand-in is holding that attempt's request unanswered. A held
 * request is always the latest attempt's: the fetcher makes one at a time.
 */
function timeoutOnHold(): (timeoutMs: number) => AbortSignal {
	let latest: AbortController | null = null;
	ods.onHold = () => latest?.abort(new DOMException("the test's timeout", "TimeoutError"));
	return () => {
		latest = new AbortController();
		return latest.signal;
	};
}

/** Fast settings: pauses are recorded, not waited; timeouts come when the test fires them. */
function options(extra: Partial<FetchOptions> = {}): FetchOptions {
	return {
		corpusDir: dir,
		baseUrl: ods.url,
		pauseMs: 1_000,
		backoffMs: 500,
		timeoutMs: 5_000,
		retries: 2,
		sleep: async (ms) => {
			pauses.push(ms);
		},
		...extra,
	};
}

describe("fetching a missing member", () => {
	it("saves the DOCX, records its file and sha256, hands it to afterSave, and the corpus reads it", async () => {
		const bytes = await docxOf("A/HRC/RES/20/17");
		ods.script("A/HRC/RES/20/17", "docx", { kind: "file", bytes, contentType: DOCX_TYPE });
		const saved: SavedText[] = [];
		const report = await fetchMissing(
			{ symbols: ["20/17"] },
			options({ afterSave: (s) => void saved.push(s) }),
		);

		const sha256 = createHash("sha256").update(bytes).digest("hex");
		expect(report.outcomes).toEqual([
			expect.objectContaining({
				symbol: "A/HRC/RES/20/17",
				status: "saved",
				file: "A-HRC-RES-20-17.docx",
				sha256,
			}),
		]);
		expect(ods.requests).toEqual([{ symbol: "A/HRC/RES/20/17", type: "docx", language: "en" }]);
		expect(readFileSync(join(dir, "A-HRC-RES-20-17.docx"))).toEqual(Buffer.from(bytes));
		const member = (await loadManifest(dir)).series[0]?.members.find((m) => m.number === "20/17");
		expect(member).toMatchObject({ file: "A-HRC-RES-20-17.docx", sha256 });
		expect(saved.map((s) => [s.symbol, s.file, s.resolution.paragraphs.length])).toEqual([
			["A/HRC/RES/20/17", "A-HRC-RES-20-17.docx", 53],
		]);
		const read = await readSource("20/17", dir);
		expect(read.resolution.title).toBe("Synthetic test text for 20/17, derived from 37/39");
	});

	it("falls back to the PDF when the service has no DOCX", async () => {
		ods.script("A/HRC/RES/20/17", "docx", { kind: "status", status: 404 });
		ods.script("A/HRC/RES/20/17", "pdf", {
			kind: "file",
			bytes: await pdfOf("A/HRC/RES/20/17"),
			contentType: "application/pdf",
		});
		const report = await fetchMissing({ symbols: ["20/17"] }, options());
		expect(report.outcomes[0]).toMatchObject({ status: "saved", file: "A-HRC-RES-20-17.pdf" });
		expect(ods.requests.map((r) => r.type)).toEqual(["docx", "pdf"]);
		expect(pauses).toEqual([1_000]);
		const read = await readSource("20/17", dir);
		expect(read.resolution.paragraphs).toHaveLength(53);
	});

	it("retries after a 500 and then saves", async () => {
		ods.script(
			"A/HRC/RES/20/17",
			"docx",
			{ kind: "status", status: 500 },
			{
				kind: "file",
				bytes: await docxOf("A/HRC/RES/20/17"),
				contentType: DOCX_TYPE,
			},
		);
		const report = await fetchMissing({ symbols: ["20/17"] }, options());
		expect(report.outcomes[0]).toMatchObject({ status: "saved" });
		expect(ods.requests.map((r) => r.type)).toEqual(["docx", "docx"]);
		// The retry waited at least the pause between requests.
		expect(pauses).toEqual([1_000]);
	});

	it("backs off further on each retry and gives up after the last, writing nothing", async () => {
		const before = folderState(dir);
		ods.script("A/HRC/RES/20/17", "docx", { kind: "status", status: 503 });
		ods.script("A/HRC/RES/20/17", "pdf", { kind: "status", status: 502 });
		const report = await fetchMissing(
			{ symbols: ["20/17"] },
			options({ pauseMs: 100, backoffMs: 500 }),
		);
		expect(report.outcomes[0]).toMatchObject({
			status: "failed",
			message: expect.stringMatching(/503 \(3 attempts\).*502 \(3 attempts\)/),
		});
		expect(ods.requests).toHaveLength(6);
		expect(pauses).toEqual([500, 1_000, 100, 500, 1_000]);
		expect(folderState(dir)).toEqual(before);
	});

	it("gives up on an answer slower than the timeout, writing nothing", async () => {
		const before = folderState(dir);
		ods.script("A/HRC/RES/20/17", "docx", { kind: "hold" });
		ods.script("A/HRC/RES/20/17", "pdf", { kind: "hold" });
		const report = await fetchMissing(
			{ symbols: ["20/17"] },
			options({ timeoutMs: 150, retries: 1, attemptSignal: timeoutOnHold() }),
		);
		expect(report.outcomes[0]).toMatchObject({
			status: "failed",
			message: expect.stringContaining("no complete answer within 0.15 s (2 attempts)"),
		});
		expect(ods.requests.map((r) => r.type)).toEqual(["docx", "docx", "pdf", "pdf"]);
		expect(folderState(dir)).toEqual(before);
	});

	it("retries an answer that timed out once, then saves", async () => {
		const bytes = await docxOf("A/HRC/RES/20/17");
		const file = { kind: "file" as const, bytes, contentType: DOCX_TYPE };
		ods.script("A/HRC/RES/20/17", "docx", { kind: "hold" }, file);
		const report = await fetchMissing(
			{ symbols: ["20/17"] },
			options({ timeoutMs: 150, attemptSignal: timeoutOnHold() }),
		);
		expect(report.outcomes[0]).toMatchObject({ status: "saved", bytes: bytes.length });
		expect(ods.requests.map((r) => r.type)).toEqual(["docx", "docx"]);
	});

	it("retries a body cut short, and never keeps a partial file", async () => {
		const bytes = await docxOf("A/HRC/RES/20/17");
		ods.script(
			"A/HRC/RES/20/17",
			"docx",
			{ kind: "truncated", bytes, contentType: DOCX_TYPE },
			{
				kind: "file",
				bytes,
				contentType: DOCX_TYPE,
			},
		);
		const report = await fetchMissing({ symbols: ["20/17"] }, options());
		expect(report.outcomes[0]).toMatchObject({ status: "saved" });
		expect(readFileSync(join(dir, "A-HRC-RES-20-17.docx"))).toEqual(Buffer.from(bytes));

		const before = folderState(dir);
		const pdf = await pdfOf("A/HRC/RES/22/18");
		ods.script("A/HRC/RES/22/18", "docx", { kind: "truncated", bytes, contentType: DOCX_TYPE });
		ods.script("A/HRC/RES/22/18", "pdf", {
			kind: "truncated",
			bytes: pdf,
			contentType: "application/pdf",
		});
		const again = await fetchMissing({ symbols: ["22/18"] }, options({ retries: 1 }));
		expect(again.outcomes[0]).toMatchObject({
			status: "failed",
			message: expect.stringContaining("connection failed"),
		});
		expect(folderState(dir)).toEqual(before);
	});

	it("takes an HTML page with status 200 for a symbol the service does not have", async () => {
		const before = folderState(dir);
		ods.script("A/HRC/RES/20/17", "docx", { kind: "html" });
		ods.script("A/HRC/RES/20/17", "pdf", { kind: "html" });
		const report = await fetchMissing({ symbols: ["20/17"] }, options());
		expect(report.outcomes[0]).toMatchObject({
			status: "unavailable",
			message: `no English official text is available from the document service at ${ods.url} (DOCX: a web page, not a document; PDF: a web page, not a document); skipped`,
		});
		expect(folderState(dir)).toEqual(before);
	});

	it("refuses a Word 97 .doc file, whatever the content type says", async () => {
		const before = folderState(dir);
		ods.script("A/HRC/RES/20/17", "docx", { kind: "file", bytes: WORD97, contentType: DOCX_TYPE });
		const report = await fetchMissing({ symbols: ["20/17"] }, options());
		expect(report.outcomes[0]).toMatchObject({
			status: "failed",
			message: expect.stringContaining("Word 97-2003 .doc file"),
		});
		expect(folderState(dir)).toEqual(before);
	});

	it("refuses a document that is another resolution", async () => {
		const before = folderState(dir);
		ods.script("A/HRC/RES/20/17", "docx", {
			kind: "file",
			bytes: await docxOf("A/HRC/RES/22/18"),
			contentType: DOCX_TYPE,
		});
		const report = await fetchMissing({ symbols: ["20/17"] }, options());
		expect(report.outcomes[0]).toMatchObject({
			status: "failed",
			message: expect.stringContaining("sent A/HRC/RES/22/18, not A/HRC/RES/20/17"),
		});
		expect(folderState(dir)).toEqual(before);
	});

	it("keeps a saved file when the caller's import fails, and says so", async () => {
		ods.script("A/HRC/RES/20/17", "docx", {
			kind: "file",
			bytes: await docxOf("A/HRC/RES/20/17"),
			contentType: DOCX_TYPE,
		});
		const report = await fetchMissing(
			{ symbols: ["20/17"] },
			options({
				afterSave: () => {
					throw new NotFoundError("database", "x", "the database is not there (synthetic failure)");
				},
			}),
		);
		expect(report.outcomes[0]).toMatchObject({
			status: "saved",
			importError: "the database is not there (synthetic failure)",
		});
	});
});

describe("completing the whole series", () => {
	it("fetches every missing member, one request at a time with a pause between requests", async () => {
		const missing = (await loadManifest(dir)).series[0]?.members.filter((m) => !m.file) ?? [];
		for (const m of missing) {
			ods.script(m.symbol, "docx", {
				kind: "file",
				bytes: await docxOf(m.symbol),
				contentType: DOCX_TYPE,
			});
		}
		const report = await fetchMissing({ series: "mali-hrc" }, options());
		expect(report.outcomes.map((o) => [o.number, o.status])).toEqual(
			MALI_MEMBERS.map((n) => [n, n === "37/39" ? "present" : "saved"]),
		);
		expect(ods.maxInFlight).toBe(1);
		expect(pauses).toEqual(Array(MALI_MEMBERS.length - 2).fill(1_000));
		const manifest = await loadManifest(dir);
		expect(manifest.series[0]?.members.every((m) => m.file && m.sha256)).toBe(true);
	});

	it("records a file put in the folder by hand, without a request", async () => {
		writeFileSync(join(dir, "A-HRC-RES-22-18.pdf"), await pdfOf("A/HRC/RES/22/18"));
		const report = await fetchMissing({ symbols: ["22/18"] }, options());
		expect(report.outcomes[0]).toMatchObject({
			status: "recorded",
			file: "A-HRC-RES-22-18.pdf",
			url: null,
		});
		expect(ods.requests).toEqual([]);
		expect((await readSource("22/18", dir)).resolution.symbol).toBe("A/HRC/RES/22/18");
	});

	it("stops when the service cannot be reached, and says what is missing and how to add files by hand", async () => {
		const before = folderState(dir);
		const closed = ods.url;
		await ods.close();
		const report = await fetchMissing(
			{ series: "mali-hrc" },
			options({ baseUrl: closed, retries: 1 }),
		);
		expect(report.unreachable).toMatchObject({ reason: "ECONNREFUSED" });
		expect(report.outcomes.map((o) => o.status)).toEqual(
			MALI_MEMBERS.map((n) => (n === "37/39" ? "present" : "skipped")),
		);
		const advice = handAdvice(report, dir, "https://documents.un.org");
		expect(advice).toContain(
			`Still missing: ${MALI_MEMBERS.filter((n) => n !== "37/39").join(", ")}.`,
		);
		expect(advice).toContain(
			"https://documents.un.org/api/symbol/access?s=A/HRC/RES/20/17&l=en&t=docx",
		);
		expect(advice).toMatch(/save it in .* A-HRC-RES-20-17\.docx/);
		expect(advice).toContain("resdiff fetch");
		expect(folderState(dir)).toEqual(before);
		ods = await new OdsStandIn().start();
	});

	it("refuses a symbol the manifest does not list, naming the ones it does", async () => {
		const e = await fetchMissing({ symbols: ["12/34"] }, options()).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(NotFoundError);
		expect((e as Error).message).toMatch(
			/12\/34 is not a member .*known: 20\/17, 21\/25, 22\/18, .*, 58\/30, 61\/37$/,
		);
	});

	it("says which members have no English official text, skips them and imports the rest", async () => {
		// The service's ways of having no English text: 404 for both types (40/26), another
		// language's version (43/38, a synthetic French text), a placeholder page (46/28).
		const before = folderState(dir);
		ods.script("A/HRC/RES/43/38", "docx", {
			kind: "file",
			bytes: await renderDocx(frenchMember("A/HRC/RES/43/38")),
			contentType: DOCX_TYPE,
		});
		const placeholder = await buildDocx({
			body: p("This document is not yet available in English. (Synthetic placeholder for tests.)"),
		});
		ods.script("A/HRC/RES/46/28", "docx", {
			kind: "file",
			bytes: placeholder,
			contentType: DOCX_TYPE,
		});
		ods.script("A/HRC/RES/46/28", "pdf", { kind: "status", status: 404 });
		ods.script("A/HRC/RES/49/34", "docx", {
			kind: "file",
			bytes: await docxOf("A/HRC/RES/49/34"),
			contentType: DOCX_TYPE,
		});
		const imported: string[] = [];
		const report = await fetchMissing(
			{ symbols: ["40/26", "43/38", "46/28", "49/34"] },
			options({ afterSave: (saved) => void imported.push(saved.symbol) }),
		);
		const service = `the document service at ${ods.url}`;
		expect(report.outcomes).toEqual([
			expect.objectContaining({
				number: "40/26",
				status: "unavailable",
				message: `no English official text is available from ${service} (DOCX: status 404; PDF: status 404); skipped`,
			}),
			expect.objectContaining({
				number: "43/38",
				status: "unavailable",
				message: `no English official text is available from ${service} (DOCX: a text in French, not English; PDF: status 404); skipped`,
			}),
			expect.objectContaining({
				number: "46/28",
				status: "unavailable",
				message: `no English official text is available from ${service} (DOCX: a placeholder without a resolution's text; PDF: status 404); skipped`,
			}),
			expect.objectContaining({ number: "49/34", status: "saved" }),
		]);
		expect(imported).toEqual(["A/HRC/RES/49/34"]);
		// Nothing of the three unavailable ones was written; the fourth is in the folder and the manifest.
		const after = folderState(dir);
		expect(after.files).toEqual([...before.files, "A-HRC-RES-49-34.docx"].sort());
		const listed = (await loadManifest(dir)).series[0]?.members ?? [];
		expect(listed.filter((m) => m.file).map((m) => m.number)).toEqual(["37/39", "49/34"]);
		// A member without an English text is not something to add by hand from the service.
		expect(handAdvice(report, dir, "https://documents.un.org")).toBe("");
	});
});
