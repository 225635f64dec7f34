/**
 * The redline's look, written once: each class's declarations feed both the
 * stylesheet (`REDLINE_CSS`, for pages that link or inline it) and the
 * `style` attributes of a fragment rendered with `inlineStyles: true`, which
 * keeps its look when pasted into Word or an email, where stylesheets are
 * dropped. Insertions are underlined and deletions struck through, so the
 * redline reads in black and white; colours only add to that. Every
 * foreground/background pair here has a contrast of at least 4.5:1.
 */

/** Declarations per class, in the order they apply (later ones win). */
const CLASS_RULES = {
	"rd-redline": "font-family: Georgia, 'Times New Roman', serif; line-height: 1.5; color: #1f2328",
	"rd-summary":
		"margin: 0 0 1.25em; padding: 0.5em 0.75em; border: 1px solid #d0d7de; background-color: #f6f8fa",
	"rd-compared": "margin: 0 0 0.5em",
	"rd-counts": "margin: 0; padding: 0; list-style: none",
	"rd-count": "display: inline-block; margin: 0 1.25em 0.25em 0",
	"rd-key": "margin: 0.5em 0 0; font-size: 0.875em",
	"rd-para": "margin: 0 0 1em; padding: 0.25em 0 0.25em 0.75em; border-left: 4px solid #d0d7de",
	"rd-label": "margin: 0 0 0.25em; font-family: Arial, Helvetica, sans-serif; font-size: 0.8125em",
	"rd-ref": "font-weight: bold",
	"rd-was": "color: #57606a",
	"rd-hint": "color: #57606a; font-style: italic",
	"rd-badge":
		"display: inline-block; margin: 0 0 0 0.5em; padding: 0 0.4em; border: 1px solid currentColor; border-radius: 3px",
	"rd-text": "margin: 0",
	"rd-notes": "margin: 0.25em 0 0; font-size: 0.875em; color: #57606a",
	"rd-ins": "color: #055d20; background-color: #dafbe1; text-decoration: underline",
	"rd-del": "color: #82071e; background-color: #ffebe9; text-decoration: line-through",
	"rd-status-unchanged": "border-left-color: #d0d7de",
	"rd-status-reworded": "border-left-color: #bf8700",
	"rd-status-new": "border-left-color: #1a7f37",
	"rd-status-removed": "border-left-color: #cf222e",
	"rd-status-merged": "border-left-color: #8250df",
	"rd-status-split": "border-left-color: #8250df",
	"rd-badge-unchanged": "color: #57606a; background-color: #f6f8fa",
	"rd-badge-reworded": "color: #7d4e00; background-color: #fff8c5",
	"rd-badge-new": "color: #055d20; background-color: #dafbe1",
	"rd-badge-removed": "color: #82071e; background-color: #ffebe9",
	"rd-badge-merged": "color: #6639ba; background-color: #fbefff",
	"rd-badge-split": "color: #6639ba; background-color: #fbefff",
	"rd-badge-moved": "color: #0550ae; background-color: #ddf4ff",
	"rd-badge-routine": "color: #57606a; background-color: #f6f8fa",
	"rd-badge-lead": "color: #0550ae; background-color: #ffffff",
	"rd-badge-notes": "color: #57606a; background-color: #ffffff",
	"rd-lead-phrase": "font-style: italic",
	"rd-sbs": "display: grid; grid-template-columns: 1fr 1fr; gap: 1em",
	"rd-side": "min-width: 0",
	"rd-side-label":
		"margin: 0 0 0.25em; font-family: Arial, Helvetica, sans-serif; font-size: 0.75em; color: #57606a",
	"rd-absent": "margin: 0; font-style: italic; color: #57606a",
	// Hidden from sight, read by screen readers, and left out of copied text.
	"rd-sr":
		"position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; user-select: none",
} as const;

export type RedlineClass = keyof typeof CLASS_RULES;

/** The `style` attribute value for an element with these classes. */
export function inlineStyle(classes: readonly RedlineClass[]): string {
	return classes.map((c) => CLASS_RULES[c]).join("; ");
}

const classRules = Object.entries(CLASS_RULES)
	.map(([name, rules]) => `.${name} { ${rules}; }`)
	.join("\n");

/**
 * The stylesheet for fragments rendered without `inlineStyles`: the class
 * rules, hover and focus niceties, and a print part (no backgrounds, black
 * text, paragraphs kept whole across pages).
 */
export const REDLINE_CSS = `${classRules}
.rd-redline details.rd-para > summary { cursor: pointer; }
.rd-redline :target { outline: 2px solid #0969da; outline-offset: 2px; }
@media print {
  .rd-redline { color: #000; font-size: 11pt; }
  .rd-summary, .rd-ins, .rd-del, .rd-badge { background-color: transparent !important; }
  .rd-ins { color: #000; text-decoration: underline double; }
  .rd-del { color: #000; }
  .rd-badge, .rd-was, .rd-notes, .rd-side-label, .rd-absent { color: #000; }
  .rd-para { break-inside: avoid; border-left-width: 2pt; }
  .rd-redline :target { outline: none; }
}
`;
