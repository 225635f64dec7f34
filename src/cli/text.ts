/** Small text helpers shared by the commands' terminal output. */
import { UsageError } from "./io.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escape codes is the point.
const ANSI = /\u001b\[[0-9;]*m/g;

/** Visible width of a string that may hold colour codes. */
export function visibleLength(s: string): number {
	return s.replace(ANSI, "").length;
}

/** Wraps words to a width, the first line after `first`, the others after `rest`. */
export function wrapText(text: string, width: number, first: string, rest: string): string[] {
	const lines: string[] = [];
	let line = first;
	let empty = true;
	for (const word of text.split(" ")) {
		if (!empty && visibleLength(line) + 1 + visibleLength(word) > width) {
			lines.push(line);
			line = rest;
			empty = true;
		}
		line += empty ? word : ` ${word}`;
		empty = false;
	}
	lines.push(line);
	return lines;
}

/** Checks a `--format` value against the formats a command offers. */
export function formatOption<T extends string>(
	value: string | undefined,
	allowed: readonly T[],
): T {
	const v = (value ?? allowed[0]) as T;
	if (!allowed.includes(v)) {
		throw new UsageError(`unknown format "${value}"; use one of: ${allowed.join(", ")}`);
	}
	return v;
}
