/**
 * A DOCX as a package of parts: the main document found through the package
 * relationships (not assumed to be `word/document.xml`), and the parts it
 * relates to that the reader needs: footnotes, endnotes, numbering, styles.
 */
import { UnreadableDocumentError } from "../errors.ts";
import { openZip, type ZipPackage } from "../zip.ts";
import { attr, childElements, type Element, parseXml } from "./xml.ts";

const OFFICE_DOCUMENT = /\/officeDocument$/;

export interface DocxParts {
	readonly document: Element;
	readonly footnotes: Element | null;
	readonly endnotes: Element | null;
	readonly numbering: Element | null;
	readonly styles: Element | null;
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(from: string, target: string): string {
	if (target.startsWith("/")) return target.slice(1);
	const parts = from.split("/").slice(0, -1);
	for (const seg of target.split("/")) {
		if (seg === "..") parts.pop();
		else if (seg !== "." && seg !== "") parts.push(seg);
	}
	return parts.join("/");
}

/** `word/document.xml` -> `word/_rels/document.xml.rels`. */
function relsPath(part: string): string {
	const slash = part.lastIndexOf("/");
	return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function relationships(
	zip: ZipPackage,
	part: string,
): Promise<{ type: string; target: string }[]> {
	const rels = relsPath(part);
	const xml = await zip.readText(rels);
	if (xml === null) return [];
	return childElements(parseXml(xml, rels), "Relationship")
		.filter((r) => attr(r, "TargetMode") !== "External")
		.map((r) => ({
			type: attr(r, "Type") ?? "",
			target: resolveTarget(part, attr(r, "Target") ?? ""),
		}));
}

/** A part the relationships name; one they name that the archive lacks is damage, not absence. */
async function readPart(zip: ZipPackage, part: string | undefined): Promise<Element | null> {
	if (!part) return null;
	const xml = await zip.readText(part);
	if (xml === null)
		throw new UnreadableDocumentError(
			"zip",
			"corrupt",
			`the document's relationships name ${part}, which the DOCX does not hold; open and save it again in Word`,
		);
	return parseXml(xml, part);
}

/**
 * Opens a DOCX and parses the parts the reader uses.
 *
 * @throws UnreadableDocumentError for a ZIP that is not a Word document, or a damaged one.
 * @throws LimitError when a part unpacks past the limits (a zip bomb).
 */
export async function openDocx(bytes: Uint8Array, name: string): Promise<DocxParts> {
	const zip = await openZip(bytes, name);
	const mimetype = await zip.readText("mimetype");
	if (mimetype?.startsWith("application/vnd.oasis.opendocument")) {
		throw new UnreadableDocumentError(
			"zip",
			"unsupported",
			"this is an OpenDocument file (LibreOffice .odt), which resdiff does not read: save it as DOCX or export it as PDF, then try again",
		);
	}
	const root = (await relationships(zip, "")).find((r) => OFFICE_DOCUMENT.test(r.type));
	const main = root?.target ?? "word/document.xml";
	if (!zip.has(main)) {
		throw new UnreadableDocumentError(
			"zip",
			"unsupported",
			"this ZIP archive is not a Word document (it has no main document part); resdiff reads DOCX, PDF, HTML and plain text",
		);
	}
	const rels = await relationships(zip, main);
	const target = (kind: string) => rels.find((r) => r.type.endsWith(`/${kind}`))?.target;
	const document = await readPart(zip, main);
	if (!document) throw new UnreadableDocumentError("zip", "corrupt", `${main} is missing`);
	return {
		document,
		footnotes: await readPart(zip, target("footnotes")),
		endnotes: await readPart(zip, target("endnotes")),
		numbering: await readPart(zip, target("numbering")),
		styles: await readPart(zip, target("styles")),
	};
}
