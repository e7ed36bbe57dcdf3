/**
 * Splits one CSV line into fields: `sep`-separated, a field may be "quoted" with "" for a quote
 * inside. Returns undefined for an unclosed quote. Fields never span lines here, which keeps each
 * problem on the line store IT sees in their spreadsheet.
 */
export function splitCsvLine(line: string, sep: string): string[] | undefined {
  if (!line.includes('"')) return line.split(sep);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === sep) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}

/** Spreadsheets in comma-decimal locales save with semicolons: the header says which. */
export function separatorOf(header: string): string {
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}
