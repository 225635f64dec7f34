/** Small synthetic resolutions for unit tests, written in the official text layout. */
import type { Resolution } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";

/**
 * A synthetic resolution from its paragraphs: lines starting with a number
 * ("1. ...") are operative, others preambular.
 */
export function synthetic(number: string, ...paragraphs: string[]): Resolution {
	const lines = paragraphs.map((p) => {
		const m = /^(\d+)\.\s+(.*)$/.exec(p);
		return m ? `\t${m[1]}.\t${m[2]}` : `\t${p}`;
	});
	return parseResolution(
		[
			`\t${number}.\tSynthetic test resolution ${number}`,
			"\tThe Human Rights Council,",
			...lines,
		].join("\n"),
	);
}
