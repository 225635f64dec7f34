/**
 * Official text -> Resolution. The text is the one Apache Tika extracts from
 * the official DOCX (one paragraph a line; see DESIGN.md), which is also what
 * a person gets by copying a resolution from a web page: header, chapeau,
 * preambular paragraphs, numbered operative paragraphs, closing block.
 */
import { ParseError } from "../errors.ts";
import { matchLead } from "../lexicon/lexicon.ts";
import type {
	Adoption,
	Footnote,
	Paragraph,
	ParagraphKind,
	Resolution,
	Warning,
} from "../model.ts";
import { parseSymbol } from "../symbol.ts";
import { isAdoptionLine, isMeetingLine, readDate, readVote } from "./closing.ts";
import { type MarkerRef, type NoteText, takeNotes, takeRefs } from "./footnotes.ts";
import { checkText, cleanLine, MAX_PARAGRAPHS, splitLines, squash } from "./normalise.ts";

export interface ParseOptions {
	/** The symbol to use when the text prints none (a draft, or a file named after its symbol). */
	readonly symbol?: string | undefined;
}

interface Line {
	readonly no: number;
	readonly text: string;
}

interface DraftParagraph {
	readonly kind: ParagraphKind;
	readonly number: number | null;
	readonly label: string | null;
	readonly line: number;
	raw: string;
	readonly subs: { label: string; raw: string; line: number }[];
}

const CHAPEAU = /^The ([A-Z][A-Za-z ]+?),$/;
const OPERATIVE_NUMBER = /^(\d{1,6})\.(?:\s+|(?=\p{Lu}))/u;
const DRAFT_LABEL =
	/^(PP|OP)\s?(\d{1,4})\s?(bis|ter|quater|quinquies|sexies|septies|octies|alt\d*|[a-h])?\.?\s+/;
const SUB_PARAGRAPH = /^(\((?:[a-z]{1,2}|[ivxl]{1,6})\))\s+/;
const TITLE_NUMBER = /^(S-)?(\d{1,3})\/(\d{1,3})\.?\s+(.+)$/;
const SYMBOL_LINE = /^(A\/[A-Z0-9]+(?:\/[A-Z0-9.-]+)+)$/;
const ADOPTED_ON = /adopted by the .+? on (\d{1,2}\s*[A-Za-z]+\s+\d{4})/i;
const ASTERISK_NOTE = /^\*+\s+(\S.*)$/;
/** How many lines one footnote may span before it is taken for a stray bracket. */
const MAX_NOTE_LINES = 20;

/**
 * Reads an official resolution text.
 *
 * @throws ParseError when the text is empty, binary, too large, or has no operative part.
 * @example
 * const res = parseResolution(readFileSync("corpus/A-HRC-RES-37-39.txt", "utf8"));
 * res.paragraphs.find((p) => p.ref === "OP2")?.lead // "Also strongly condemns"
 */
