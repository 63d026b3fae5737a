/**
 * Print stylesheet: A4 portrait, large legible type for reading on paper,
 * one chapter per page, tables that repeat their header row and never split
 * a row across pages. Colour is only ever a second cue (badges also say
 * pass/fail in words), so the pack survives a black-and-white printer.
 */
export const REPORT_CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Microsoft YaHei", "Hiragino Sans", "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1b2631; margin: 0; }
h1 { font-size: 28pt; margin: 0 0 6mm; line-height: 1.15; }
h2 { font-size: 17pt; margin: 0 0 5mm; padding-bottom: 2mm; border-bottom: 2px solid #1f4e79; color: #1f4e79; }
h2 .no { display: inline-block; min-width: 9mm; }
h3 { font-size: 12.5pt; margin: 6mm 0 2.5mm; color: #1f4e79; break-after: avoid; }
p { margin: 0 0 3mm; }
.chapter { break-before: page; }
.small, .small-table { font-size: 8.5pt; }
.mono { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #c5ccd3; padding: 1.4mm 2mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #e8eef4; font-weight: bold; font-size: 9pt; }
td.num, th.num { text-align: right; }
td.num, td.nowrap { white-space: nowrap; }
table.narrow { width: 70%; }
table.facts { width: 100%; }
table.facts th { width: 34%; background: #f4f6f8; font-weight: normal; color: #34495e; }
table.options, table.predicted, table.worst, table.classes, table.steps, table.audit, table.checks { font-size: 8.5pt; }
tr.chosen td { background: #fff6d6; }
.badge { display: inline-block; padding: 0 2mm; border-radius: 2mm; font-weight: bold; font-size: 8.5pt; border: 1px solid; }
.badge.ok { color: #1e6b34; border-color: #1e6b34; background: #e3f4e8; }
.badge.bad { color: #9b1c1c; border-color: #9b1c1c; background: #fbe6e6; }
.badge.unknown { color: #555; border-color: #999; }
.none { border-left: 4px solid #95a5a6; background: #f4f6f8; padding: 2.5mm 4mm; font-style: italic; }
.warn { border-left: 4px solid #d68910; background: #fdf2e0; padding: 2.5mm 4mm; }
.verdict { font-size: 12pt; padding: 3mm 4mm; border: 2px solid; }
.verdict.ok { border-color: #1e6b34; background: #e3f4e8; }
.verdict.bad { border-color: #9b1c1c; background: #fbe6e6; }
.status.approved, .status.auto-approved { color: #1e6b34; font-weight: bold; }
.status.rejected, .status.undone { color: #9b1c1c; font-weight: bold; }
.status.proposed { color: #9a6a00; font-weight: bold; }
.pro { color: #1e6b34; font-weight: bold; }
.con { color: #9b1c1c; font-weight: bold; }
.option-note { font-size: 9pt; margin: 0 0 2.5mm; padding-left: 3mm; border-left: 2px solid #c5ccd3; break-inside: avoid; }
figure.drawing { margin: 4mm 0; break-inside: avoid; }
figure.drawing svg { width: 100%; height: auto; max-height: 150mm; border: 1px solid #c5ccd3; }
figcaption { font-size: 8.5pt; color: #555; margin-top: 1mm; }
pre { white-space: pre-wrap; font-size: 8pt; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
.cover .kicker { font-size: 12pt; letter-spacing: 0.2em; text-transform: uppercase; color: #1f4e79; margin: 12mm 0 4mm; }
.cover .sub { font-size: 15pt; color: #34495e; margin-bottom: 12mm; }
.cover table.facts { font-size: 11pt; }
.cover .summary { margin-top: 8mm; }
.cover .foot { margin-top: 8mm; font-size: 9pt; color: #555; border-top: 1px solid #c5ccd3; padding-top: 3mm; }
.cover ol { font-size: 11.5pt; line-height: 1.7; }
.signoff { break-before: page; }
.signoff .choices { list-style: none; padding: 0; font-size: 12pt; line-height: 2.2; }
.signoff .box { display: inline-block; width: 4.5mm; height: 4.5mm; border: 1.5px solid #1b2631; vertical-align: -0.8mm; margin-right: 3mm; }
.signoff .lines { height: 45mm; background: repeating-linear-gradient(to bottom, transparent 0, transparent 9mm, #9aa5b1 9mm, #9aa5b1 9.3mm); }
table.sign td { height: 14mm; }
/* Last, so it overrides the print layout: on screen (the app's preview, a browser) the pack reads as a column of A4-wide pages. */
.muted { color: #5b6570; }
figure.chart { margin: 2mm 0; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 9pt; color: #5b6570; }
@media screen {
  html { background: #d5dbe1; }
  body { max-width: 210mm; margin: 8mm auto; padding: 15mm; background: #fff; }
  .chapter { margin-top: 14mm; padding-top: 8mm; border-top: 3px double #c5ccd3; }
}
`;
