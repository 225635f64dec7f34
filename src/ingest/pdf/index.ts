/**
 * The PDF reader: PDF -> positioned text (pdfjs-dist, the legacy build that
 * runs in Node) -> lines, pages separated by form feeds -> the PDF-text
 * repair -> the parser. Limits: the unpacked size of the file's streams
 * (checked first), the number of pages and the time reading may take.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { LimitError, ResdiffError } from "../../core/errors.ts";
import type { Resolution } from "../../core/model.ts";
import type { ParseOptions } from "../../core/parse/index.ts";
import { UnreadableDocumentError } from "../errors.ts";
import { MAX_PDF_PAGES, PDF_READ_TIMEOUT_MS } from "../limits.ts";
import { readPdfText } from "../pdf-text.ts";
import { checkUnpackedSize } from "./guard.ts";
import { checkComplete, checkStreams } from "./integrity.ts";
import { pageText, type TextPiece } from "./layout.ts";

export interface PdfLimits {
	readonly pages: number;
	readonly timeoutMs: number;
}

const DEFAULT_LIMITS: PdfLimits = { pages: MAX_PDF_PAGES, timeoutMs: PDF_READ_TIMEOUT_MS };

/** pdfjs-dist's own font metrics and character maps, so that the standard 14 fonts and CID fonts read right. */
function assetDir(name: string): string {
	const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
	return `${join(root, name)}/`;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;

/** Loaded on first use: the library is large and only PDFs need it. */
function loadPdfJs(): Promise<PdfJs> {
	pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
	return pdfjs;
}

function refuse(e: unknown): never {
	if (e instanceof ResdiffError) throw e;
	const name = (e as { name?: string })?.name ?? "";
	const message = (e as Error)?.message ?? String(e);
	if (name === "PasswordException") {
		throw new UnreadableDocumentError(
			"pdf",
			"encrypted",
			"this PDF is password-protected: open it, save a copy without the password, and try again",
		);
	}
	throw new UnreadableDocumentError(
		"pdf",
		"corrupt",
		`this PDF cannot be read (${message.replace(/\s+/g, " ").slice(0, 120)}); if it is damaged, download or export it again`,
	);
}

/**
 * Refuses a page that sets a font its resources do not hold (a damaged font
 * entry): the library would draw nothing for that font's words, and the
 * paragraphs would silently lose them.
 */
async function checkFonts(
	page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }> },
	ops: { readonly setFont: number },
	n: number,
): Promise<void> {
	const list = await page.getOperatorList();
	list.fnArray.forEach((fn, i) => {
		if (fn === ops.setFont && list.argsArray[i]?.[0] === "g_font_error") {
			throw new UnreadableDocumentError(
				"pdf",
				"corrupt",
				`page ${n} of this PDF names a font it does not hold, so the file looks damaged; download or export it again`,
			);
		}
	});
}

/**
 * The PDF's text, one printed line a line, pages separated by form feeds.
 *
 * @param name the file's name, for messages.
 */
export async function pdfToText(
	bytes: Uint8Array,
	name: string,
	limits: PdfLimits = DEFAULT_LIMITS,
): Promise<string> {
	checkUnpackedSize(bytes, name);
	checkComplete(bytes);
	checkStreams(bytes);
	const { getDocument, OPS } = await loadPdfJs();
	const task = getDocument({
		// pdfjs takes ownership of the buffer it is given; it gets a copy.
		data: new Uint8Array(bytes),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		verbosity: 0,
		standardFontDataUrl: assetDir("standard_fonts"),
		cMapUrl: assetDir("cmaps"),
		cMapPacked: true,
		// A damaged stream fails the read instead of giving what could be recovered of it: a text
		// with a paragraph missing would pass for the resolution's own.
		stopAtErrors: true,
	});
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(
			() =>
				reject(
					new LimitError(
						"time",
						`${name}: reading the PDF took longer than ${limits.timeoutMs / 1000} s, the limit`,
					),
				),
			limits.timeoutMs,
		);
	});
	const read = async (): Promise<string> => {
		const pdf = await task.promise;
		if (pdf.numPages > limits.pages) {
			throw new LimitError(
				"pages",
				`${name}: the PDF has ${pdf.numPages} pages; the limit is ${limits.pages}`,
			);
		}
		const pages: string[] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			await checkFonts(page, OPS, n);
			const content = await page.getTextContent();
			const pieces: TextPiece[] = [];
			for (const item of content.items) {
				if (!("str" in item)) continue;
				const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
				pieces.push({
					text: item.str,
					x,
					y,
					width: item.width,
					size: Math.hypot(a, b) || item.height,
				});
			}
			pages.push(pageText(pieces));
			page.cleanup();
		}
		// A resolution's pages all carry text; a blank page among printed ones is a page whose
		// content the library could not find (a damaged file), and its paragraphs would be lost.
		const blank = pages.findIndex((t) => t.trim() === "");
		if (blank >= 0 && pages.some((t) => t.trim() !== "")) {
			throw new UnreadableDocumentError(
				"pdf",
				"corrupt",
				`page ${blank + 1} of this PDF has no text while the others have, so the file looks damaged; download or export it again`,
			);
		}
		return pages.join("\n\f");
	};
	try {
		return await Promise.race([read(), timeout]);
	} catch (e) {
		return refuse(e);
	} finally {
		clearTimeout(timer);
		await task.destroy().catch(() => undefined);
	}
}

/** Reads a PDF as a resolution. */
export async function readPdf(
	bytes: Uint8Array,
	name: string,
	options: ParseOptions = {},
): Promise<Resolution> {
	const text = await pdfToText(bytes, name);
	if (text.replace(/[\s\f]/g, "") === "") {
		throw new UnreadableDocumentError(
			"pdf",
			"empty",
			"this PDF has no text to read (a scanned image?); resdiff needs a PDF with text, or the DOCX",
		);
	}
	// Lines read from a PDF are its printed lines, hard-wrapped whatever their share of clause ends.
	return readPdfText(text, options, { hardWrapped: true });
}
