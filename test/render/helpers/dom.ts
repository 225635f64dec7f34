/**
 * Reading rendered HTML back, as a browser would parse it (parse5 follows the
 * HTML standard): find elements, read their text, with `<br>` as a newline and
 * chosen elements (the screen-reader words) left out.
 */
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";

export type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

export function parseHtml(html: string): DefaultTreeAdapterMap["documentFragment"] {
	return parseFragment(html);
}

function isElement(node: Node): node is Element {
	return "tagName" in node;
}

function childrenOf(node: Node): Node[] {
	return "childNodes" in node ? node.childNodes : [];
}

/** Elements under `root` (depth first, document order) that satisfy `test`. */
export function findAll(root: Node, test: (el: Element) => boolean): Element[] {
	const out: Element[] = [];
	const walk = (node: Node) => {
		if (isElement(node) && test(node)) out.push(node);
		for (const child of childrenOf(node)) walk(child);
	};
	for (const child of childrenOf(root)) walk(child);
	return out;
}

export function attr(el: Element, name: string): string | undefined {
	return el.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(el: Element, name: string): boolean {
	return (attr(el, "class") ?? "").split(/\s+/).includes(name);
}

export const byTag = (tag: string) => (el: Element) => el.tagName === tag;
export const byClass = (name: string) => (el: Element) => hasClass(el, name);

/** The text of a node; `<br>` reads as a newline and elements for which `skip` holds are left out. */
export function textOf(node: Node, skip: (el: Element) => boolean = () => false): string {
	if (node.nodeName === "#text" && "value" in node) return node.value;
	if (isElement(node)) {
		if (skip(node)) return "";
		if (node.tagName === "br") return "\n";
	}
	return childrenOf(node)
		.map((c) => textOf(c, skip))
		.join("");
}

/** Screen-reader words, which are not part of the paragraph's text. */
export const screenReaderOnly = byClass("rd-sr");