export function parseResolution(text: string, options: ParseOptions = {}): Resolution {
	checkText(text);
	const warnings: Warning[] = [];
	const warn = (message: string, line: number | null, ref: string | null = null) =>
		warnings.push({ message, line, ref });

	const notes = new Map<string, NoteText>();
	const asteriskNotes: NoteText[] = [];
	const lines = readLines(text, notes);

	const chapeauAt = lines.findIndex((l) => CHAPEAU.test(l.text));
	let organ: string | null = null;
	let start: number;
	if (chapeauAt >= 0) {
		organ = CHAPEAU.exec(lines[chapeauAt]?.text ?? "")?.[1] ?? null;
		start = chapeauAt + 1;
	} else {
		start = lines.findIndex((l) => OPERATIVE_NUMBER.test(l.text) || DRAFT_LABEL.test(l.text));
		const firstLead = lines.findIndex((l) => matchLead(l.text, "preambular").foundIn !== null);
		if (firstLead >= 0 && (start < 0 || firstLead < start)) start = firstLead;
		if (start < 0) start = lines.length;
		warn(
			'no chapeau ("The Human Rights Council,") found; paragraphs are read from the first that looks like one',
			lines[start]?.no ?? null,
		);
	}

	const header = readHeader(lines.slice(0, chapeauAt >= 0 ? chapeauAt : start));
	const drafts: DraftParagraph[] = [];
	const closing: Line[] = [];
	for (const line of lines.slice(start)) {
		if (closing.length > 0 || isClosingLine(line.text)) {
			closing.push(line);
			continue;
		}
		const asterisk = ASTERISK_NOTE.exec(line.text);
		if (asterisk) {
			asteriskNotes.push({
				id: `*${asteriskNotes.length + 1}`,
				text: asterisk[1] ?? "",
				asterisk: true,
			});
			continue;
		}
		const sub = SUB_PARAGRAPH.exec(line.text);
		const last = drafts.at(-1);
		if (sub && last) {
			last.subs.push({ label: sub[1] ?? "", raw: line.text.slice(sub[0].length), line: line.no });
			continue;
		}
		const draft = startParagraph(line, drafts);
		if (draft) {
			drafts.push(draft);
		} else if (last) {
			// A line that cannot open a paragraph (no number after operative ones): it continues the last.
			warn(
				`unnumbered line after operative paragraphs; read as part of the paragraph above`,
				line.no,
			);
			last.raw += ` ${line.text}`;
		}
	}
	if (drafts.length > MAX_PARAGRAPHS) {
		throw new ParseError(
			"too-many-paragraphs",
			`the text has ${drafts.length} paragraphs; the limit is ${MAX_PARAGRAPHS}`,
			drafts[MAX_PARAGRAPHS]?.line ?? null,
		);
	}
	if (drafts.length === 0) {
		throw chapeauAt >= 0
			? new ParseError(
					"no-paragraphs",
					"no paragraphs found after the chapeau",
					lines[chapeauAt]?.no ?? null,
				)
			: new ParseError(
					"no-paragraphs",
					'this is not a resolution text: no chapeau ("The Human Rights Council,") and no numbered operative paragraphs',
					lines[0]?.no ?? 1,
				);
	}
	if (!drafts.some((d) => d.kind === "operative")) {
		throw new ParseError(
			"no-operative",
			'no operative paragraphs found (numbered lines such as "1.<TAB>Strongly condemns ...")',
			drafts[0]?.line ?? null,
		);
	}

	const adoption = readClosing(closing, warn);
	if (!adoption.date && header.adoptedOn) adoption.date = header.adoptedOn;

	const read = assignRefs(drafts, warn).map(({ draft, ref }) => readParagraph(draft, ref, warn));
	const resolutionNotes = attachNotes(read, notes, asteriskNotes, header.titleRefs, warn);
	const paragraphs = read.map((r) => r.paragraph);

	const printed =
		header.symbol ?? (header.number ? (parseSymbol(header.number)?.symbol ?? null) : null);
	const symbol = printed ?? options.symbol ?? null;
	const parts = symbol ? parseSymbol(symbol) : null;
	return {
		symbol: parts?.symbol ?? symbol,
		number: header.number ?? parts?.number ?? null,
		title: header.title,
		session: parts?.session ?? null,
		organ,
		adoption,
		paragraphs,
		notes: resolutionNotes,
		warnings,
	};
}

/** Cleans lines, joins notes that span lines, and moves every `[N: ...]` note into `notes`. */
function readLines(text: string, notes: Map<string, NoteText>): Line[] {
	const raw = splitLines(text);
	const out: Line[] = [];
	for (let i = 0; i < raw.length; i++) {
		let line = cleanLine(raw[i] ?? "");
		const no = i + 1;
		// A note that opens and does not close on this line continues on the next ones.
		for (
			let joined = 0;
			opensNote(line) && i + 1 < raw.length && joined < MAX_NOTE_LINES;
			joined++
		) {
			i++;
			line += ` ${cleanLine(raw[i] ?? "")}`;
		}
		const { rest, notes: found } = takeNotes(line);
		for (const note of found) notes.set(note.id, note);
		const trimmed = rest.trim();
		if (trimmed !== "") out.push({ no, text: trimmed });
	}
	return out;
}

