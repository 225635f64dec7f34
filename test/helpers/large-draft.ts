/**
 * A large synthetic draft for load and fault tests: the shipped 37/39's
 * paragraphs repeated with scripted word changes until the text reaches the
 * size asked for (1.5 MB by default), under a title that says it is
 * synthetic. Not a UN document.
 */
import { shippedText } from "./paths.ts";

const SWAPS = [
	["Malian", "regional"],
	["Welcomes", "Notes"],
	["authorities", "institutions"],
	["strongly", "firmly"],
	["human rights", "fundamental rights"],
] as const;

/** A draft of about `bytes` bytes (UTF-8), operative paragraphs numbered 1, 2, 3... */
export function largeDraft(bytes = 1_500_000): string {
	const lines = shippedText().split("\n");
	const operative = lines
		.filter((l) => /^\t\d+\.\t/.test(l))
		.map((l) => l.replace(/^\t\d+\.\t/, "").replace(/\[footnoteRef:\d+\]|\[\d+:[^\]]*\]/g, ""));
	const preamble = lines.filter((l) => /^\t[A-Z]/.test(l) && !/^\t\d/.test(l)).slice(0, 20);
	const out = [
		"Synthetic large draft for load tests, made by test/helpers/large-draft.ts; not an official text",
		"",
		...preamble,
	];
	let size = Buffer.byteLength(out.join("\n"));
	for (let n = 1; size < bytes; n++) {
		const body = operative[n % operative.length] ?? "Decides to remain seized of the matter;";
		const [from, to] = SWAPS[n % SWAPS.length] ?? SWAPS[0];
		// The paragraph's number in its words keeps every repetition distinct.
		const line = `\t${n}.\t${body.replace(from, to).replace(/;$/, "")} (variant ${n});`;
		out.push(line);
		size += Buffer.byteLength(line) + 1;
	}
	return out.join("\n");
}
