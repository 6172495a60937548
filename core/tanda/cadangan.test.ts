import { bacaCadangan, gabungCadangan, tulisCadangan } from './cadangan';
import { bacaPengaturan, tulisPengaturan } from '../pengaturan';

describe('cadangan (what Hapus Tanda restores)', () => {
  it('reads back what was stored', () => {
    const stored = JSON.stringify({
      versi: 2,
      sel: [{ sheet: 'Tabel 2.3', cell: 'F14', fill: '#FFFF00', note: null, markNote: 'Lembar Kinerja: …' }],
    });
    expect(bacaCadangan(stored)).toEqual({ ok: true, cadangan: JSON.parse(stored) });
    expect(bacaCadangan(tulisCadangan(JSON.parse(stored)))).toEqual({ ok: true, cadangan: JSON.parse(stored) });
    expect(bacaCadangan(null)).toEqual({ ok: true, cadangan: { versi: 2, sel: [] } });
  });

  it('still reads a backup written before the rename (version 1, our note text under "kami")', () => {
    const old =
      '{"versi":1,"sel":[{"sheet":"S","cell":"A1","fill":null,"note":"x","kami":"Lembar Kinerja: a"},{"sheet":"S","cell":"B2","fill":null,"note":null}]}';
    expect(bacaCadangan(old)).toEqual({
      ok: true,
      cadangan: {
        versi: 2,
        sel: [
          { sheet: 'S', cell: 'A1', fill: null, note: 'x', markNote: 'Lembar Kinerja: a' },
          { sheet: 'S', cell: 'B2', fill: null, note: null },
        ],
      },
    });
  });

  it('refuses edited or broken data with an Indonesian message instead of guessing', () => {
    const broken = bacaCadangan('{"versi":2,"sel":[{"sheet":"A","cell":"<img>","fill":null,"note":null}]}');
    expect(broken.ok).toBe(false);
    expect(bacaCadangan('{tidak json').ok).toBe(false);
    expect(bacaCadangan('{"versi":3,"sel":[]}').ok).toBe(false);
  });

  it('keeps the first-recorded original when a cell is marked twice', () => {
    const first = gabungCadangan({ versi: 2, sel: [] }, [{ sheet: 'S', cell: 'A1', fill: '#FFFFFF', note: 'catatan pengguna' }]);
    const second = gabungCadangan(first, [
      { sheet: 'S', cell: 'A1', fill: '#FFC7CE', note: 'Lembar Kinerja: …' },
      { sheet: 'S', cell: 'B2', fill: null, note: null },
    ]);
    expect(second.sel).toEqual([
      { sheet: 'S', cell: 'A1', fill: '#FFFFFF', note: 'catatan pengguna' },
      { sheet: 'S', cell: 'B2', fill: null, note: null },
    ]);
  });

  it('a cell marked twice keeps its original but records the text of our newer note', () => {
    const first = gabungCadangan({ versi: 2, sel: [] }, [
      { sheet: 'S', cell: 'A1', fill: null, note: 'catatan pengguna', markNote: 'Lembar Kinerja: lama' },
    ]);
    const second = gabungCadangan(first, [
      { sheet: 'S', cell: 'A1', fill: '#FFC7CE', note: 'sudah bertanda', markNote: 'Lembar Kinerja: baru' },
    ]);
    expect(second.sel).toEqual([{ sheet: 'S', cell: 'A1', fill: null, note: 'catatan pengguna', markNote: 'Lembar Kinerja: baru' }]);
  });
});

describe('pengaturan (settings kept in the document)', () => {
  it('round-trips and normalises the scale name', () => {
    expect(bacaPengaturan(tulisPengaturan({ skala: 'berhasil' }))).toEqual({ skala: 'berhasil' });
    expect(bacaPengaturan('{"skala":"Permendagri 86"}')).toEqual({ skala: 'permendagri86' });
  });

  it('falls back to the default on anything unusable', () => {
    expect(bacaPengaturan('{"skala":"bintang"}')).toEqual({ skala: null });
    expect(bacaPengaturan('bukan json')).toEqual({ skala: null });
    expect(bacaPengaturan({ skala: 5 })).toEqual({ skala: null });
    expect(bacaPengaturan(undefined)).toEqual({ skala: null });
  });
});
