import { detectDelimiter, parseDelimited, readDelimited } from './teks';

describe('detectDelimiter', () => {
  it('a tab-separated table is tab', () => {
    expect(detectDelimiter('No\tProgram\tPagu\n1\tPenunjang\t5.215.862.284\n')).toBe('\t');
  });

  it('id-ID CSV with decimal commas is `;`, not `,`', () => {
    expect(detectDelimiter('Indikator;Target;Realisasi\nPPKS;99,88;99,88\nIKM;85;85,2\n')).toBe(';');
  });

  it('en-US CSV is `,`, even when a text cell holds a `;`', () => {
    expect(detectDelimiter('Program,Pagu,Catatan\nI,7800000,"a; b"\nII,900000,c\n')).toBe(',');
  });

  it('delimiters inside quotes do not count', () => {
    expect(detectDelimiter('"a;b;c",x\n"d;e;f",y\n"g;h;i",z\n')).toBe(',');
  });

  it('a single column falls back to `,`', () => {
    expect(detectDelimiter('Program\nKegiatan\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('parseDelimited', () => {
  it('keeps cells as typed text, empty cells as null, and ragged rows ragged', () => {
    const sheet = parseDelimited('Kode\tUraian\tPagu\n1.06\t PROGRAM \t\n\tKegiatan\n', 'renja');
    expect(sheet).toEqual({
      name: 'renja',
      typed: false,
      values: [
        ['Kode', 'Uraian', 'Pagu'],
        ['1.06', ' PROGRAM ', null],
        [null, 'Kegiatan'],
      ],
    });
  });

  it('keeps blank lines inside the table (they are rows of the sheet) but drops trailing ones', () => {
    expect(parseDelimited('a;b\n\nc;d\n\n\n', 's').values).toEqual([['a', 'b'], [null], ['c', 'd']]);
  });

  it('reads CRLF line ends and strips a BOM', () => {
    expect(parseDelimited('\uFEFFa;b\r\nc;d\r\n', 's').values).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it("honours and hides Excel's `sep=` first line", () => {
    expect(parseDelimited('sep=,\r\nIndikator,Target\r\nIKM,"85,2"\r\n', 's').values).toEqual([
      ['Indikator', 'Target'],
      ['IKM', '85,2'],
    ]);
    expect(parseDelimited('sep=,\na;b,c\n', 's').values).toEqual([['a;b', 'c']]);
  });

  it('the given delimiter wins over detection', () => {
    expect(parseDelimited('a;b,c\n', 's', ',').values).toEqual([['a;b', 'c']]);
  });

  it('readDelimited reports the delimiter and an unclosed quote', () => {
    const r = readDelimited('a;b\n"c;d\ne;f\n', 's');
    expect(r.delimiter).toBe(';');
    expect(r.unclosedQuoteRow).toBe(1);
    expect(readDelimited('a;b\n', 's').unclosedQuoteRow).toBeNull();
  });
});
