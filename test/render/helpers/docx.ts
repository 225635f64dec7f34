/**
 * Reading a rendered .docx back: unzip it, parse its XML parts, and read the
 * tracked changes and paragraphs the way Word does, including what "accept
 * all" and "reject all" would leave.
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";

/** xmldom's nodes, typed by the DOM lib: the shapes these tests read are the same. */
type XmlDocument = globalThis.Document;
type XmlElement = globalThis.Element;

export interface DocxParts {
	readonly document: XmlDocument;
	readonly comments: XmlDocument | null;
	readonly settings: XmlDocument | null;
	readonly files: readonly string[];
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
	const zip = await JSZip.loadAsync(bytes);
	const part = async (name: string) => {
		const file = zip.file(name);
		if (!file) return null;
		return new DOMParser().parseFromString(
			await file.async("string"),
			"text/xml",
		) as unknown as XmlDocument;
	};
	const document = await part("word/document.xml");
	if (!document) throw new Error("no word/document.xml");
	return {
		document,
		comments: await part("word/comments.xml"),
		settings: await part("word/settings.xml"),
		files: Object.keys(zip.files),
	};
}

export function elements(root: XmlDocument | XmlElement, name: string): XmlElement[] {
	return Array.from(root.getElementsByTagName(name));
}

function childElements(el: XmlElement): XmlElement[] {
	return Array.from(el.childNodes).filter((n): n is XmlElement => n.nodeType === 1);
}

/** The text of runs under an element: w:t and w:delText, with w:tab as a tab. */
export function runText(el: XmlElement): string {
	let out = "";
	const walk = (node: XmlElement) => {
		for (const child of childElements(node)) {
			if (child.tagName === "w:t" || child.tagName === "w:delText") out += child.textContent ?? "";
			else if (child.tagName === "w:tab" && node.tagName === "w:r") out += "\t";
			else walk(child);
		}
	};
	walk(el);
	return out;
}

export interface TrackedRun {
	readonly text: string;
	readonly author: string | null;
	readonly date: string | null;
	readonly id: string | null;
	/** A paragraph number ("5." and a tab) rather than text of the paragraph. */
	readonly isNumber: boolean;
}

/** The run-level `w:ins` or `w:del` elements (not paragraph-mark revisions), in document order. */
export function trackedRuns(doc: XmlDocument, tag: "w:ins" | "w:del"): TrackedRun[] {
	return elements(doc, tag)
		.filter((el) => childElements(el).some((c) => c.tagName === "w:r"))
		.map((el) => {
			const text = runText(el);
			return {
				text: text.replace(/\t$/, ""),
				author: el.getAttribute("w:author"),
				date: el.getAttribute("w:date"),
				id: el.getAttribute("w:id"),
				isNumber: /^\d+\.\t$/.test(text),
			};
		});
}

/** Every revision mark: runs and paragraph marks alike. */
export function allRevisions(doc: XmlDocument): XmlElement[] {
	return [...elements(doc, "w:ins"), ...elements(doc, "w:del")];
}

export interface BodyParagraph {
	readonly el: XmlElement;
	readonly style: string | null;
	/** How the paragraph mark is tracked. */
	readonly mark: "insert" | "delete" | null;
}

/** The body's top-level paragraphs (tables' paragraphs left out). */
export function bodyParagraphs(doc: XmlDocument): BodyParagraph[] {
	const body = elements(doc, "w:body")[0];
	if (!body) return [];
	return childElements(body)
		.filter((el) => el.tagName === "w:p")
		.map((el) => {
			const pPr = childElements(el).find((c) => c.tagName === "w:pPr");
			const rPr = pPr ? childElements(pPr).find((c) => c.tagName === "w:rPr") : undefined;
			const marks = rPr ? childElements(rPr).map((c) => c.tagName) : [];
			const style = pPr ? (elements(pPr, "w:pStyle")[0]?.getAttribute("w:val") ?? null) : null;
			const mark = marks.includes("w:ins") ? "insert" : marks.includes("w:del") ? "delete" : null;
			return { el, style, mark };
		});
}

/** A paragraph's text with the insertions (for "reject all") or deletions (for "accept all") left out. */
function viewText(p: XmlElement, drop: "w:ins" | "w:del"): string {
	const clone = p.cloneNode(true) as XmlElement;
	for (const el of elements(clone, drop))
		if (childElements(el).some((c) => c.tagName === "w:r")) el.parentNode?.removeChild(el);
	return runText(clone);
}

/**
 * The paragraphs Word shows after accepting (or rejecting) every change:
 * tracked runs of the other kind dropped, and a paragraph whose mark goes
 * away joined to the next one.
 */
export function resolvedParagraphs(
	paragraphs: readonly BodyParagraph[],
	choice: "accept" | "reject",
): string[] {
	const out: string[] = [];
	let pending = "";
	const [drop, joinOn] =
		choice === "accept" ? (["w:del", "delete"] as const) : (["w:ins", "insert"] as const);
	for (const p of paragraphs) {
		pending += viewText(p.el, drop);
		if (p.mark === joinOn) continue;
		out.push(pending);
		pending = "";
	}
	if (pending) out.push(pending);
	return out;
}
