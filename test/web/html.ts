/**
 * Reading a whole page back as a browser parses it (parse5), with the
 * element helpers the renderer tests use.
 */
import { type DefaultTreeAdapterMap, parse } from "parse5";
import {
	attr,
	byClass,
	byTag,
	type Element,
	findAll,
	hasClass,
	textOf,
} from "../render/helpers/dom.ts";

export { attr, byClass, byTag, type Element, findAll, hasClass, textOf };

export type Document = DefaultTreeAdapterMap["document"];

export function parsePage(html: string): Document {
	return parse(html);
}

/** Every id on the page, in document order. */
export function ids(doc: Document): string[] {
	return findAll(doc, (el) => attr(el, "id") !== undefined).map((el) => attr(el, "id") ?? "");
}

/** An attribute of an element that may be missing (then undefined, and the expectation fails). */
export function attrOf(el: Element | undefined, name: string): string | undefined {
	return el ? attr(el, name) : undefined;
}

export function byId(doc: Document, id: string): Element | undefined {
	return findAll(doc, (el) => attr(el, "id") === id)[0];
}

/** Elements with an attribute, and that attribute's value when one is given. */
export const byAttr = (name: string, value?: string) => (el: Element) => {
	const v = attr(el, name);
	return v !== undefined && (value === undefined || v === value);
};

/** The text of a page with runs of whitespace as single spaces. */
export function flatText(node: Document | Element): string {
	return textOf(node).replace(/\s+/g, " ").trim();
}
