import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseResolution, toOfficialText } from "../../src/core/parse/index.ts";
import { arbitraryResolution } from "../helpers/arbitraries.ts";
import { shippedText } from "../helpers/paths.ts";

describe("round trip: text -> Resolution -> text -> Resolution", () => {
	it("gives back the shipped 37/39 unchanged", () => {
		const res = parseResolution(shippedText());
		expect(parseResolution(toOfficialText(res))).toEqual(res);
	});

	it("gives back any generated resolution unchanged", () => {
		fc.assert(
			fc.property(arbitraryResolution, (res) => {
				expect(parseResolution(toOfficialText(res))).toEqual(res);
			}),
			{ numRuns: 300 },
		);
	});
});
