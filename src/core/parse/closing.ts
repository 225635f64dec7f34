/**
 * The closing block after the last paragraph: the meeting or session line,
 * the date, and the bracketed adoption note with the vote.
 */
import { MONTHS } from "../calendar.ts";
import type { RecordedVote } from "../model.ts";

const MEETING =
	/^(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:-[a-z]+)?)\s+(?:plenary\s+)?(?:meeting|session)$/;
const DATE = /^(\d{1,2})\s*([A-Za-z]+)\s+(\d{4})$/;

/** "56th meeting", "Fifty-sixth session". */
export function isMeetingLine(line: string): boolean {
	return MEETING.test(line);
}

/** "23 March 2018" (also the PDF's "27March 2015") as an ISO date, else null. */
export function readDate(line: string): string | null {
	const m = DATE.exec(line);
	if (!m) return null;
	const month = MONTHS.findIndex((name) => name.toLowerCase() === (m[2] ?? "").toLowerCase());
	if (month < 0) return null;
	const day = Number(m[1]);
	if (day < 1 || day > 31) return null;
	return `${m[3]}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether a line opens the adoption note: "[Adopted without a vote.]". */
export function isAdoptionLine(line: string): boolean {
	// Bracketed as printed, or bare as some copies have it; never a sentence that merely starts "adopted".
	return /^\[\s*Adopted\b/i.test(line) || /^Adopted (?:without|by|at)\b/.test(line);
}

/**
 * Reads the vote from an adoption note. "without a vote" when it says so;
 * counts when it records a vote; null when it says neither.
 */
export function readVote(note: string): "without a vote" | RecordedVote | null {
	if (/without a vote/i.test(note)) return "without a vote";
	const m = /vote of (\d+) to (\d+)(?:,? with (\d+|no) abstentions?)?/i.exec(note);
	if (!m) return null;
	const abstain = m[3] === undefined || m[3].toLowerCase() === "no" ? 0 : Number(m[3]);
	return { yes: Number(m[1]), no: Number(m[2]), abstain };
}
