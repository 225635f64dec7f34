import { describe, expect, it } from "vitest";
import {
	CONTENT_TYPES,
	contentDisposition,
	downloadName,
	RENDER_FORMATS,
} from "../../src/render/index.ts";

const side = (symbol: string | null, title: string | null = null) => ({
	symbol,
	title,
	date: null,
});

describe("downloadName", () => {
	it("names a comparison of two members by their short numbers", () => {
		const diff = { from: side("A/HRC/RES/34/39"), to: side("A/HRC/RES/37/39") };
		expect(downloadName(diff, "docx")).toBe("resdiff-34-39-to-37-39.docx");
		expect(downloadName(diff, "md")).toBe("resdiff-34-39-to-37-39.md");
		expect(downloadName(diff, "html")).toBe("resdiff-34-39-to-37-39.html");
	});

	it("names a special session's resolution by its number", () => {
		const diff = { from: side("A/HRC/RES/S-30/1"), to: side("A/HRC/RES/37/39") };
		expect(downloadName(diff, "docx")).toBe("resdiff-s-30-1-to-37-39.docx");
	});

	it("names a draft without a symbol by its title, made safe and short, or as old/new", () => {
		const draft = {
			from: side("A/HRC/RES/37/39"),
			to: side(null, `Draft "L.12" — Mali: <revised>/../../etc`),
		};
		const name = downloadName(draft, "docx");
		expect(name).toBe("resdiff-37-39-to-draft-l-12-mali-revised-etc.docx");
		expect(name).toMatch(/^[a-z0-9.-]+$/);
		const long = { from: side(null, "x".repeat(200)), to: side(null, "?!") };
		const longName = downloadName(long, "md");
		expect(longName).toBe(`resdiff-${"x".repeat(40)}-to-new.md`);
	});
});

describe("content types", () => {
	it("gives each format its type, text ones with their charset", () => {
		expect(RENDER_FORMATS).toEqual(["html", "md", "docx"]);
		expect(CONTENT_TYPES).toEqual({
			html: "text/html; charset=utf-8",
			md: "text/markdown; charset=utf-8",
			docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		});
	});

	it("offers a file as an attachment, quotes in a name made harmless", () => {
		expect(contentDisposition("resdiff-34-39-to-37-39.docx")).toBe(
			'attachment; filename="resdiff-34-39-to-37-39.docx"',
		);
		expect(contentDisposition('a"b\r\nc.md')).toBe('attachment; filename="a_b__c.md"');
	});
});
