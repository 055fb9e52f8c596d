/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. A leading = + - @
 * is prefixed with ' so a spreadsheet never runs a cell from a scanned repository as a formula.
 */
export function toCsv(opts: { columns: string[]; rows: (string | number | null | undefined)[][] }): string {
  const cell = (value: string | number | null | undefined): string => {
    if (value === null || value === undefined) return "";
    let text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [opts.columns, ...opts.rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
