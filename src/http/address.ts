/**
 * Checks on a request's address that no route should have to repeat: a NUL
 * character (`%00`) in a query parameter or a path segment is never part of
 * a symbol, a series, a reference or a phrase, and PostgreSQL cannot even
 * store one, so it is refused up front, naming where it is.
 */

export interface AddressFault {
	/** "query.q", "path": where, as a problem's `errors[].path`. */
	readonly path: string;
	readonly detail: string;
}

function decoded(part: string): string {
	try {
		return decodeURIComponent(part.replace(/\+/g, " "));
	} catch {
		// Malformed escapes are the router's to answer; only a NUL is looked for here.
		return part;
	}
}

/** Where the address holds a NUL, or null when it holds none. */
export function nulInAddress(url: string): AddressFault | null {
	// Only "%00" decodes to a NUL (HTTP parsers refuse a raw one): most addresses need no more than this.
	if (!url.includes("%00") && !url.includes("\u0000")) return null;
	const { pathname, search } = new URL(url);
	for (const segment of pathname.split("/")) {
		if (decoded(segment).includes("\u0000"))
			return {
				path: "path",
				detail: `the path segment "${segment}" contains a NUL character (%00), which no address here accepts`,
			};
	}
	for (const pair of search.replace(/^\?/, "").split("&")) {
		if (!pair) continue;
		const [rawKey = "", ...rest] = pair.split("=");
		const key = decoded(rawKey);
		if (key.includes("\u0000") || decoded(rest.join("=")).includes("\u0000")) {
			const name = key.replaceAll("\u0000", "%00");
			return {
				path: `query.${name}`,
				detail: `the query parameter "${name}" contains a NUL character (%00), which no parameter accepts`,
			};
		}
	}
	return null;
}
