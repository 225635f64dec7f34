import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotFoundError, ParseError } from "../../src/core/errors.ts";
import { Resolution } from "../../src/core/model.ts";
import { MAX_PARAGRAPHS, MAX_TEXT_BYTES, parseResolution } from "../../src/core/parse/index.ts";
import { readSource } from "../../src/ingest/corpus.ts";
import { corpusDir, shippedText } from "../helpers/paths.ts";

function parseError(f: () => unknown): ParseError {
	try {
		f();
	} catch (e) {
		if (e instanceof ParseError) return e;
		throw e;
	}
	throw new Error("expected a ParseError");
}

describe("parser: bad input gets a clear, typed error", () => {
	it("refuses an empty text", () => {
		expect(parseError(() => parseResolution("")).code).toBe("empty");
		expect(parseError(() => parseResolution(" \n\t\n")).code).toBe("empty");
	});

	it("refuses a binary file, naming the line of the first NUL", () => {
		const e = parseError(() => parseResolution("line one\nline two \u0000\u0001\u0002"));
		expect(e).toMatchObject({ code: "binary", line: 2 });
		expect(e.message).toMatch(/binary/);
	});

	it("refuses a text over 2 MB", () => {
		const big = `\tThe Human Rights Council,\n\t1.\tDecides ${"x".repeat(MAX_TEXT_BYTES)}`;
		const e = parseError(() => parseResolution(big));
		expect(e.code).toBe("too-large");
		expect(e.message).toMatch(/limit is 2097152 bytes/);
	});

	it("refuses a text with more paragraphs than the limit, naming the first one past it", () => {
		const many = Array.from(
			{ length: MAX_PARAGRAPHS + 1 },
			(_, i) => `\t${i + 1}.\tDecides item ${i + 1};`,
		);
		const e = parseError(() =>
			parseResolution(`\tThe Human Rights Council,\n${many.join("\n")}\n`),
		);
		expect(e).toMatchObject({ code: "too-many-paragraphs", line: MAX_PARAGRAPHS + 2 });
		expect(e.message).toBe(
			`the text has ${MAX_PARAGRAPHS + 1} paragraphs; the limit is ${MAX_PARAGRAPHS}`,
		);
	});

	it("refuses a text with no operative paragraphs, naming the first paragraph's line", () => {
		const e = parseError(() =>
			parseResolution(
				"\t99/8.\tSynthetic test text\n\tThe Human Rights Council,\n\tRecalling its resolutions,\n",
			),
		);
		expect(e).toMatchObject({ code: "no-operative", line: 3 });
	});

	it("names the file and line when a file fails", async () => {
		const dir = mkdtempSync(join(tmpdir(), "resdiff-"));
		const path = join(dir, "draft.txt");
		writeFileSync(path, "\tThe Human Rights Council,\n\tRecalling its resolutions,\n");
		const e = await readSource(path, corpusDir).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(ParseError);
		expect((e as ParseError).describe()).toBe(
			`${path}:2: no operative paragraphs found (numbered lines such as "1.<TAB>Strongly condemns ...")`,
		);
	});

	it("says when a file does not exist", async () => {
		const e = await readSource("/no/such/file.txt", corpusDir).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(NotFoundError);
		expect((e as Error).message).toBe("no such file: /no/such/file.txt");
	});

	it("says when a symbol is unknown, listing the known ones", async () => {
		const e = await readSource("12/34", corpusDir).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(NotFoundError);
		expect((e as NotFoundError).known).toEqual(["37/39"]);
		expect((e as Error).message).toMatch(
			/unknown symbol 12\/34; texts present: 37\/39; listed but missing: 20\/17, 21\/25, 22\/18/,
		);
	});

	it("says how to get a member that is listed but missing", async () => {
		const e = await readSource("34/39", corpusDir).catch((x: unknown) => x);
		expect((e as Error).message).toMatch(
			/34\/39 is in the series but its text is not in .* yet \(run: resdiff fetch 34\/39/,
		);
	});
});

describe("parser fuzz: random and mutated text", () => {
	const outcome = (text: string) => {
		try {
			const res = parseResolution(text);
			// Whatever comes back is a well-formed Resolution.
			Resolution.parse(res);
			return "resolution";
		} catch (e) {
			if (e instanceof ParseError) return "parse-error";
			throw e;
		}
	};

	it("returns a Resolution or throws ParseError for random text", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) => {
				expect(["resolution", "parse-error"]).toContain(outcome(text));
			}),
			{ numRuns: 500 },
		);
	});

	it("returns a Resolution or throws ParseError for mutations of the shipped text", () => {
		const lines = shippedText().split("\n");
		const mutation = fc.record({
			drop: fc.array(fc.nat(lines.length), { maxLength: 20 }),
			dup: fc.array(fc.nat(lines.length), { maxLength: 5 }),
			noise: fc.array(
				fc.tuple(fc.nat(lines.length), fc.string({ unit: "binary", maxLength: 30 })),
				{ maxLength: 10 },
			),
			cut: fc.nat(20000),
		});
		fc.assert(
			fc.property(mutation, ({ drop, dup, noise, cut }) => {
				let out = lines.filter((_, i) => !drop.includes(i));
				for (const i of dup) out.splice(i, 0, out[i % out.length] ?? "");
				for (const [i, s] of noise) out[i % out.length] = `${s}${out[i % out.length] ?? ""}`;
				out = out.join("\n").slice(0, cut).split("\n");
				expect(["resolution", "parse-error"]).toContain(outcome(out.join("\n")));
			}),
			{ numRuns: 300 },
		);
	});
});
