// wrangler bundles these two files as text (see wrangler.toml's [[rules]]); a text module's only export is its default.
declare module "swagger-ui-dist/swagger-ui.css" {
	const text: string;
	// biome-ignore lint/style/noDefaultExport: wrangler's Text modules export the text as their default.
	export default text;
}
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
	const text: string;
	// biome-ignore lint/style/noDefaultExport: wrangler's Text modules export the text as their default.
	export default text;
}