function opensNote(line: string): boolean {
	const at = line.search(/\[\d+:/);
	if (at < 0) return false;
	let depth = 0;
	for (const ch of line.slice(at)) {
		if (ch === "[") depth++;
		else if (ch === "]") depth--;
	}
	return depth > 0;
}

function isClosingLine(text: string): boolean {
	return isMeetingLine(text) || readDate(text) !== null || isAdoptionLine(text);
}

interface Header {
	symbol: string | null;
	number: string | null;
	title: string | null;
	adoptedOn: string | null;
	titleRefs: MarkerRef[];
}

function readHeader(lines: readonly Line[]): Header {
	const header: Header = {
		symbol: null,
		number: null,
		title: null,
		adoptedOn: null,
		titleRefs: [],
	};
	let fallbackTitle: string | null = null;
	for (const { text } of lines) {
		const symbol = SYMBOL_LINE.exec(text.replace(/\*+$/, ""));
		if (symbol) {
			header.symbol = symbol[1] ?? null;
			continue;
		}
		const adopted = ADOPTED_ON.exec(text);
		if (adopted) {
			header.adoptedOn = readDate(adopted[1] ?? "");
			continue;
		}
		const numbered = TITLE_NUMBER.exec(text);
		if (numbered) {
			const { text: title, refs } = takeRefs(numbered[4] ?? "");
			header.number = `${numbered[1] ?? ""}${numbered[2]}/${numbered[3]}`;
			header.title = title.replace(/^[.*\s]+/, "");
			header.titleRefs = refs;
			continue;
		}
		if (
			text.split(/\s+/).length >= 4 &&
			!/^(Distr|Original|Agenda item|Resolution adopted)/i.test(text)
		) {
			fallbackTitle ??= squash(text);
		}
	}
	header.title ??= fallbackTitle;
	return header;
}

function startParagraph(line: Line, drafts: readonly DraftParagraph[]): DraftParagraph | null {
	const label = DRAFT_LABEL.exec(line.text);
	if (label) {
		const kind: ParagraphKind = label[1] === "PP" ? "preambular" : "operative";
		return {
			kind,
			number: kind === "operative" ? Number(label[2]) : null,
			label: `${label[1]}${Number(label[2])}${label[3] ?? ""}`,
			line: line.no,
			raw: line.text.slice(label[0].length),
			subs: [],
		};
	}
	const numbered = OPERATIVE_NUMBER.exec(line.text);
	if (numbered) {
		return {
			kind: "operative",
			number: Number(numbered[1]),
			label: null,
			line: line.no,
			raw: line.text.slice(numbered[0].length),
			subs: [],
		};
	}
	if (drafts.some((d) => d.kind === "operative")) return null;
	return { kind: "preambular", number: null, label: null, line: line.no, raw: line.text, subs: [] };
}

/** Gives each paragraph its ref, warning about gaps and repeats in the operative numbering. */
function assignRefs(
	drafts: readonly DraftParagraph[],
	warn: (m: string, line: number | null, ref?: string | null) => void,
): { draft: DraftParagraph; ref: string }[] {
	const used = new Set<string>();
	let preambular = 0;
	let expected = 1;
	return drafts.map((draft) => {
		let ref: string;
		if (draft.kind === "preambular") {
			preambular++;
			ref = draft.label ?? `PP${preambular}`;
		} else {
			const n = draft.number ?? expected;
			const suffixed = draft.label !== null && draft.label !== `OP${n}`;
			if (!suffixed && n !== expected) {
				const what = n < expected ? "repeats or goes back" : `skips ${expected}..${n - 1}`;
				warn(
					`operative numbering ${what}: found ${n} where ${expected} was expected`,
					draft.line,
					`OP${n}`,
				);
			}
			if (!suffixed) expected = n + 1;
			ref = draft.label ?? `OP${n}`;
		}
		if (used.has(ref)) {
			let k = 2;
			while (used.has(`${ref}_${k}`)) k++;
			warn(
				`paragraph ref ${ref} is used twice; the second is ${ref}_${k}`,
				draft.line,
				`${ref}_${k}`,
			);
			ref = `${ref}_${k}`;
		}
		used.add(ref);
		return { draft, ref };
	});
}

/** A paragraph whose footnote references are not yet resolved to notes and marks. */
interface ReadParagraph {
	readonly paragraph: Paragraph;
	/** The id each reference named (null for a bare asterisk) and where it stood in the body. */
	readonly refs: readonly { id: string | null; at: number }[];
}

function readParagraph(
	draft: DraftParagraph,
	ref: string,
	warn: (m: string, line: number | null, ref?: string | null) => void,
): ReadParagraph {
	const { text, refs } = takeRefs(draft.raw);
	const match = matchLead(text, draft.kind);
	if (match.foundIn === null) {
		warn(`lead phrase not in the lexicon: "${match.lead}"`, draft.line, ref);
	} else if (match.foundIn !== draft.kind) {
		warn(
			`${draft.kind} paragraph opens with a ${match.foundIn} phrase: "${match.lead}"`,
			draft.line,
			ref,
		);
	}
	const bodyStart = text.length - text.slice(match.end).trimStart().length;
	const body = text.slice(bodyStart);
	const footnoteRefs = refs.map((r) => ({ id: r.id, at: Math.max(0, r.at - bodyStart) }));
	const subparagraphs = draft.subs.map((s) => {
		const sub = takeRefs(s.raw);
		// A note on a sub-paragraph is kept with its paragraph, placed at the body's end.
		for (const r of sub.refs) footnoteRefs.push({ id: r.id, at: body.length });
		return { label: s.label, text: sub.text };
	});
	const paragraph: Paragraph = {
		ref,
		kind: draft.kind,
		number: draft.number,
		label: draft.label,
		lead: match.lead,
		lemma: match.lemma,
		body,
		subparagraphs,
		footnotes: [],
	};
	return { paragraph, refs: footnoteRefs };
}

/**
 * Resolves every reference to its note and gives printed marks: numbered notes
 * 1, 2, ... in order of appearance, asterisk notes "*". Notes nobody refers to
 * belong to the resolution as a whole.
 */
function attachNotes(
	read: readonly ReadParagraph[],
	notes: ReadonlyMap<string, NoteText>,
	asteriskNotes: NoteText[],
	titleRefs: readonly MarkerRef[],
	warn: (m: string, line: number | null, ref?: string | null) => void,
): Footnote[] {
	const used = new Set<string>();
	const looseAsterisks = [...asteriskNotes];
	const resolutionNotes: Footnote[] = [];
	let numbered = 0;
	const resolve = (id: string | null, at: number): Footnote | null => {
		const note = id ? notes.get(id) : looseAsterisks.shift();
		if (note) used.add(note.id);
		const asterisk = note ? note.asterisk : id === null;
		const footnote: Footnote = {
			mark: asterisk ? "*" : String(++numbered),
			text: note?.text ?? "",
			at,
		};
		// Word's id is kept so the text can be written back; a loose asterisk note has none.
		if (id) footnote.sourceId = id;
		return note || id ? footnote : null;
	};
	for (const r of titleRefs) {
		const footnote = resolve(r.id, 0);
		if (footnote) resolutionNotes.push(footnote);
	}
	for (const { paragraph, refs } of read) {
		for (const r of refs) {
			const footnote = resolve(r.id, r.at);
			if (!footnote || footnote.text === "") {
				warn(`footnote reference ${r.id ?? "*"} has no note`, null, paragraph.ref);
			}
			if (footnote) paragraph.footnotes.push(footnote);
		}
	}
	for (const note of notes.values()) {
		if (used.has(note.id)) continue;
		const mark = note.asterisk ? "*" : String(++numbered);
		resolutionNotes.push({ mark, text: note.text, at: 0, sourceId: note.id });
	}
	for (const note of looseAsterisks) resolutionNotes.push({ mark: "*", text: note.text, at: 0 });
	return resolutionNotes;
}

function readClosing(
	lines: readonly Line[],
	warn: (m: string, line: number | null, ref?: string | null) => void,
): Adoption {
	const adoption: Adoption = { date: null, vote: null, meeting: null, note: null };
	let note: string | null = null;
	for (const { text, no } of lines) {
		if (note !== null && !note.includes("]")) {
			note += ` ${text}`;
			continue;
		}
		if (isAdoptionLine(text)) {
			note = text;
		} else if (isMeetingLine(text) && adoption.meeting === null) {
			adoption.meeting = text;
		} else if (readDate(text) && adoption.date === null) {
			adoption.date = readDate(text);
		} else {
			warn(`text after the closing block is ignored: "${text.slice(0, 60)}"`, no);
		}
	}
	if (note !== null) {
		adoption.note = squash(note)
			.replace(/^\[\s*/, "")
			.replace(/\s*\]$/, "");
		adoption.vote = readVote(adoption.note);
	}
	return adoption;
}
