/**
 * Routine changes: every year's text bumps session ordinals ("fortieth
 * session"), years, dates and document numbers (A/HRC/37/78, 34/39). A
 * rewording that changes nothing else is routine, so users can hide it.
 */
import { diffArrays } from "diff";
import { MONTHS } from "../calendar.ts";
import { ordinalWords } from "../ordinals.ts";
import { words } from "./tokens.ts";

/** Single-word session ordinals: "first" to "ninety-ninth", and "hundredth". */
const ORDINALS = new Set([
	...Array.from({ length: 99 }, (_, i) => ordinalWords(i + 1)),
	"hundredth",
]);
const MONTH_SET = new Set(MONTHS.map((m) => m.toLowerCase()));

/** What a word stands for when only its routine content may change, else the word itself. */
function routineClass(word: string, next: string | undefined): string {
	if (ORDINALS.has(word) || /^\d+(st|nd|rd|th)$/.test(word)) return "<ordinal>";
	if (/^(19|20)\d\d$/.test(word)) return "<year>";
	if (MONTH_SET.has(word)) return "<month>";
	// A day of the month: a small number just before a month name.
	if (/^\d{1,2}$/.test(word) && next !== undefined && MONTH_SET.has(next)) return "<day>";
	// Document symbols and resolution numbers: A/HRC/37/78, S/2017/1105, 34/39, E/CN.4/2005/L.10.
	if (/\//.test(word) && /\d/.test(word)) return "<document>";
	return word;
}

function routineShape(text: string): string[] {
	const ws = words(text);
	return ws.map((w, i) => routineClass(w, ws[i + 1]));
}

/**
 * Words that may come and go with a routine addition to a list of earlier
 * resolutions: "..., 31/28 of 24 March 2016 and 34/39 of 24 March 2017".
 */
const CONNECTIVES = new Set([
	"and",
	"of",
	"by",
	"its",
	"resolution",
	"resolutions",
	"decision",
	"decisions",
]);

/** Most words a routine change adds or removes: a list item such as "and 34/39 of 24 March 2017". */
const MAX_ROUTINE_EDITS = 24;

function isRoutineToken(shape: string): boolean {
	return shape.startsWith("<") || CONNECTIVES.has(shape);
}

/**
 * Whether every difference between two texts is a routine bump: a session
 * ordinal, year, date or document number replaced, or a dated document
 * added to or dropped from a list.
 *
 * @example
 * isRoutineChange("at its fortieth session", "at its forty-third session") // true
 */
export function isRoutineChange(before: string, after: string): boolean {
	const a = routineShape(before);
	const b = routineShape(after);
	if (a.length === b.length && a.every((w, i) => w === b[i])) return true;
	// A routine change is a few words: past this many edits, or this much time, it is not one.
	const parts = diffArrays(a, b, { maxEditLength: MAX_ROUTINE_EDITS, timeout: 50 });
	if (!parts) return false;
	const changed = parts.filter((p) => p.added || p.removed).flatMap((p) => p.value);
	// Beyond bumps, only a dated document may come or go ("and 34/39 of 24 March 2017"); a lone ordinal may not.
	return changed.every(isRoutineToken) && changed.includes("<document>");
}
