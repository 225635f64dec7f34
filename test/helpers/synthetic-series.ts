/**
 * A small synthetic series for storage and service tests: three members made
 * from the shipped 37/39 by scripted edits. Their symbols (99/1..99/3), titles
 * and series id say they are synthetic; they are not UN documents.
 */
import { createHash } from "node:crypto";
import type { Manifest } from "../../src/core/manifest.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import type { ImportSource } from "../../src/db/queries/import.ts";
import { shippedText } from "./paths.ts";

export const SYNTHETIC_SERIES = "synthetic-test";

const DATES = ["2031-03-21", "2032-03-19", "2033-03-18"];
const PRINTED = ["21 March 2031", "19 March 2032", "18 March 2033"];

function member(k: number, edit: (text: string) => string): string {
	const text = shippedText()
		.replace(
			"37/39.\tTechnical assistance",
			`99/${k}.\tSynthetic test member ${k}: technical assistance`,
		)
		.replace("23 March 2018", PRINTED[k - 1] ?? "");
	return edit(text);
}

/** Renumbers operative paragraphs 1, 2, 3... after edits that add or remove some. */
function renumber(text: string): string {
	let n = 0;
	return text.replace(/^\t\d+\.\t/gm, () => `\t${++n}.\t`);
}

/** Member 2's edits of 37/39, with the session it names: a lead made stronger, one paragraph dropped, one added. */
function yearTwoEdits(text: string, session: string): string {
	return text
		.replace(
			"\tEncourages the Malian authorities to put in place",
			"\tUrges the Malian authorities to put in place",
		)
		.replace(/fortieth session/g, `${session} session`)
		.replace(/^\tNoting the account taken by the G5 Sahel.*\n/m, "")
		.replace(
			/^(\t3\.\t.*\n)/m,
			"$1\t3.\tWelcomes the synthetic test commitment to hold regular consultations with women's organizations across every region;\n",
		);
}

export const syntheticTexts: readonly string[] = [
	member(1, (t) => t),
	member(2, (t) => renumber(yearTwoEdits(t, "forty-third"))),
	// Member 3 keeps member 2's edits, bumps the session again and adds one more paragraph.
	member(3, (t) =>
		renumber(
			yearTwoEdits(t, "forty-sixth").replace(
				/^(\t31\.\t.*\n)/m,
				"$1\t31.\tRequests the synthetic test secretariat to publish an annual inventory of every pledge made at donor conferences;\n",
			),
		),
	),
];

export function syntheticSource(k: number): ImportSource {
	const text = syntheticTexts[k - 1] ?? "";
	return {
		resolution: parseResolution(text),
		source: {
			name: `synthetic-99-${k}.txt`,
			sha256: createHash("sha256").update(text).digest("hex"),
		},
	};
}

export const syntheticManifest: Manifest = {
	series: [
		{
			id: SYNTHETIC_SERIES,
			title: "Synthetic test series made from 37/39",
			organ: "Human Rights Council",
			members: [1, 2, 3].map((k) => ({
				symbol: `A/HRC/RES/99/${k}`,
				number: `99/${k}`,
				title: `Synthetic test member ${k}`,
				session: 99,
				adopted: DATES[k - 1] ?? "",
				vote: "without a vote",
				address: `https://example.invalid/synthetic/99-${k}`,
				file: null,
				sha256: null,
				omittedFromLaterPreambles: false,
			})),
		},
	],
};
