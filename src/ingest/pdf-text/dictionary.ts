/**
 * An English word list (the `word-list` package: about 275,000 words, with
 * their inflections), read on first use, to tell a word a typesetter split
 * at a line's end from a compound whose hyphen belongs to it.
 */
import { readFileSync } from "node:fs";
import wordListPath from "word-list";

let words: Set<string> | null = null;

function load(): Set<string> {
	if (words) return words;
	try {
		words = new Set(readFileSync(wordListPath, "utf8").split("\n"));
	} catch {
		// Without the list (a runtime with no file system), no word is known and hyphens stay.
		words = new Set();
	}
	return words;
}

/** Whether the word list has this word, in lower case. */
export function isEnglishWord(word: string): boolean {
	return load().has(word.toLowerCase());
}
