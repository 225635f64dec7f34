/**
 * The pages' own stylesheet (the redline blocks bring theirs, REDLINE_CSS).
 * Plain CSS in a string so that Node and Workers serve it alike. Every text
 * colour on its background has a contrast of at least 4.5:1; the lineage and
 * chart colours sit beside a symbol and a word, never alone. The print part
 * drops navigation and forms, keeps the lineage colours and lets long tables
 * break between rows.
 */
export const SITE_CSS = `
:root {
  --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --link: #0550ae; --focus: #0969da; --page: 72rem;
  --new: #1a7f37; --removed: #cf222e; --reworded: #9a6700; --moved: #0969da;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
code, kbd { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875em; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0.05em 0.3em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: #fff; border: 2px solid var(--focus); z-index: 10; }
.skip-link:focus { top: 0.5rem; }

.site-header { background: var(--soft); border-bottom: 1px solid var(--line); }
.site-header .inner, .site-footer .inner { max-width: var(--page); margin: 0 auto; padding: 0.75rem 1.25rem; }
.site-header .inner { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 2rem; }
.brand { font-weight: 700; font-size: 1.25rem; color: var(--ink); text-decoration: none; }
.brand span { font-weight: 400; font-size: 0.875rem; color: var(--muted); margin-left: 0.5rem; }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
.site-nav a[aria-current="page"] { font-weight: 700; color: var(--ink); text-decoration-thickness: 2px; }
main { display: block; max-width: var(--page); margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
/* A wide page (the lineage table) runs to the right edge but starts where the header's content does. */
main.wide { max-width: none; padding-left: max(1.25rem, calc((100% - var(--page)) / 2 + 1.25rem)); }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.875rem; }

h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.1rem; line-height: 1.3; margin: 0 0 0.25rem; }
.lede { color: var(--muted); margin: 0 0 1rem; max-width: 50rem; }
.note { border-left: 4px solid var(--moved); background: #ddf4ff; padding: 0.5rem 0.75rem; margin: 1rem 0; max-width: 50rem; }
.alert { border-left: 4px solid var(--removed); background: #ffebe9; color: #82071e; padding: 0.75rem 1rem; margin: 1rem 0; }
.alert p { margin: 0.25rem 0; }
.inline-list { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0.5rem 0; padding: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.5rem 0; padding: 0; list-style: none; }

/* The series at a glance */
.members { list-style: none; margin: 0; padding: 0; max-width: 60rem; }
.member { position: relative; padding: 0.75rem 0 0.75rem 1.75rem; border-left: 3px solid var(--line); }
@media (min-width: 56rem) {
  .member.compared { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; column-gap: 2rem; align-items: start; }
  .member.compared > * { grid-column: 1; }
  .member.compared > .changes { grid-column: 2; grid-row: 1 / span 4; margin-top: 0; }
}
.member::before { content: ""; position: absolute; left: -9px; top: 1.05rem; width: 15px; height: 15px; border-radius: 50%; background: #fff; border: 3px solid var(--ink); }
.member.missing::before { border-style: dashed; border-color: var(--muted); }
.member .when { color: var(--muted); font-weight: 400; }
.member .title { margin: 0; color: var(--muted); font-size: 0.9375rem; }
.member .counts { margin: 0.25rem 0; font-size: 0.9375rem; }
.member.missing h3 { color: var(--muted); }
.latest { margin: 1rem 0 1.5rem; padding: 0.75rem 1rem; border: 2px solid var(--ink); border-radius: 6px; max-width: 60rem; }
.latest h2 { margin: 0 0 0.25rem; font-size: 1.125rem; }
.latest .latest-pair { margin: 0.25rem 0; font-size: 1.25rem; font-weight: 600; }
.latest .latest-counts, .latest .latest-newer { margin: 0.25rem 0; font-size: 0.9375rem; }
nav.pages { margin: 0.75rem 0; }
nav.pages p { margin: 0 0 0.25rem; }
nav.pages ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
nav.pages [aria-current="page"] { font-weight: 700; }
.missing-how { margin: 0.25rem 0; font-size: 0.9375rem; }
.changes { margin: 0.75rem 0 0.25rem; padding: 0.5rem 0.75rem; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
.changes h4 { margin: 0 0 0.25rem; font-size: 0.9375rem; }
.bars { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; margin: 0; align-items: center; }
.bars dt { font-size: 0.875rem; white-space: nowrap; }
.bars dd { margin: 0; display: flex; align-items: center; gap: 0.5rem; font-variant-numeric: tabular-nums; }
.bars svg { flex: 0 1 12rem; width: 12rem; max-width: 100%; height: 0.75rem; }
.bar-track { fill: #eaeef2; }
.bar-new { fill: var(--new); } .bar-removed { fill: var(--removed); } .bar-reworded { fill: var(--reworded); } .bar-moved { fill: var(--moved); }

/* Forms */
form.controls { width: fit-content; max-width: 100%; display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem 1.5rem; margin: 1rem 0; padding: 0.75rem 1rem; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; font-size: 0.9375rem; }
.choice { display: inline-flex; align-items: center; gap: 0.35rem; margin-right: 1rem; font-size: 0.9375rem; }
.field { display: flex; flex-direction: column; gap: 0.25rem; }
.field label { font-weight: 600; font-size: 0.9375rem; }
.field select, .field input[type="file"] { align-self: flex-start; max-width: 100%; }
.hint { color: var(--muted); font-size: 0.875rem; margin: 0; }
.review { margin-top: 2.5rem; border-top: 1px solid var(--line, #d0d7de); padding-top: 1rem; }
.review-form { display: grid; gap: 0.75rem; max-width: 36rem; }
.review-form fieldset label { display: block; }
.decisions { padding-left: 1.25rem; }
.inline-form { display: inline-flex; gap: 0.5rem; align-items: baseline; margin-left: 0.75rem; font-size: 0.875rem; }
.rd-review { margin-left: 0.25rem; }
select, input[type="file"], textarea, button { font: inherit; }
select { padding: 0.3rem 0.4rem; border: 1px solid #6e7781; border-radius: 4px; background: #fff; color: var(--ink); }
textarea { width: 100%; min-height: 16rem; padding: 0.5rem; border: 1px solid #6e7781; border-radius: 4px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875rem; tab-size: 4; }
textarea[aria-invalid="true"] { border: 2px solid var(--removed); }
button { padding: 0.4rem 1rem; border: 1px solid #1f6feb; border-radius: 6px; background: #0969da; color: #fff; font-weight: 600; cursor: pointer; }
button.secondary { background: #fff; color: #0550ae; border-color: #6e7781; }
.compare-form { display: grid; gap: 1rem; max-width: 60rem; }
.compare-form .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.shown { color: var(--muted); margin: 0.5rem 0 1rem; }
.downloads { margin: 0.5rem 0; }

/* The redline within a page */
.redline-wrap { max-width: 60rem; }
.redline-wrap.sbs { max-width: none; }
.pair-nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0.25rem 0 0.5rem; padding: 0; list-style: none; font-size: 0.9375rem; }

/* Paragraphs shown whole: new language, the first text of a history */
.para { margin: 0 0 1rem; padding: 0.25rem 0 0.25rem 0.75rem; border-left: 4px solid var(--line); max-width: 52rem; }
.para.new { border-left-color: var(--new); }
.para-label { margin: 0 0 0.25rem; font-size: 0.8125rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; }
.para-label .ref { font-weight: 700; }
.para-text { margin: 0; font-family: Georgia, "Times New Roman", serif; }
.para-text .lead { font-style: italic; }
.para-notes { margin: 0.25rem 0 0; font-size: 0.875rem; color: var(--muted); }
/* New wording inside a reworded paragraph, and where the rest came from */
mark.new-phrase { background: #fff3a3; color: #1f2328; font-weight: 600; padding: 0 0.1em; border-bottom: 2px solid #b38f00; }
.sources-note { margin: 0.25rem 0 0; font-size: 0.875rem; font-style: italic; color: var(--muted); }
:target { scroll-margin-top: 4rem; }
.para:target, .history-step:target { outline: 2px solid var(--focus); outline-offset: 4px; }

/* One paragraph's history */
.history { list-style: none; margin: 0; padding: 0; max-width: 60rem; }
.history-step { border-left: 3px solid var(--line); padding: 0 0 1rem 1.25rem; position: relative; }
.history-step::before { content: ""; position: absolute; left: -8px; top: 0.35rem; width: 13px; height: 13px; border-radius: 50%; background: #fff; border: 3px solid var(--ink); }
.history-step.asked { border-left-color: var(--focus); }
.history-step.asked::before { border-color: var(--focus); background: var(--focus); }
.history-step .step-head { margin: 0 0 0.5rem; }
.history-step .gone { font-style: italic; color: var(--muted); margin: 0; }

/* The lineage picture */
.legend { display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; list-style: none; padding: 0; margin: 0.5rem 0 1rem; font-size: 0.875rem; }
.legend li { display: inline-flex; align-items: center; gap: 0.35rem; }
.legend .swatch { display: inline-block; min-width: 2.1rem; text-align: center; border-radius: 3px; padding: 0 0.25rem; font-weight: 700; }
.table-scroll { overflow-x: auto; }
table.lineage { border-collapse: separate; border-spacing: 2px; font-size: 0.8125rem; }
.lineage caption { text-align: left; color: var(--muted); padding-bottom: 0.25rem; caption-side: top; }
.lineage th { font-weight: 600; text-align: left; white-space: nowrap; }
.lineage thead th { position: sticky; top: 0; background: #fff; padding: 0.25rem 0.35rem; vertical-align: bottom; z-index: 1; }
.lineage thead th a { display: block; }
.lineage thead .year { display: block; font-weight: 400; color: var(--muted); }
.lineage thead th:first-child { padding-left: 0; }
.lineage tbody th { font-weight: 400; padding: 0.1rem 0.5rem 0.1rem 0; max-width: 30rem; overflow: hidden; text-overflow: ellipsis; }
.lineage tbody th .first { display: inline-block; min-width: 2.75rem; font-variant-numeric: tabular-nums; font-weight: 700; }
.lineage td { padding: 0; min-width: 4.6rem; text-align: left; }
.lineage td a, .lineage td span.cell { display: block; padding: 0.1rem 0.35rem; white-space: nowrap; text-decoration: none; color: inherit; }
.lineage td a:hover .cell-ref { text-decoration: underline; }
.lineage .sym { display: inline-block; min-width: 1.6rem; font-weight: 700; }
.lineage tr:target th { outline: 2px solid var(--focus); }
.lineage tr.section th { padding-top: 0.75rem; font-weight: 700; font-size: 0.875rem; }
.cell-moved { box-shadow: inset 0 0 0 2px var(--moved); }
.ln-new { background: #dafbe1; color: #055d20; }
.ln-reworded { background: #fff8c5; color: #7d4e00; }
.ln-routine { background: #f6f8fa; color: #57606a; }
.ln-unchanged { background: #eaeef2; color: #424a53; }
.ln-merged, .ln-split { background: #fbefff; color: #6639ba; }
.ln-removed { background: #ffebe9; color: #82071e; }
.ln-absent { background: #fff; color: #6e7781; }

/* Error pages */
.error-page { max-width: 48rem; }
.error-page .status { color: var(--muted); margin: 0; }

@media (max-width: 40rem) {
  .rd-sbs { grid-template-columns: 1fr !important; }
  h1 { font-size: 1.4rem; }
}

@media print {
  @page { margin: 1.5cm; }
  body { font-size: 10.5pt; }
  .site-header, .site-footer, .skip-link, form.controls, .no-print, .downloads, .pair-nav { display: none !important; }
  main, main.wide { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .note, .alert, .changes { background: none; }
  .member, .history-step, .para { break-inside: avoid; }
  .table-scroll { overflow: visible; }
  table.lineage { font-size: 7.5pt; border-spacing: 1px; }
  .lineage thead th { position: static; }
  .lineage tr { break-inside: avoid; }
  .lineage td, .legend .swatch, .bars svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .lineage td { min-width: 0; }
  .lineage tbody th { max-width: 14rem; }
}
`;
