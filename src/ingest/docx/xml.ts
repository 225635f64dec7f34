/**
 * The little of XML the DOCX reader needs: parse a part into a DOM (refusing
 * malformed XML with an error naming the part), and find elements and
 * attributes by local name, so that both the transitional and the strict
 * WordprocessingML namespaces read the same.
 */
import type { Element } from "@xmldom/xmldom";
import { UnreadableDocumentError } from "../errors.ts";

export type { Element };

type XmlDom = typeof import("@xmldom/xmldom");
let xmldom: XmlDom | undefined;

/** Loads the XML parser, which the service needs only when a DOCX arrives; the reader awaits it first. */
export async function loadXml(): Promise<void> {
	xmldom ??= await import("@xmldom/xmldom");
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
	if (!xmldom) throw new Error("parseXml needs loadXml() to have finished");
	const parser = new xmldom.DOMParser({
		onError: (level, message) => {
			// Warnings (an unknown entity, say) leave a readable tree; errors do not.
			if (level !== "warning") fail(message);
		},
	});
	let root: Element | null = null;
	try {
		root = parser.parseFromString(xml, "text/xml").documentElement;
	} catch (e) {
		if (e instanceof UnreadableDocumentError) throw e;
		fail(e instanceof Error ? e.message : String(e));
	}
	if (!root) return fail("no root element");
	return root;
}

/** The element's child elements, optionally only those with a local name. */
export function childElements(el: Element, localName?: string): Element[] {
	const out: Element[] = [];
	for (let n = el.firstChild; n; n = n.nextSibling) {
		if (n.nodeType === 1 && (!localName || (n as Element).localName === localName)) {
			out.push(n as Element);
		}
	}
	return out;
}

/** The first child element with that local name. */
export function child(el: Element, localName: string): Element | undefined {
	for (let n = el.firstChild; n; n = n.nextSibling) {
		if (n.nodeType === 1 && (n as Element).localName === localName) return n as Element;
	}
	return undefined;
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
	if (!el) return null;
	const attrs = el.attributes;
	for (let i = 0; i < attrs.length; i++) {
		const a = attrs.item(i);
		if (a && (a.localName ?? a.name) === localName) return a.value;
	}
	return null;
}

/** Whether an on/off property is on: present, and not `w:val="false"` or `"0"`. */
export function isOn(el: Element | undefined): boolean {
	if (!el) return false;
	const v = attr(el, "val");
	return v === null || !["false", "0", "off"].includes(v);
}
