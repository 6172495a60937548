import { FixtureName, loadFixture } from '../../test/fixtures/muat';
import { CellValue, Workbook } from '../lembar/model';
import { countNodes, pohonKinerja, PohonNode, tataPohon, walk } from '.';

function levels(tree: PohonNode[]): Record<string, number> {
  const out: Record<string, number> = {};
  walk(tree, (n) => {
    out[n.level] = (out[n.level] ?? 0) + 1;
  });
  return out;
}

const fixture = (name: FixtureName): Workbook => ({ name, sheets: [loadFixture(name)] });

/** Every node of the tree has exactly one box in the drawing, and its header and text are on the sheet. */
function drawnExactlyOnce(tree: PohonNode[], drawing: ReturnType<typeof pohonKinerja>['drawing']): void {
  const { boxes } = tataPohon(tree);
  const ids: string[] = [];
  walk(tree, (n) => ids.push(n.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect(boxes.map((b) => b.node.id).sort()).toEqual([...ids].sort());
  const texts = drawing.cells.map((c) => (typeof c.value === 'string' ? c.value : ''));
  walk(tree, (n) => {
    const head = n.kode ? `${n.level.toUpperCase()} ${n.kode}` : n.level.toUpperCase();
    expect(texts).toContain(head);
  });
}

describe('pohonKinerja on the fixtures', () => {
  test('T-C.33 Magetan: 6 programs, 16 kegiatan, 40 sub kegiatan, under one urusan and bidang; sums consistent', () => {
    const r = pohonKinerja(fixture('renja_magetan_2022_tc33'));
    expect(levels(r.tree)).toEqual({ Urusan: 1, 'Bidang urusan': 1, Program: 6, Kegiatan: 16, 'Sub kegiatan': 40 });
    expect(r.nodes).toBe(64);
    expect(r.nodes).toBe(countNodes(r.tree));
    // The note: every parent/child pagu sum is consistent (a negative control).
    expect(r.findings).toEqual([]);
    // The note: printed codes are not unique because kegiatan codes print as "2"/"2.1".
    expect(r.messages.join('\n')).toMatch(/Kode sub kegiatan dipakai lebih dari sekali: .*1\.6\.1\.2\.1\.2 \(baris 18, 25, 29, 34\)/);
    const program = r.tree[0].children[0].children[0];
    expect(program.pernyataan).toBe('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA');
    expect(program.pagu).toBe(2809627670);
    expect(program.indikator).toEqual([{ nama: 'skor IKM Dinas Sosial', target: '83', satuan: 'skor' }]);
    drawnExactlyOnce(r.tree, r.drawing);
  });

  test('Malang review table: 7 programs, 16 kegiatan, 50 sub kegiatan, and the four pagu errors of the note', () => {
    const r = pohonKinerja(fixture('renja_malang_2024_tabel23_review_rkpd'));
    expect(levels(r.tree)).toEqual({ Program: 7, Kegiatan: 16, 'Sub kegiatan': 50 });
    const amounts = r.findings.map((f) => f.message.match(/^Pagu \w+ ([\d.]+)/)?.[1]);
    expect(amounts).toEqual(expect.arrayContaining(['8.220.950.000', '820.000.000', '138.300.000', '2.125.000.000']));
    // Each finding sits on the node whose pagu it names, and that node's box says so.
    let flagged = 0;
    walk(r.tree, (n) => {
      if (n.temuan) flagged++;
    });
    expect(flagged).toBe(4);
    drawnExactlyOnce(r.tree, r.drawing);
  });

  test('LKjIP: sasaran with their indicators (capaian) and anggaran (efisiensi per sasaran)', () => {
    const capaian = pohonKinerja(fixture('lkjip_magetan_2024_capaian'));
    expect(capaian.tree.map((n) => n.level)).toEqual(['Sasaran', 'Sasaran', 'Sasaran', 'Sasaran', 'Sasaran']);
    // A blank sasaran cell continues the sasaran above: its second indicator.
    expect(capaian.tree[4].indikator.map((i) => i.nama)).toEqual([
      '1. Nilai SAKIP Dinas Sosial',
      '2. Indeks Kepuasan Masyarakat Dinas Sosial',
    ]);
    expect(capaian.tree[1].indikator[0]).toEqual({
      nama: 'Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial',
      target: '0,28',
      satuan: '',
    });
    const efisiensi = pohonKinerja(fixture('lkjip_magetan_2024_efisiensi_sasaran'));
    expect(efisiensi.tree[0].pagu).toBe(6093000000);
  });

  test('LKjIP/E.81 tables that link sasaran to program and kegiatan: the program rows hang under their sasaran', () => {
    const values: CellValue[][] = [
      ['No', 'Sasaran', 'Program/Kegiatan', 'Indikator', 'Target', 'Anggaran (Rp)', 'Unit Penanggung Jawab'],
      [
        '1',
        'Meningkatnya kualitas rehabilitasi sosial',
        'Program Rehabilitasi Sosial',
        'Persentase PMKS',
        '80 %',
        300000000,
        'Bidang Rehsos',
      ],
      ['1.1', null, 'Rehabilitasi Sosial Dasar Penyandang Disabilitas', 'Jumlah orang', '120 orang', 180000000, 'Seksi Rehab'],
      ['1.2', null, 'Rehabilitasi Sosial Dasar Anak Terlantar', 'Jumlah anak', '60 anak', 120000000, 'Seksi Anak'],
      [
        '2',
        'Meningkatnya perlindungan sosial',
        'Program Perlindungan dan Jaminan Sosial',
        'Persentase KPM',
        '100 %',
        50000000,
        'Bidang Linjamsos',
      ],
      ['2.1', null, 'Pengelolaan Data Fakir Miskin', 'Jumlah data', '1 dokumen', 50000000, 'Seksi Data'],
    ];
    const r = pohonKinerja({ name: 'e81', sheets: [{ name: 'E81', values, typed: true }] });
    expect(r.tree.map((n) => [n.level, n.pernyataan, n.children.map((c) => c.pernyataan)])).toEqual([
      ['Sasaran', 'Meningkatnya kualitas rehabilitasi sosial', ['Program Rehabilitasi Sosial']],
      ['Sasaran', 'Meningkatnya perlindungan sosial', ['Program Perlindungan dan Jaminan Sosial']],
    ]);
    expect(r.tree[0].children[0].children).toHaveLength(2);
    expect(r.tree[0].children[0].pj).toBe('Bidang Rehsos');
    expect(r.findings).toEqual([]);
  });
});
