/**
 * The pages' static files: the stylesheet (the redline's and the pages' own)
 * and the enhancement script, kept in memory and served under addresses that
 * carry a hash of their content, so browsers may keep them for a year and
 * still see a new version at once.
 */
import type { Context } from "hono";
import { REDLINE_CSS } from "../../render/index.ts";
import { ENHANCE_JS } from "./enhance-js.ts";
import { SITE_CSS } from "./site-css.ts";

interface Asset {
	readonly body: string;
	readonly type: string;
}

/** FNV-1a over the text: enough to tell versions apart, and the same on every runtime. */
function contentHash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, "0");
}

const files: Record<string, Asset> = {
	"resdiff.css": { body: `${REDLINE_CSS}\n${SITE_CSS}`, type: "text/css; charset=utf-8" },
	"enhance.js": { body: ENHANCE_JS, type: "text/javascript; charset=utf-8" },
	// Two overlapping pages, struck and inserted: without it browsers ask for /favicon.ico and log a 404.
	"icon.svg": {
		body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="1" width="9" height="12" fill="#ffebe9" stroke="#82071e"/><rect x="6" y="3" width="9" height="12" fill="#dafbe1" stroke="#055d20"/></svg>',
		type: "image/svg+xml",
	},
};

/** Where each file is served: `/assets/resdiff.css?v=1a2b3c4d`. */
export const ASSET_HREF: Readonly<Record<"css" | "js" | "icon", string>> = {
	css: `/assets/resdiff.css?v=${contentHash(files["resdiff.css"]?.body ?? "")}`,
	js: `/assets/enhance.js?v=${contentHash(files["enhance.js"]?.body ?? "")}`,
	icon: `/assets/icon.svg?v=${contentHash(files["icon.svg"]?.body ?? "")}`,
};

/** Serves `/assets/:name`; undefined for a name that is not one of the files. */
export function serveAsset(c: Context, name: string): Response | undefined {
	const file = files[name];
	if (!file) return undefined;
	return c.body(file.body, 200, {
		"content-type": file.type,
		"cache-control": "public, max-age=31536000, immutable",
		"x-content-type-options": "nosniff",
	});
}
