/** Which representation of a comparison to send: the `format` parameter wins, then Accept. */
import { CONTENT_TYPES, type RenderFormat } from "../render/index.ts";

export type DiffFormat = "json" | RenderFormat;

export const DIFF_FORMATS: readonly DiffFormat[] = ["json", "html", "md", "docx"];

const BY_MEDIA_TYPE: readonly [string, DiffFormat][] = [
	["application/json", "json"],
	["text/html", "html"],
	["text/markdown", "md"],
	[CONTENT_TYPES.docx, "docx"],
];

/** The format asked for by `format`, else the Accept entry with the highest q that we offer, else JSON. */
export function negotiateFormat(
	format: DiffFormat | undefined,
	accept: string | undefined,
): DiffFormat {
	if (format) return format;
	let best: { f: DiffFormat; q: number } | null = null;
	for (const part of (accept ?? "").split(",")) {
		const [type = "", ...params] = part.trim().toLowerCase().split(";");
		const q = Number(
			params
				.map((p) => p.trim())
				.find((p) => p.startsWith("q="))
				?.slice(2) ?? 1,
		);
		const hit = BY_MEDIA_TYPE.find(([t]) => t === type.trim());
		if (hit && q > 0 && (!best || q > best.q)) best = { f: hit[1], q };
	}
	return best?.f ?? "json";
}

/** Whether an If-None-Match header matches an entity tag. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === "*") return true;
	return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}
