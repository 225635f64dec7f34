/** Which members /lineage spans when the address names none: all of a short series, the latest 20 of a long one. */
import { describe, expect, it } from "vitest";
import { DEFAULT_WINDOW, memberWindow } from "../../src/web/pages/lineage.tsx";

const symbols = (n: number) => Array.from({ length: n }, (_, k) => `SYNTHETIC/${2000 + k}`);

describe("the lineage page's window of members", () => {
	it("shows every member of a series of up to 20, and the latest 20 of a longer one", () => {
		expect(DEFAULT_WINDOW).toBe(20);
		const none = { from: undefined, to: undefined };
		expect(memberWindow(symbols(20), none)).toBe(none);
		expect(memberWindow(symbols(1000), none)).toEqual({ from: "SYNTHETIC/2980", to: undefined });
	});

	it("keeps the window the address asks for, whatever the series' length", () => {
		const asked = { from: "SYNTHETIC/2003", to: undefined };
		expect(memberWindow(symbols(1000), asked)).toBe(asked);
		const upTo = { from: undefined, to: "SYNTHETIC/2010" };
		expect(memberWindow(symbols(1000), upTo)).toBe(upTo);
	});
});
