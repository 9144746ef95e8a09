import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, writeCsv } from './csv.js';

const fields = (text: string) => parseCsv(text).records.map((record) => record.fields);

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, delimiters and newlines inside quotes', () => {
    const text = 'tag,model,note\r\nANKA-1,"Latitude 5440, 14""","two\nlines"\r\nANKA-2,X,\r\n';
    expect(fields(text)).toEqual([
      ['tag', 'model', 'note'],
      ['ANKA-1', 'Latitude 5440, 14"', 'two\nlines'],
      ['ANKA-2', 'X', ''],
    ]);
    // Line numbers count physical lines, so the record after a two-line field starts on line 4.
    expect(parseCsv(text).records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('strips a BOM and detects ; (Excel in a Turkish locale)', () => {
    const parsed = parseCsv('\uFEFFtag;site;room\nANKA-1;s-anka-tuzla;"Kat 1; A"\n\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.records.map((r) => r.fields)).toEqual([
      ['tag', 'site', 'room'],
      ['ANKA-1', 's-anka-tuzla', 'Kat 1; A'],
    ]);
  });

  it('detects the delimiter from the first line only, outside quotes', () => {
    expect(detectDelimiter('"a;b;c",d\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('keeps a last record without a newline and an empty quoted field', () => {
    expect(fields('a,b\n"",x')).toEqual([['a', 'b'], ['', 'x']]);
  });
});

describe('writeCsv', () => {
  it('round-trips through parseCsv, with BOM and CRLF', () => {
    const rows = [['tag', 'note'], ['ANKA-1', 'He said "hi", then\nleft'], ['İZMİR-2', '']];
    const text = writeCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(fields(text)).toEqual(rows);
  });

  it('defuses formula injection but keeps negative numbers', () => {
    expect(writeCsv([['=HYPERLINK("x")', '-5', '@cmd']])).toBe('\uFEFF"\'=HYPERLINK(""x"")",-5,"\'@cmd"\r\n');
  });
});
