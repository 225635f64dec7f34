/**
 * Zip bombs, built at test time from deflated zeros: the archive's central
 * directory is checked before anything is inflated, only the parts the
 * reader needs are inflated, and a directory that lies is stopped by the
 * count of bytes actually inflated. A clean DOCX still reads.
 */
import { describe, expect, it } from "vitest";
import { LimitError } from "../../src/core/errors.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { readDocument } from "../../src/ingest/read.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { entriesOf, writeZip, zeroEntry } from "../helpers/zip-bomb.ts";
import { paragraphsOf } from "./same-paragraphs.ts";

const shipped = parseResolution(shippedText());
const clean = await entriesOf(await renderDocx(shipped));
const GIGABYTE = 1024;

async function refusal(bytes: Uint8Array): Promise<LimitError> {
	const e = await readDocument(bytes, { name: "synthetic-bomb.docx" }).catch((x: unknown) => x);
	expect(e).toBeInstanceOf(LimitError);
	return e as LimitError;
}

describe("a DOCX archive is checked before it is inflated", () => {
	it("reads a clean DOCX rewritten by the same ZIP writer the bombs use", async () => {
		const { resolution } = await readDocument(writeZip(clean), { name: "synthetic.docx" });
		expect(paragraphsOf(resolution)).toEqual(paragraphsOf(shipped));
	});

	it("refuses a 1 MB DOCX whose document part holds 1 GB, from its declared size", async () => {
		const bomb = writeZip(
			clean.map((e) => (e.name === "word/document.xml" ? zeroEntry(e.name, GIGABYTE) : e)),
		);
		expect(bomb.length).toBeLessThan(1.2 * 1024 * 1024);
		const e = await refusal(bomb);
		expect(e.limit).toBe("unpacked-size");
		expect(e.message).toMatch(
			/^synthetic-bomb\.docx: the archive declares 10\d\d(\.\d)? MB unpacked/,
		);
	});

	it("stops a document part that declares 20 KB and holds 1 GB, at the bytes actually inflated", async () => {
		const bomb = writeZip(
			clean.map((e) =>
				e.name === "word/document.xml" ? zeroEntry(e.name, GIGABYTE, 20 * 1024) : e,
			),
		);
		const e = await refusal(bomb);
		expect(e.message).toMatch(/word\/document\.xml unpacks to more than 16 MB/);
	});

	it("refuses 1 GB in an entry the reader never needs, from the central directory", async () => {
		const e = await refusal(writeZip([...clean, zeroEntry("word/media/filler.bin", GIGABYTE)]));
		expect(e.limit).toBe("unpacked-size");
		expect(e.message).toMatch(
			/declares 10\d\d(\.\d)? MB unpacked, over the 256 MB limit for one document/,
		);
	});

	it("reads a DOCX whose unneeded entry lies about its 1 GB: that entry is never inflated", async () => {
		const lying = writeZip([...clean, zeroEntry("word/media/filler.bin", GIGABYTE, 1000)]);
		const { resolution } = await readDocument(lying, { name: "synthetic.docx" });
		expect(paragraphsOf(resolution)).toEqual(paragraphsOf(shipped));
	});

	it("refuses a part packed past the ratio no document needs", async () => {
		const bomb = writeZip(
			clean.map((e) => (e.name === "word/styles.xml" ? zeroEntry(e.name, 8) : e)),
		);
		const e = await refusal(bomb);
		expect(e.limit).toBe("compression-ratio");
		expect(e.message).toMatch(
			/word\/styles\.xml declares 8 MB packed into 0 MB, a ratio over 200:1/,
		);
	});
});
