/**
 * A tests-only resolution made by scripted edits of the real 37/39 (read at
 * run time, never stored in the repository): its symbol (A/HRC/RES/99/90),
 * title and date say it is synthetic, and it borrows one paragraph of the
 * real Somalia resolution 36/27 as a new operative paragraph, so that the
 * borrowed wording is new to the Mali series but first used in 36/27. It is
 * not a UN document.
 */
import { createHash } from "node:crypto";
import type { ImportSource } from "../../src/db/queries/import.ts";
import { readPdfText } from "../../src/ingest/pdf-text.ts";
import { loadRealMembers, type RealMember } from "./real-series.ts";

export const BORROWING_SYMBOL = "A/HRC/RES/99/90";
export const BORROWED_FROM = "A/HRC/RES/36/27";
/** The Somalia paragraph borrowed: concern at attacks on human rights defenders and the media. */
export const BORROWED_REF = "OP6";

function source(text: string, name: string, symbol: string, title?: string): ImportSource {
	const resolution = readPdfText(text, { symbol });
	return {
		resolution: title ? { ...resolution, title } : resolution,
		source: { name, sha256: createHash("sha256").update(text).digest("hex") },
	};
}

export function realSource(member: RealMember): ImportSource {
	return source(member.text, member.file, member.symbol);
}

/** The edits: 37/39's closing date moved to 2031, Somalia's OP6 (with Somalia made Mali) inserted after OP6, operative numbers redone. */
export function borrowingSource(
	maliDir: string,
	somaliaDir: string,
): { source: ImportSource; borrowed: string } {
	const mali = loadRealMembers(maliDir).find((m) => m.symbol === "A/HRC/RES/37/39");
	const somalia = loadRealMembers(somaliaDir).find((m) => m.symbol === BORROWED_FROM);
	const taken = somalia?.entries.find(([label]) => label === BORROWED_REF)?.[1];
	if (!mali || !somalia || !taken)
		throw new Error("37/39 or 36/27 OP6 is missing from the real series");
	const borrowed = taken.replace(/^\d+\.\s*/, "").replace(/Somalia/g, "Mali");
	const entries: string[] = [];
	let n = 0;
	for (const [label, text] of mali.entries) {
		const renumbered = /^OP\d+$/.test(label) ? text.replace(/^\d+\./, () => `${++n}.`) : text;
		entries.push(renumbered.replace("23 March 2018", "21 March 2031"));
		if (label === "OP6") entries.push(`${++n}. ${borrowed}`);
	}
	return {
		source: source(
			entries.join("\n"),
			"synthetic-99-90 (37-39 with a Somalia paragraph).txt",
			BORROWING_SYMBOL,
			"Synthetic test member 99/90: 37/39 with a paragraph borrowed from 36/27 (not a UN document)",
		),
		borrowed,
	};
}
