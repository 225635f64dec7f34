/** A structured diff as the response the client asked for: JSON, HTML, Markdown or Word. */
import { LRUCache } from "lru-cache";
import type { StructuredDiff } from "../core/diff/index.ts";
import {
	CONTENT_TYPES,
	contentDisposition,
	downloadName,
	REDLINE_CSS,
	renderDocx,
	renderHtml,
	renderMarkdown,
} from "../render/index.ts";
import type { DiffFormat } from "./negotiate.ts";

export interface RepresentOptions {
	/** Styles in attributes, for pasting into Word or an email. */
	readonly inlineStyles?: boolean;
	/** The revision date of a Word file: the comparison's date. */
	readonly date: string;
}

type Represented = {
	body: string | ArrayBuffer | Uint8Array<ArrayBuffer>;
	headers: Record<string, string>;
};

const encoder = new TextEncoder();

/**
 * Rendered bodies of stored comparisons, keyed by their strong ETag (which
 * names both texts' hashes, the engine, the format and the styling), so the
 * same bytes are not rendered twice. Bounded by total size.
 */
const rendered = new LRUCache<string, Represented>({
	maxSize: 32 * 1024 * 1024,
	sizeCalculation: (r) =>
		Math.max(1, typeof r.body === "string" ? r.body.length * 2 : r.body.byteLength),
});

/** Like `represent`, reusing the bytes made earlier for the same ETag. */
export async function representCached(
	etag: string,
	diff: StructuredDiff,
	format: DiffFormat,
	options: RepresentOptions,
): Promise<Represented> {
	const hit = rendered.get(etag);
	if (hit) return hit;
	const made = await represent(diff, format, options);
	// Kept as bytes, so a cached answer is not encoded again on every request.
	const kept: Represented = {
		...made,
		body:
			typeof made.body === "string"
				? (encoder.encode(made.body) as Uint8Array<ArrayBuffer>)
				: made.body,
	};
	rendered.set(etag, kept);
	return kept;
}

/** The body and headers for a diff in a format. */
export async function represent(
	diff: StructuredDiff,
	format: DiffFormat,
	options: RepresentOptions,
): Promise<Represented> {
	if (format === "json") {
		return {
			body: JSON.stringify(diff),
			headers: { "content-type": "application/json; charset=utf-8" },
		};
	}
	const name = downloadName(diff, format);
	if (format === "html") {
		const fragment = renderHtml(diff, { inlineStyles: options.inlineStyles === true });
		const body = options.inlineStyles ? fragment : `<style>${REDLINE_CSS}</style>\n${fragment}`;
		return {
			body,
			headers: {
				"content-type": CONTENT_TYPES.html,
				"content-disposition": contentDisposition(name).replace("attachment", "inline"),
			},
		};
	}
	if (format === "md") {
		return {
			body: renderMarkdown(diff),
			headers: {
				"content-type": CONTENT_TYPES.md,
				"content-disposition": contentDisposition(name),
			},
		};
	}
	const bytes = await renderDocx(diff, { date: options.date });
	// A copy in a plain ArrayBuffer: what every runtime's Response accepts.
	const body = bytes.slice().buffer as ArrayBuffer;
	return {
		body,
		headers: {
			"content-type": CONTENT_TYPES.docx,
			"content-disposition": contentDisposition(name),
		},
	};
}
