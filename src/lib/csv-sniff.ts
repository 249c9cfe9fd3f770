/**
 * Whether a "CSV" is really text: a spreadsheet, a PDF or any binary file gets a sentence saying
 * so (and what to do), not a column-mapping error about what looks like its garbage first line.
 * Used by the import page before uploading and by the import API for any client.
 */
export function notCsvReason(text: string): string | null {
  const head = text.slice(0, 64_000);
  if (head.startsWith("PK\u0003\u0004")) return "This is an Excel workbook (or another zipped file), not a CSV. In Excel choose File → Save As → CSV UTF-8, then import that file.";
  if (head.startsWith("%PDF")) return "This is a PDF, not a CSV. Export the list as a CSV file from where it came from, then import that file.";
  if (head.startsWith("\u00d0\u00cf\u0011\u00e0") || head.startsWith("\ufffd\ufffd\u0011\ufffd")) return "This is an older Excel file (.xls), not a CSV. In Excel choose File → Save As → CSV UTF-8, then import that file.";
  const sample = head.slice(0, 8_000);
  let odd = 0;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    if (code === 0) return "This file is not a CSV: it holds binary data. Export a CSV (comma, semicolon or tab separated text) and import that.";
    if (ch === "\ufffd" || (code < 32 && ch !== "\n" && ch !== "\r" && ch !== "\t")) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.02 ? "This file is not a CSV: it holds binary data. Export a CSV (comma, semicolon or tab separated text) and import that." : null;
}
