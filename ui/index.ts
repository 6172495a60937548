import { SKALA_BAWAAN } from '../core/fungsi/skala';
import { groupFindings } from '../core/periksa/kelompok';
import { SEVERITY_LABEL } from '../core/periksa/label';
import type { Finding } from '../core/periksa';
import { GAYA } from './gaya';
import { dibatalkan } from './jembatan';
import type { Cakupan, Jembatan, Kemajuan, Pengaturan, PeriksaView, RumusBawaanView } from './jembatan';
import {
  CAKUPAN_LABEL,
  cakupanTeks,
  judulTabel,
  kembalikanTeks,
  kemajuanTeks,
  PESAN_BATAL,
  pesanGalat,
  pohonTeks,
  ringkasan,
  rumusBawaanTeks,
  selesaiTeks,
  tanpaAwalanTeks,
} from './teks';

export type { Jembatan } from './jembatan';

/**
 * The one pane of Lembar Kinerja: the Excel task pane and the Google Sheets sidebar mount it
 * with their own bridge. Every text that may come from the user's workbook (sheet names,
 * messages quoting cells) goes into the page through textContent, never as HTML.
 */

/** What the host's own commands (Excel ribbon buttons) can ask of a mounted pane. */
export interface KendaliUI {
  periksa(): Promise<void>;
  hapusTanda(): Promise<void>;
  pohonKinerja(): Promise<void>;
}

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** The pane, built in `root`; the returned controls are what a host's ribbon buttons call. */
export function mountUI(root: HTMLElement, jembatan: Jembatan): KendaliUI {
  const doc = root.ownerDocument;
  if (!doc.getElementById('lk-gaya')) {
    const style = el('style', { id: 'lk-gaya' });
    style.textContent = GAYA;
    doc.head.append(style);
  }
  root.replaceChildren();
  root.classList.add('lk');

  // --- Periksa Tabel -------------------------------------------------------------------------
  const cakupanSet = el('fieldset', {}, el('legend', {}, 'Periksa'));
  const radios = new Map<Cakupan, HTMLInputElement>();
  for (const c of ['pilihan', 'lembar', 'buku'] as Cakupan[]) {
    const input = el('input', { type: 'radio', name: 'lk-cakupan', value: c, id: `lk-cakupan-${c}` });
    if (c === 'pilihan') input.checked = true;
    radios.set(c, input);
    cakupanSet.append(el('label', { for: `lk-cakupan-${c}` }, input, CAKUPAN_LABEL[c]));
  }

  const skalaSelect = el('select', { id: 'lk-skala' }, el('option', { value: '' }, 'Otomatis (skala di buku kerja atau yang lazim)'));
  for (const s of Object.values(SKALA_BAWAAN)) skalaSelect.append(el('option', { value: s.name }, s.title));
  const skalaLabel = el('label', { for: 'lk-skala' }, 'Skala predikat');
  skalaLabel.style.display = 'block';

  const tPeriksa = el('button', { type: 'button', class: 'lk-utama', id: 'lk-periksa' }, 'Periksa Tabel');
  const tHapus = el('button', { type: 'button', id: 'lk-hapus' }, 'Hapus Tanda');
  // Shown only while a check runs, and only where the host can stop it (ui/jembatan.ts).
  const tBatal = el('button', { type: 'button', id: 'lk-batal' }, 'Batalkan');
  tBatal.hidden = true;
  const progress = el('progress', { id: 'lk-kemajuan', max: '1' });
  progress.hidden = true;
  const status = el('div', { class: 'lk-status', id: 'lk-status', role: 'status', 'aria-live': 'polite' });
  const summary = el('div', { class: 'lk-ringkasan', id: 'lk-ringkasan' });
  summary.hidden = true;
  const list = el('div', { id: 'lk-temuan', role: 'region', 'aria-label': 'Daftar temuan' });

  // --- Pohon kinerja and functions ------------------------------------------------------------
  const tPohon = el('button', { type: 'button', id: 'lk-pohon' }, 'Pohon Kinerja');
  const tTemplat = el('button', { type: 'button', id: 'lk-templat' }, 'Templat pohon');
  const pohonArea = el('div', { id: 'lk-pohon-pesan', 'aria-live': 'polite' });
  const tTanpaAwalan = el('button', { type: 'button', id: 'lk-tanpa-awalan' }, 'Pasang =CAPAIAN tanpa awalan');
  const fungsiPesan = el('div', { class: 'lk-pesan', id: 'lk-fungsi-pesan', 'aria-live': 'polite' });

  // --- Rumus bawaan ---------------------------------------------------------------------------
  const tPratinjau = el('button', { type: 'button', id: 'lk-bawaan-pratinjau' }, 'Pratinjau rumus bawaan');
  const tTerapkan = el('button', { type: 'button', class: 'lk-utama', id: 'lk-bawaan-terapkan' }, 'Terapkan');
  tTerapkan.hidden = true;
  const tKembalikan = el('button', { type: 'button', id: 'lk-bawaan-kembalikan' }, 'Kembalikan rumus asli');
  const bawaanArea = el('div', { id: 'lk-bawaan-hasil', 'aria-live': 'polite' });

  root.append(
    el('h1', {}, 'Lembar Kinerja'),
    el('p', { class: 'lk-sub' }, `Pemeriksa tabel Renja dan LKjIP untuk ${jembatan.host}`),
    cakupanSet,
    skalaLabel,
    skalaSelect,
    el('div', { class: 'lk-tombol' }, tPeriksa, tHapus, tBatal),
    progress,
    status,
    summary,
    list,
    el('hr'),
    el('h2', {}, 'Pohon kinerja'),
    el('div', { class: 'lk-tombol' }, tPohon, tTemplat),
    pohonArea,
  );
  if (jembatan.pasangTanpaAwalan) {
    root.append(el('hr'), el('h2', {}, 'Fungsi'), el('div', { class: 'lk-tombol' }, tTanpaAwalan), fungsiPesan);
  }
  if (jembatan.jadikanRumusBawaan && jembatan.kembalikanRumusAsli) {
    root.append(
      el('hr'),
      el('h2', {}, 'Rumus bawaan'),
      el(
        'p',
        { class: 'lk-pesan' },
        'Untuk buku kerja yang dikirim ke rekan tanpa add-in: rumus Lembar Kinerja (=CAPAIAN, =SAKIP.CAPAIAN, …) pada cakupan yang dipilih di atas diganti rumus bawaan yang menghasilkan angka yang sama.',
      ),
      el('div', { class: 'lk-tombol' }, tPratinjau, tTerapkan, tKembalikan),
      bawaanArea,
    );
  }

  const actionButtons = [tPeriksa, tHapus, tPohon, tTemplat, tTanpaAwalan, tPratinjau, tTerapkan, tKembalikan];
  let busy = false;

  function say(text: string, isError = false): void {
    status.textContent = text;
    status.classList.toggle('lk-galat', isError);
  }

  /** One action at a time: the buttons are disabled while the host works. */
  async function run(label: string, work: () => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    for (const b of actionButtons) b.disabled = true;
    say(label);
    try {
      await work();
    } catch (e) {
      say(pesanGalat(e), true);
    } finally {
      progress.hidden = true;
      busy = false;
      for (const b of actionButtons) b.disabled = false;
    }
  }

  function pengaturan(): Pengaturan {
    return { skala: skalaSelect.value === '' ? null : skalaSelect.value };
  }

  function cakupan(): Cakupan {
    for (const [c, r] of radios) if (r.checked) return c;
    return 'pilihan';
  }

  /** The running check's stop, while it can still stop without a trace. */
  let pembatal: AbortController | null = null;

  function onKemajuan(k: Kemajuan): void {
    // From here the backup and the marks are written: stopping half way would leave marks.
    if (k.tahap === 'tandai') tBatal.disabled = true;
    progress.hidden = false;
    if (k.total > 0) {
      progress.max = k.total;
      progress.value = k.selesai;
    } else progress.removeAttribute('value');
    say(kemajuanTeks(k));
  }

  function findingButton(f: Finding): HTMLLIElement {
    const b = el(
      'button',
      { type: 'button', class: `lk-temuan lk-${f.severity}`, 'data-sheet': f.sheet, 'data-cell': f.cell },
      el('span', { class: 'lk-sel' }, f.cell),
      el('span', { class: 'lk-tingkat' }, SEVERITY_LABEL[f.severity]),
      f.message,
    );
    b.addEventListener('click', () => {
      jembatan.pilihSel(f.sheet, f.cell).catch((e) => say(pesanGalat(e), true));
    });
    return el('li', {}, b);
  }

  function show(view: PeriksaView): void {
    summary.textContent = ringkasan(view);
    summary.hidden = false;
    list.replaceChildren();
    for (const group of groupFindings({ tables: view.tables, findings: view.findings, skala: null })) {
      const lines = group.table?.coverage ? cakupanTeks(group.table.coverage) : [];
      if (group.rules.length === 0 && lines.length === 0) continue;
      list.append(el('div', { class: 'lk-tabel' }, judulTabel(group.table)));
      if (lines.length > 0) {
        const ul = el('ul');
        for (const line of lines) ul.append(el('li', {}, line));
        list.append(el('details', {}, el('summary', {}, 'Cakupan pemeriksaan'), ul));
      }
      for (const rule of group.rules) {
        const ul = el('ul');
        for (const f of rule.findings) ul.append(findingButton(f));
        const details = el('details', { open: '' }, el('summary', {}, `${rule.label} (${rule.findings.length})`), ul);
        list.append(details);
      }
    }
  }

  const kendali: KendaliUI = {
    periksa: () =>
      run('Membaca tabel…', async () => {
        const batal = new AbortController();
        pembatal = batal;
        tBatal.hidden = !jembatan.bisaDibatalkan;
        tBatal.disabled = false;
        try {
          // The scale is saved when it is changed, so a check costs no extra round trip.
          const view = await jembatan.periksa(cakupan(), pengaturan(), onKemajuan, batal.signal);
          radios.get(view.cakupan)!.checked = true;
          show(view);
          say(selesaiTeks(view));
        } catch (e) {
          if (!dibatalkan(e)) throw e;
          say(PESAN_BATAL);
        } finally {
          pembatal = null;
          tBatal.hidden = true;
        }
      }),
    hapusTanda: () =>
      run('Menghapus tanda…', async () => {
        const { restored } = await jembatan.hapusTanda();
        summary.hidden = true;
        list.replaceChildren();
        say(restored > 0 ? `Warna dan catatan ${restored} sel dikembalikan seperti semula.` : 'Tidak ada tanda untuk dihapus.');
      }),
    pohonKinerja: () => pohon(false),
  };

  function pohon(ganti: boolean): Promise<void> {
    return run('Membuat pohon kinerja…', async () => {
      pohonArea.replaceChildren();
      const v = await jembatan.pohonKinerja(ganti);
      if (v.status === 'sudah-ada') {
        const yes = el('button', { type: 'button', class: 'lk-utama' }, 'Ganti');
        const no = el('button', { type: 'button' }, 'Batal');
        yes.addEventListener('click', () => void pohon(true));
        no.addEventListener('click', () => {
          pohonArea.replaceChildren();
          say('Lembar pohon kinerja yang ada tidak diubah.');
        });
        pohonArea.append(
          el('div', { class: 'lk-tanya', role: 'alertdialog' }, pohonTeks(v), el('div', { class: 'lk-tombol' }, yes, no)),
        );
        say('');
        queueMicrotask(() => no.focus());
        return;
      }
      pohonArea.append(el('p', { class: 'lk-pesan' }, pohonTeks(v)));
      for (const m of v.messages) pohonArea.append(el('p', { class: 'lk-pesan' }, m));
      say('');
    });
  }

  tPeriksa.addEventListener('click', () => void kendali.periksa());
  tBatal.addEventListener('click', () => {
    if (!pembatal) return;
    pembatal.abort();
    tBatal.disabled = true;
    say('Membatalkan…');
  });
  tHapus.addEventListener('click', () => void kendali.hapusTanda());
  tPohon.addEventListener('click', () => void kendali.pohonKinerja());
  tTemplat.addEventListener(
    'click',
    () =>
      void run('Membuat templat…', async () => {
        const { sheet } = await jembatan.templatPohon();
        pohonArea.replaceChildren(el('p', { class: 'lk-pesan' }, `Templat pohon kinerja dibuat di lembar "${sheet}".`));
        say('');
      }),
  );
  tTanpaAwalan.addEventListener(
    'click',
    () =>
      void run('Memasang nama fungsi…', async () => {
        const r = await jembatan.pasangTanpaAwalan!();
        fungsiPesan.textContent = tanpaAwalanTeks(r);
        say('');
      }),
  );
  /** The scope the last preview was made for: Terapkan converts exactly what was shown. */
  let pratinjau: Cakupan | null = null;

  function showBawaan(v: RumusBawaanView): void {
    bawaanArea.replaceChildren(el('p', { class: 'lk-ringkasan' }, rumusBawaanTeks(v)));
    const daftar = (judul: string, rows: { sheet: string; cell: string; text: string }[]) => {
      if (rows.length === 0) return;
      const ul = el('ul');
      for (const r of rows) ul.append(el('li', { class: 'lk-pesan' }, el('span', { class: 'lk-sel' }, `${r.sheet}!${r.cell}`), r.text));
      bawaanArea.append(el('details', { open: '' }, el('summary', {}, `${judul} (${rows.length})`), ul));
    };
    daftar(
      'Tidak dapat diubah',
      v.skipped.map((s) => ({ sheet: s.sheet, cell: s.cell, text: s.reason })),
    );
    daftar(
      'Perlu diperhatikan',
      v.converted.filter((c) => c.note !== null).map((c) => ({ sheet: c.sheet, cell: c.cell, text: c.note! })),
    );
  }

  tPratinjau.addEventListener(
    'click',
    () =>
      void run('Membaca rumus…', async () => {
        tTerapkan.hidden = true;
        pratinjau = null;
        const v = await jembatan.jadikanRumusBawaan!(cakupan(), false);
        showBawaan(v);
        if (v.converted.length > 0) {
          pratinjau = v.cakupan;
          tTerapkan.hidden = false;
        }
        say('');
      }),
  );
  tTerapkan.addEventListener(
    'click',
    () =>
      void run('Mengubah rumus…', async () => {
        if (pratinjau === null) return;
        const v = await jembatan.jadikanRumusBawaan!(pratinjau, true);
        tTerapkan.hidden = true;
        pratinjau = null;
        showBawaan(v);
        say('');
        // The focused Terapkan is gone; the way back is the next thing to reach (once enabled).
        setTimeout(() => tKembalikan.focus(), 0);
      }),
  );
  tKembalikan.addEventListener(
    'click',
    () =>
      void run('Mengembalikan rumus asli…', async () => {
        tTerapkan.hidden = true;
        pratinjau = null;
        const r = await jembatan.kembalikanRumusAsli!();
        bawaanArea.replaceChildren(el('p', { class: 'lk-ringkasan' }, kembalikanTeks(r)));
        say('');
      }),
  );
  skalaSelect.addEventListener('change', () => {
    jembatan.simpanPengaturan(pengaturan()).catch((e) => say(pesanGalat(e), true));
  });

  // The scale chosen last time is kept in the document.
  jembatan
    .bacaPengaturan()
    .then((p) => {
      skalaSelect.value = p.skala ?? '';
    })
    .catch(() => undefined);

  return kendali;
}
