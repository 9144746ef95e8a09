import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('keeps formulas as text (CSV injection)', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+90 212')).toBe("'+90 212");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-5)).toBe('-5');
  });

  it('starts with a UTF-8 BOM, ends rows with CRLF and keeps Turkish letters', () => {
    const text = toCsv(['Ref', 'Başlık'], [['ANKA-1', 'Yazıcı "kâğıt" sıkıştırıyor, İzmir'], ['ANKA-2', 'Şifre']]);
    expect(text).toBe('\uFEFFRef,Başlık\r\nANKA-1,"Yazıcı ""kâğıt"" sıkıştırıyor, İzmir"\r\nANKA-2,Şifre\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
