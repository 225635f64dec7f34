/**
 * The limits every reader of a document file holds to, in one place. A file
 * past one of them is refused with a LimitError or a ParseError naming it;
 * none of them is reached by a real resolution (the longest are a few pages).
 */

/** Largest DOCX, PDF or HTML file accepted, in bytes. Texts have their own 2 MB limit in the parser. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Most bytes one part of a DOCX (document.xml, footnotes.xml, ...) may unpack to. */
export const MAX_ZIP_PART_BYTES = 16 * 1024 * 1024;

/** Most bytes all the parts read from one DOCX may unpack to together. */
export const MAX_ZIP_TOTAL_BYTES = 32 * 1024 * 1024;

/** Most bytes the entries of one DOCX may declare together, read or not (its central directory is checked first). */
export const MAX_ZIP_DECLARED_BYTES = 256 * 1024 * 1024;

/** Most entries in one DOCX; Word writes a few dozen. */
export const MAX_ZIP_ENTRIES = 5_000;

/**
 * Highest ratio of unpacked to packed size for a part read that is larger
 * than ZIP_RATIO_FLOOR_BYTES. Word's XML packs 5-30 to 1; a run of one byte
 * repeated packs about 1,000 to 1, the mark of a bomb.
 */
export const MAX_ZIP_RATIO = 200;

/** Parts this small are not held to the ratio: however they pack, they are cheap to read. */
export const ZIP_RATIO_FLOOR_BYTES = 1024 * 1024;

/** Most pages read from a PDF. */
export const MAX_PDF_PAGES = 200;

/** Most bytes the compressed streams of one PDF may unpack to together. */
export const MAX_PDF_UNPACKED_BYTES = 64 * 1024 * 1024;

/** How long reading one PDF may take before it is given up, in milliseconds. */
export const PDF_READ_TIMEOUT_MS = 30_000;

/** Megabytes, for messages. */
export function megabytes(bytes: number): string {
	return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
