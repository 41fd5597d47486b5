// Splitting one CSV line into fields, RFC 4180 quoting within the line. The Kaggle BETH layout
// quotes `stackAddresses` and `args`, which contain commas, so a plain split(',') would put the
// features in the wrong columns. BETH never has a newline inside a quoted field; a quote left open at
// the end of a line is reported as a bad row rather than silently joined with the next line.

/** Fields of `line`, unquoted; null when a quoted field is not closed on this line. */
export function splitCsvLine(line: string): string[] | null {
  if (line.indexOf('"') < 0) return line.split(',');
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null;
        value += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Anything between the closing quote and the next comma is kept, as lenient readers do.
      const comma = line.indexOf(',', j);
      out.push(comma < 0 ? value + line.slice(j) : value + line.slice(j, comma));
      if (comma < 0) return out;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
