/**
 * `/api/docs`: the interactive API reference, served by the service itself.
 * The page is Swagger UI from the `swagger-ui-dist` package, whose bundled
 * script and stylesheet the runtime hands over (`AppDeps.docsAsset`: read
 * from node_modules on Node, bundled as text into the Worker), so a visitor's
 * browser asks nothing of any other site. The page's Content Security Policy
 * allows only this service; images may also be `data:` addresses, which is
 * how the stylesheet draws its icons (they are part of the stylesheet, not a
 * request anywhere).
 */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./types.ts";

/** The files of `swagger-ui-dist` the page uses. */
export const DOCS_ASSETS = ["swagger-ui.css", "swagger-ui-bundle.js"] as const;
export type DocsAsset = (typeof DOCS_ASSETS)[number];

export const DOCS_PATH = "/api/docs";

const TYPES: Record<DocsAsset | "start.js", string> = {
	"swagger-ui.css": "text/css; charset=utf-8",
	"swagger-ui-bundle.js": "text/javascript; charset=utf-8",
	"start.js": "text/javascript; charset=utf-8",
};

/**
 * Starts the reference on the service's own OpenAPI document. `validatorUrl: null`
 * keeps Swagger UI from sending the document to its public validator for a badge.
 */
const START_JS = `"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#reference",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>resdiff API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
<script src="${DOCS_PATH}/swagger-ui-bundle.js" defer></script>
<script src="${DOCS_PATH}/start.js" defer></script>
</head>
<body>
<main id="reference"><noscript>The reference needs JavaScript; the same description is at <a href="/api/openapi.json">/api/openapi.json</a>.</noscript></main>
</body>
</html>
`;

const onlySelf = secureHeaders({
	contentSecurityPolicy: {
		defaultSrc: ["'none'"],
		scriptSrc: ["'self'"],
		styleSrc: ["'self'"],
		imgSrc: ["'self'", "data:"],
		fontSrc: ["'self'"],
		connectSrc: ["'self'"],
		formAction: ["'self'"],
		baseUri: ["'none'"],
		frameAncestors: ["'none'"],
	},
});

export const docsRouter = new Hono<AppEnv>();

docsRouter.use(DOCS_PATH, onlySelf);
docsRouter.use(`${DOCS_PATH}/*`, onlySelf);
docsRouter.get(DOCS_PATH, (c) => c.html(PAGE, 200, { "cache-control": "public, max-age=300" }));
docsRouter.get(`${DOCS_PATH}/start.js`, (c) =>
	c.body(START_JS, 200, { "content-type": TYPES["start.js"], "cache-control": "no-cache" }),
);
docsRouter.get(`${DOCS_PATH}/:name`, async (c, next) => {
	const name = c.req.param("name") as DocsAsset;
	if (!DOCS_ASSETS.includes(name)) return next();
	const text = await c.get("deps").docsAsset?.(name);
	if (text == null) return next();
	return c.body(text, 200, {
		"content-type": TYPES[name],
		"cache-control": "public, max-age=86400",
		"x-content-type-options": "nosniff",
	});
});
