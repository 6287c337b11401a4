/**
 * CSV as spreadsheets read it (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote
 * or line break quoted). A field that a spreadsheet would take for a formula (=, +, -, @, tab or
 * carriage return first) is prefixed with an apostrophe: reader names come from a header, and an
 * export opened in a spreadsheet must not run what someone put there.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Parses CSV text (the roster file): quoted fields, doubled quotes, CRLF or LF. Returns the rows
 * with the line each starts on, or the line of an unclosed quote.
 */
export function parseCsv(text: string): { rows: { line: number; fields: string[] }[] } | { error: string; line: number } {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (quoted) return { error: 'a quoted field is not closed', line: quoteLine };
  endRow();
  return { rows };
}
