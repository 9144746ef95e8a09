/**
 * RFC 4180 CSV, both ways, as spreadsheets write it: quoted fields with doubled quotes, commas,
 * semicolons and newlines inside quotes, CRLF or LF, a UTF-8 BOM. Excel in a Turkish (or German…)
 * locale saves with `;`, so the delimiter is detected from the header line.
 */
export type CsvDelimiter = ',' | ';' | '\t';

export interface ParsedCsv {
  readonly delimiter: CsvDelimiter;
  /** Every record, the header first; each with the 1-based line where it starts (for error messages). */
  readonly records: readonly { readonly line: number; readonly fields: readonly string[] }[];
}

/** The delimiter that occurs most in the first line outside quotes (`,` on a tie or none). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return best;
}

export function parseCsv(input: string, delimiter?: CsvDelimiter): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;

  const endRecord = () => {
    fields.push(field);
    // A blank line is no record (common at the end of files).
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (char === sep) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return { delimiter: sep, records };
}

function quote(value: string, delimiter: CsvDelimiter): string {
  const risky = value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r');
  // A leading =, +, -, @ would be run as a formula by spreadsheets (CSV injection): prefix a quote.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return risky || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text with a BOM (so Excel reads UTF-8 Turkish letters) and CRLF line ends. */
export function writeCsv(rows: readonly (readonly (string | number | null | undefined)[])[], delimiter: CsvDelimiter = ','): string {
  const body = rows.map((row) => row.map((cell) => quote(cell === null || cell === undefined ? '' : String(cell), delimiter)).join(delimiter)).join('\r\n');
  return `\uFEFF${body}\r\n`;
}
