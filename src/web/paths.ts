/**
 * The addresses of the web pages, built in one place so that every link
 * between pages (and every test) agrees on them. Members appear in paths by
 * their short number with a hyphen (`37-39`), the form people can type.
 */
import { parseSymbol } from "../core/symbol.ts";

/** How a member is named in an address: `A/HRC/RES/37/39` -> `37-39`; other symbols as they are. */
export function memberKey(symbol: string): string {
	return parseSymbol(symbol)?.slug ?? symbol;
}

/** A member as one path segment: its key, escaped. */
export function memberSlug(symbol: string): string {
	return encodeURIComponent(memberKey(symbol));
}

/** A member's short name for people: `37/39`, else the symbol as stored. */
export function shortName(symbol: string | null, fallback = "the draft"): string {
	if (!symbol) return fallback;
	return parseSymbol(symbol)?.number ?? symbol;
}

/** The year of an ISO date, or an empty string. */
export function yearOf(date: string | null): string {
	return date?.slice(0, 4) ?? "";
}

/** A query string from the values that are set, in the order given (`?a=1&b=2`, or ""). */
export function queryString(values: Readonly<Record<string, string | undefined>>): string {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(values)) {
		if (value !== undefined && value !== "") params.set(name, value);
	}
	const text = params.toString();
	return text ? `?${text}` : "";
}

export function seriesHref(seriesId?: string): string {
	return `/${queryString({ series: seriesId })}`;
}

export function lineageHref(seriesId?: string, anchor?: string): string {
	return `/lineage${queryString({ series: seriesId })}${anchor ? `#${encodeURIComponent(anchor)}` : ""}`;
}

/**
 * The redline page between two members, with its filters.
 *
 * @example
 * diffHref("A/HRC/RES/34/39", "A/HRC/RES/37/39", { only: "changes" }) // "/diff/34-39/37-39?only=changes"
 */
export function diffHref(
	from: string,
	to: string,
	query: Readonly<Record<string, string | undefined>> = {},
	anchor?: string,
): string {
	const hash = anchor ? `#${encodeURIComponent(anchor)}` : "";
	return `/diff/${memberSlug(from)}/${memberSlug(to)}${queryString(query)}${hash}`;
}

export function paragraphHref(member: string, ref: string): string {
	return `/paragraph/${memberSlug(member)}/${encodeURIComponent(ref)}`;
}

/** The page that reads a stored member whole; `ref` lands on one paragraph (`#OP5`). */
export function resolutionHref(member: string, ref?: string): string {
	return `/resolution/${memberSlug(member)}${ref ? `#${encodeURIComponent(ref)}` : ""}`;
}

export function newLanguageHref(member: string): string {
	return `/new/${memberSlug(member)}`;
}

/** A member annotated with its sources, as a download (`md`, `html`, `docx`). */
export function sourcesHref(member: string, format: "md" | "html" | "docx"): string {
	return `/api/resolutions/${memberSlug(member)}/sources?format=${format}`;
}

export const COMPARE_PATH = "/compare";

/** The API's rendering of a comparison, as a download. */
export function apiDiffHref(
	from: string,
	to: string,
	format: "docx" | "md" | "html",
	inline = false,
): string {
	return `/api/diff${queryString({
		from: memberKey(from),
		to: memberKey(to),
		format,
		inline: inline ? "true" : undefined,
	})}`;
}
