/**
 * The little of XML the DOCX reader needs: parse a part into a small tree of
 * elements (refusing malformed XML with an error naming the part), and find
 * elements and attributes by local name, so that both the transitional and
 * the strict WordprocessingML namespaces read the same.
 *
 * saxes, a strict parser, reports the events; the tree is built here because
 * the reader needs no more than names, attributes and text. A DOM parser
 * (xmldom 0.9.12) spent most of a DOCX upload's time on work the reader never
 * used: it compiled a Unicode name pattern afresh for every end tag and
 * checked every name again as it built its nodes (about 9 ms a synthetic
 * draft, against a tenth of that for the comparison itself).
 */
import { UnreadableDocumentError } from "../errors.ts";

/** An element of a part: its local name, its attributes by local name, and its content in order. */
export interface Element {
	readonly localName: string;
	readonly attributes: ReadonlyMap<string, string>;
	readonly content: readonly (Element | string)[];
}

/**
 * How deep elements may nest. Word nests a run's text about ten levels down
 * (tables in tables add a few); the reader walks the tree recursively, so a
 * part built to nest deeper is refused before it can exhaust the stack.
 */
export const MAX_XML_DEPTH = 256;

type Saxes = typeof import("saxes");
let saxes: Saxes | undefined;

/** Loads the XML parser, which the service needs only when a DOCX arrives; the reader awaits it first. */
export async function loadXml(): Promise<void> {
	saxes ??= await import("saxes");
}

/** `w:p` -> `p`; a name without a prefix stays as it is. */
function localNameOf(name: string): string {
	return name.slice(name.indexOf(":") + 1);
}

interface Building {
	readonly localName: string;
	readonly attributes: Map<string, string>;
	readonly content: (Element | string)[];
}

/** Parses one part of the package; any XML error is a damaged document. */
export function parseXml(xml: string, part: string): Element {
	const fail = (message: string): never => {
		throw new UnreadableDocumentError(
			"zip",
			"corrupt",
			`${part} in the DOCX is not well-formed XML (${message.replace(/\s+/g, " ").slice(0, 120)})`,
		);
	};
	if (!saxes) throw new Error("parseXml needs loadXml() to have finished");
	const parser = new saxes.SaxesParser();
	const open: Building[] = [];
	let root: Building | null = null;
	parser.on("error", (error) => fail(error.message));
	parser.on("opentag", (tag) => {
		if (open.length >= MAX_XML_DEPTH)
			fail(`elements nest more than ${MAX_XML_DEPTH} deep, deeper than Word writes`);
		const attributes = new Map<string, string>();
		for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) {
			// The first of two names with one local name wins, as a lookup in document order would.
			const local = localNameOf(name);
			if (!attributes.has(local)) attributes.set(local, value);
		}
		const element: Building = { localName: localNameOf(tag.name), attributes, content: [] };
		const parent = open[open.length - 1];
		if (parent) parent.content.push(element);
		else root = element;
		open.push(element);
	});
	parser.on("closetag", () => {
		open.pop();
	});
	const addText = (text: string) => {
		// Text outside the root element is only whitespace (saxes refuses any other).
		open[open.length - 1]?.content.push(text);
	};
	parser.on("text", addText);
	parser.on("cdata", addText);
	parser.write(xml).close();
	if (!root) return fail("no root element");
	return root;
}

/** The element's child elements, optionally only those with a local name. */
export function childElements(el: Element, localName?: string): Element[] {
	const out: Element[] = [];
	for (const node of el.content) {
		if (typeof node !== "string" && (!localName || node.localName === localName)) out.push(node);
	}
	return out;
}

/** The first child element with that local name. */
export function child(el: Element, localName: string): Element | undefined {
	for (const node of el.content) {
		if (typeof node !== "string" && node.localName === localName) return node;
	}
	return undefined;
}

/** The text an element holds, its descendants' included, in document order. */
export function textOf(el: Element): string {
	let text = "";
	for (const node of el.content) text += typeof node === "string" ? node : textOf(node);
	return text;
}

/** Follows a path of local names from an element: `path(p, "pPr", "numPr", "numId")`. */
export function path(el: Element | undefined, ...names: string[]): Element | undefined {
	let at = el;
	for (const name of names) {
		if (!at) return undefined;
		at = child(at, name);
	}
	return at;
}

/** An attribute by local name (`w:val` and a strict document's `val` alike). */
export function attr(el: Element | undefined, localName: string): string | null {
	return el?.attributes.get(localName) ?? null;
}

/** Whether an on/off property is on: present, and not `w:val="false"` or `"0"`. */
export function isOn(el: Element | undefined): boolean {
	if (!el) return false;
	const v = attr(el, "val");
	return v === null || !["false", "0", "off"].includes(v);
}
