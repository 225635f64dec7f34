/**
 * Text copied out of a resolution's PDF, repaired into the official text
 * layout the parser reads. PDF text carries damage the DOCX does not: page
 * footers and job numbers (`4 GE.18-05349`) inside paragraphs, footnote marks
 * stuck to words (`in Mali,1`) with their notes printed at the page foot,
 * asterisk notes mid-sentence, and the closing block run into the last
 * paragraph. Each repair is a small function, applied in order.
 */
import type { Resolution } from "../core/model.ts";
import { type ParseOptions, parseResolution } from "../core/parse/index.ts";

/** `4 GE.18-05349`, `GE.17-05271(E)`, `GE.12-15397 2`: the job number and its page number. */
const JOB_NUMBER = /(?:\s\d{1,3})?\s*\bGE\.\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d{1,3}(?=\s|$))?/g;

/**
 * The Council's asterisk note on its reports, wherever the page break left it.
 * It ends with the report's symbol and chapter.
 */
const ASTERISK_NOTE =
	/\s\*\s+(The resolutions and decisions adopted by [^*]*?(?:chap\.\s*I\.?\)?\.|\)\.))(?=\s|$)/g;

/** Meeting or session line, date, adoption note: the closing block, run into the last paragraph. */
const CLOSING =
	/\s+((?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:-[a-z]+)?)\s+(?:meeting|session)\s+)?(\d{1,2}\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\s+(\[Adopted[^\]]*\])\s*$/;

/** A footnote mark stuck to the end of a word: `Mali,1`, `rights2`. Not `G5`: at least two letters before it. */
const STUCK_MARK = /(?<=\p{Ll}{2}[,.;:)]?)(\d{1,2})(?=\s|$)/gu;

/** Footnotes printed at a page foot, after the last paragraph on the page: ` 1 S/2017/1105. 2 A/HRC/37/78.` */
const PAGE_FOOT_NOTES = /(?<=[,;.:])((?:\s+\d{1,2}\s+\S.*?)+)$/;

function removeFurniture(line: string): string {
	return line.replace(JOB_NUMBER, " ");
}

/** Splits the closing block off the line it was run into. */
function splitClosing(line: string): string[] {
	const m = CLOSING.exec(line);
	if (!m) return [line];
	return [line.slice(0, m.index), m[1]?.trim(), m[2], m[3]].filter((l): l is string => !!l);
}

/**
 * Repairs PDF text into the official text layout: one paragraph a line,
 * footnote references and notes in Tika's bracket form.
 */
export function repairPdfText(text: string): string {
	const out: string[] = [];
	const notes: string[] = [];
	const marks = new Set<string>();
	let asterisks = 0;
	const lines = text.split(/\r\n|\r|\n/).flatMap((l) => splitClosing(removeFurniture(l)));
	for (let line of lines) {
		line = line.replace(ASTERISK_NOTE, (_all, note: string) => {
			asterisks++;
			// Ids far above any real mark keep these apart from numbered notes.
			notes.push(`[${9000 + asterisks}: * ${note}]`);
			return " ";
		});
		// Notes at a page foot follow the paragraph they interrupt: only numbers already marked count.
		const foot = PAGE_FOOT_NOTES.exec(line);
		if (foot?.[1]) {
			const parts = foot[1].split(/\s+(\d{1,2})\s+(?=\S)/).slice(1);
			const found: [string, string][] = [];
			for (let i = 0; i + 1 < parts.length; i += 2)
				found.push([parts[i] ?? "", (parts[i + 1] ?? "").trim()]);
			if (found.length > 0 && found.every(([n]) => marks.has(n))) {
				for (const [n, t] of found) notes.push(`[${n}: ${t}]`);
				line = line.slice(0, foot.index);
			}
		}
		line = line.replace(STUCK_MARK, (_all, n: string) => {
			marks.add(n);
			return `[footnoteRef:${n}]`;
		});
		out.push(line.replace(/\s+/g, " ").trim());
	}
	return `${[...out, ...notes].join("\n")}\n`;
}

/** Reads PDF-copied text as a resolution. */
export function readPdfText(text: string, options: ParseOptions = {}): Resolution {
	return parseResolution(repairPdfText(text), options);
}
