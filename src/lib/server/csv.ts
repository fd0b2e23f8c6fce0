/**
 * CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark (so Excel reads æ, ø and å),
 * lines ended by CRLF, a cell quoted when it holds `"`, `,`, CR or LF. A text cell that a
 * spreadsheet would take as a formula (starting with = + - @, a tab or CR) gets a leading
 * apostrophe: a name like =HYPERLINK(…) stays text. Numbers are written as they are.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvDocument(rows: CsvCell[][]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
