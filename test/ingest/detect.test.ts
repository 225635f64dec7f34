/**
 * Telling formats apart by their first bytes, whatever a file is called,
 * and refusing the ones resdiff does not read with advice on what to do.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ParseError } from "../../src/core/errors.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { readResolutionFile } from "../../src/ingest/corpus.ts";
import { formatFromContentType, sniffFormat } from "../../src/ingest/detect.ts";
import { UnreadableDocumentError } from "../../src/ingest/errors.ts";
import { readDocument } from "../../src/ingest/read.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { renderPdf } from "../helpers/render-pdf.ts";
import { WORD97 } from "./samples.ts";

const enc = (s: string) => new TextEncoder().encode(s);

describe("sniffing a document's format", () => {
	it.each([
		["a Word 97 .doc", WORD97, "doc"],
		["a PDF", enc("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), "pdf"],
		["a PDF after a byte-order mark and blank lines", enc("\ufeff\n\n%PDF-1.4\n"), "pdf"],
		["an RTF file", enc("{\\rtf1\\ansi Synthetic}"), "rtf"],
		["an HTML page", enc("  <!DOCTYPE html><html><body>x</body></html>"), "html"],
		["an HTML fragment", enc("<p>Synthetic</p>"), "html"],
		["XHTML", enc('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), "html"],
		["text", enc("\tThe Human Rights Council,\n"), "text"],
		["text that mentions %PDF- later", enc("A note on the %PDF-1.7 header\n"), "text"],
		["UTF-16 text", new Uint8Array([0xff, 0xfe, 0x54, 0x00, 0x68, 0x00]), "text"],
		["random binary", new Uint8Array([1, 2, 3, 0, 0, 7, 250, 251]), "binary"],
		["an empty file", new Uint8Array(), "text"],
	])("knows %s", (_label, bytes, format) => {
		expect(sniffFormat(bytes)).toBe(format);
	});

	it("knows a DOCX and a PDF that the tests generate", async () => {
		const res = parseResolution(shippedText());
		expect(sniffFormat(await renderDocx(res))).toBe("zip");
		expect(sniffFormat(await renderPdf(res))).toBe("pdf");
	});

	it("reads content types as claims", () => {
		expect(formatFromContentType("application/pdf; qs=0.9")).toBe("pdf");
		expect(
			formatFromContentType(
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			),
		).toBe("zip");
		expect(formatFromContentType("text/html; charset=utf-8")).toBe("html");
		expect(formatFromContentType("application/octet-stream")).toBeNull();
		expect(formatFromContentType(null)).toBeNull();
	});
});

describe("refusing what resdiff does not read", () => {
	it("refuses a Word 97 .doc by its first bytes, even named .docx, saying to convert it", async () => {
		const dir = mkdtempSync(join(tmpdir(), "resdiff-"));
		const path = join(dir, "synthetic-draft.docx");
		writeFileSync(path, WORD97);
		const e = await readResolutionFile(path).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(UnreadableDocumentError);
		expect(e).toMatchObject({ format: "doc", reason: "unsupported", source: path });
		expect((e as ParseError).describe()).toMatch(/Word 97-2003 .*save it as DOCX .*PDF/);
	});

	it("says a password-protected Office file is protected", async () => {
		const bytes = new Uint8Array([...WORD97, ...Buffer.from("EncryptedPackage", "utf16le")]);
		const e = await readDocument(bytes, { name: "synthetic.docx" }).catch((x: unknown) => x);
		expect(e).toMatchObject({ format: "doc", reason: "encrypted" });
	});

	it("refuses RTF and binary files with advice", async () => {
		for (const bytes of [enc("{\\rtf1 Synthetic}"), new Uint8Array([0, 1, 2, 3, 0, 250])]) {
			const e = await readDocument(bytes, { name: "synthetic.bin" }).catch((x: unknown) => x);
			expect(e).toBeInstanceOf(UnreadableDocumentError);
			expect((e as Error).message).toMatch(/DOCX|PDF/);
		}
	});

	it("holds a text to the parser's 2 MB and a document to 20 MB", async () => {
		const text = enc(`\tThe Human Rights Council,\n${"x".repeat(2 * 1024 * 1024)}`);
		await expect(readDocument(text, { name: "big.txt" })).rejects.toMatchObject({
			code: "too-large",
			message: expect.stringMatching(/limit is 2097152 bytes \(2 MB\)/),
		});
		const pdf = new Uint8Array(20 * 1024 * 1024 + 1);
		pdf.set(enc("%PDF-1.7\n"));
		await expect(readDocument(pdf, { name: "big.pdf" })).rejects.toMatchObject({
			code: "too-large",
			source: "big.pdf",
		});
	});
});
