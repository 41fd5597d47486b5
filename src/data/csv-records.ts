// A small streaming RFC 4180 record splitter that knows the line each record starts on.
// DuckDB does the fast reading; this one exists to read headers and to pin a bad value to its exact
// line and column when DuckDB's own message is vague (it counts records, not lines, and rounds
// "1.5" into a BIGINT without complaint). Quoted fields may hold commas, quotes ("") and newlines,
// as the Kaggle `args` and `stackAddresses` columns do.

export interface CsvRecord {
  /** 1-based physical line on which the record starts (the header is line 1). */
  readonly line: number;
  readonly fields: string[];
}

/**
 * Split text chunks into records. Accepts LF and CRLF. A last line without a newline is a record;
 * blank lines are skipped (as DuckDB does). A quote only opens a field at the field's start.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteJustClosed = false; // inside quotes, saw '"': either an escaped quote or the closing one
  let line = 1;
  let recordLine = 1;
  let recordHasContent = false;

  for await (const chunk of chunks) {
    let start = 0; // unquoted runs are copied in slices, not character by character
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inQuotes) {
        if (quoteJustClosed) {
          quoteJustClosed = false;
          if (c === 34) {
            field += '"';
            start = i + 1;
            continue;
          }
          inQuotes = false; // the previous quote closed the field; fall through to unquoted handling
        } else {
          if (c === 34) {
            field += chunk.slice(start, i);
            quoteJustClosed = true;
            start = i + 1;
          } else if (c === 10) {
            line++;
          }
          continue;
        }
      }
      if (c === 44) {
        fields.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
        recordHasContent = true;
      } else if (c === 10) {
        let end = i;
        if (end > start && chunk.charCodeAt(end - 1) === 13) end--;
        else if (end === start && field.endsWith('\r')) field = field.slice(0, -1);
        const last = field + chunk.slice(start, end);
        if (recordHasContent || last.length > 0 || fields.length > 0) {
          fields.push(last);
          yield { line: recordLine, fields };
        }
        fields = [];
        field = '';
        recordHasContent = false;
        start = i + 1;
        line++;
        recordLine = line;
      } else if (c === 34 && field.length === 0 && i === start) {
        inQuotes = true;
        recordHasContent = true;
        start = i + 1;
      }
    }
    field += chunk.slice(start); // empty when the chunk ended on a quote or a newline
  }
  const last = field;
  if (recordHasContent || last.length > 0 || fields.length > 0) {
    fields.push(last.endsWith('\r') ? last.slice(0, -1) : last);
    yield { line: recordLine, fields };
  }
}

/** Split one complete line (no newline inside quotes) into fields; used for short header lines. */
export function splitCsvLine(text: string): string[] {
  const out: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field.length === 0) inQuotes = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field.endsWith('\r') ? field.slice(0, -1) : field);
  return out;
}
