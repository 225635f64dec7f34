/**
 * Footnotes in text copied from a PDF. The mark is a digit stuck to the word
 * before it (`in Mali,1`), or `[footnoteRef:N]` where the PDF reader saw a
 * superscript; the note is printed at the foot of the page, which in the text
 * is either lines of their own before the footer (`1 S/2017/1105.`) or, once
 * lines were joined, the tail of the paragraph the page break interrupted.
 * A number counts as a note's only when its mark was seen before, in order.
 * The Council's asterisk note on its reports may land anywhere, even
 * mid-sentence; it is known by its wording.
 */

/** Ids far above any real mark keep asterisk notes apart from numbered ones. */
const ASTERISK_ID_BASE = 9000;

/**
 * The Council's asterisk note on its reports, wherever the page break left it.
 * It ends with the report's symbol and chapter.
 */
const ASTERISK_NOTE =
	/\s\*\s+(The resolutions and decisions adopted by [^*]*?(?:chap\.\s*I\.?\)?\.|\)\.))(?=\s|$)/g;

/** A footnote mark stuck to the end of a word: `Mali,1`, `rights2`. Not `G5`: at least two letters before it. */
const STUCK_MARK = /(?<=\p{Ll}{2}[,.;:)]?)(\d{1,2})(?=\s|$)/gu;

/** A mark the PDF reader placed where it saw a superscript. */
const EXPLICIT_MARK = /\[footnoteRef:(\d+)\]/g;

/** Footnotes at the end of a joined paragraph: ` 1 S/2017/1105. 2 A/HRC/37/78.` */
const TAIL_NOTES = /(?<=[,;.:])((?:\s+\d{1,2}\s+\S.*?)+)$/;

/** A line that opens a note at the page foot: its number, then its text. */
const NOTE_LINE = /^(\d{1,2})\s+(\S.*)$/;

/** A line that opens an asterisk note at the page foot. */
const ASTERISK_LINE = /^\*\s*(\S.*)$/;

/** The marks a line refers to, in order: stuck digits and explicit references. */
export function marksIn(line: string): string[] {
	const found: { at: number; mark: string }[] = [];
	for (const m of line.matchAll(STUCK_MARK)) found.push({ at: m.index, mark: m[1] ?? "" });
	for (const m of line.matchAll(EXPLICIT_MARK)) found.push({ at: m.index, mark: m[1] ?? "" });
	return found.sort((a, b) => a.at - b.at).map((f) => f.mark);
}

/** Notes found so far and the marks still waiting for theirs. */
export class NoteBook {
	private readonly notes: string[] = [];
	private readonly pending: string[] = [];
	private readonly seen = new Set<string>();
	/** Marks met so far by the inline repairs, paragraph by paragraph: a tail note needs its mark before it. */
	private readonly metInline = new Set<string>();
	private asterisks = 0;

	/** Records the marks a line of body text refers to. */
	see(line: string): void {
		for (const mark of marksIn(line)) {
			if (this.seen.has(mark)) continue;
			this.seen.add(mark);
			this.pending.push(mark);
		}
	}

	/** The mark whose note comes next, if any is waiting. */
	expected(): string | undefined {
		return this.pending[0];
	}

	/** Whether a line opens a note: the next awaited number, or an asterisk. */
	opensNote(line: string): boolean {
		const numbered = NOTE_LINE.exec(line);
		if (numbered) return numbered[1] === this.expected();
		return ASTERISK_LINE.test(line);
	}

	private add(mark: string, text: string): void {
		const clean = text.replace(/\s+/g, " ").trim();
		if (mark === "*") {
			this.asterisks++;
			this.notes.push(`[${ASTERISK_ID_BASE + this.asterisks}: * ${clean}]`);
			return;
		}
		this.notes.push(`[${mark}: ${clean}]`);
		const at = this.pending.indexOf(mark);
		if (at >= 0) this.pending.splice(at, 1);
	}

	/**
	 * Reads the joined text of a page-foot zone ("1 S/2017/1105. 2 A/HRC/37/78.")
	 * into notes: a number opens a new note only when it is the next one awaited.
	 */
	takeZone(text: string): void {
		const asterisk = ASTERISK_LINE.exec(text.trim());
		let rest = asterisk ? (asterisk[1] ?? "") : text.trim();
		let mark = asterisk ? "*" : "";
		if (!asterisk) {
			const first = NOTE_LINE.exec(rest);
			if (!first) return;
			mark = first[1] ?? "";
			rest = first[2] ?? "";
		}
		let current = "";
		const words = rest.split(/\s+/);
		for (let i = 0; i < words.length; i++) {
			const word = words[i] ?? "";
			const nextExpected = this.pending.find((p) => p !== mark);
			if (word === nextExpected && i + 1 < words.length && current !== "") {
				this.add(mark, current);
				mark = word;
				current = "";
				continue;
			}
			current += current ? ` ${word}` : word;
		}
		this.add(mark, current);
	}

	/**
	 * Inline repairs on one joined paragraph: asterisk notes taken out wherever
	 * they are, notes at the paragraph's end taken out when their marks were
	 * seen, stuck marks written as references.
	 */
	repairParagraph(line: string): string {
		let out = line.replace(ASTERISK_NOTE, (_all, note: string) => {
			this.add("*", note);
			return " ";
		});
		const tail = TAIL_NOTES.exec(out);
		if (tail?.[1]) {
			const parts = tail[1].split(/\s+(\d{1,2})\s+(?=\S)/).slice(1);
			const found: [string, string][] = [];
			for (let i = 0; i + 1 < parts.length; i += 2)
				found.push([parts[i] ?? "", (parts[i + 1] ?? "").trim()]);
			if (found.length > 0 && found.every(([n]) => this.metInline.has(n))) {
				for (const [n, t] of found) this.add(n, t);
				out = out.slice(0, tail.index);
			}
		}
		out = out.replace(STUCK_MARK, (_all, n: string) => {
			this.metInline.add(n);
			return `[footnoteRef:${n}]`;
		});
		for (const m of out.matchAll(EXPLICIT_MARK)) this.metInline.add(m[1] ?? "");
		return out;
	}

	/** The notes in the Tika bracket form, one a line. */
	lines(): string[] {
		return [...this.notes];
	}
}
