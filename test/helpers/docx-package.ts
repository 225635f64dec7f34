/**
 * A minimal DOCX package built from WordprocessingML written by hand, for
 * reader tests that need markup the `docx` package does not write (tracked
 * changes, numbering through a style, restarts, custom footnote marks).
 * Everything made here is synthetic.
 */
import JSZip from "jszip";

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface PackageParts {
	/** The children of `<w:body>`. */
	readonly body: string;
	/** The children of `<w:numbering>`. */
	readonly numbering?: string;
	/** The children of `<w:styles>`. */
	readonly styles?: string;
	/** The children of `<w:footnotes>`. */
	readonly footnotes?: string;
	/** Where the main document lives; Word uses word/document.xml, the package says so in _rels/.rels. */
	readonly documentPath?: string;
}

/** A paragraph of plain runs: `p("Text")`, with optional paragraph properties. */
export function p(text: string, pPr = ""): string {
	const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
	return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${escaped}</w:t></w:r></w:p>`;
}

/** Numbering properties for a paragraph: list instance and level. */
export function numPr(numId: number, ilvl = 0): string {
	return `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
}

/** Builds the package's bytes. */
export async function buildDocx(parts: PackageParts): Promise<Uint8Array> {
	const documentPath = parts.documentPath ?? "word/document.xml";
	const folder = documentPath.slice(0, documentPath.lastIndexOf("/"));
	const name = documentPath.slice(documentPath.lastIndexOf("/") + 1);
	const zip = new JSZip();
	const rels: string[] = [];
	const overrides: string[] = [
		`<Override PartName="/${documentPath}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`,
	];
	const addPart = (file: string, root: string, content: string, type: string) => {
		zip.file(
			`${folder}/${file}`,
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}" xmlns:r="${R}">${content}</w:${root}>`,
		);
		rels.push(
			`<Relationship Id="rId${rels.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${file}"/>`,
		);
	};
	if (parts.numbering) addPart("numbering.xml", "numbering", parts.numbering, "numbering");
	if (parts.styles) addPart("styles.xml", "styles", parts.styles, "styles");
	if (parts.footnotes) addPart("footnotes.xml", "footnotes", parts.footnotes, "footnotes");
	zip.file(
		documentPath,
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.body}</w:body></w:document>`,
	);
	zip.file(
		`${folder}/_rels/${name}.rels`,
		`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
	);
	zip.file(
		"_rels/.rels",
		`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${documentPath}"/></Relationships>`,
	);
	zip.file(
		"[Content_Types].xml",
		`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
	);
	return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
