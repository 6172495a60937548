import { formatNumber } from '../../core/angka/format';
import { Dec } from '../../core/angka/desimal';
import { hapusTanda } from './tanda';
import { pohonTeks } from '../../ui/teks';
import { pohonKinerja } from './pohon';

/** The add-on menu. Its items name top-level functions (the entry declares them). */

export const JUDUL_SIDEBAR = 'Lembar Kinerja';

/**
 * Always the add-on menu (a sub-menu under Extensions), whatever the AuthMode: "If you intend
 * to publish the add-on, always use Ui.createAddonMenu" (Custom menus for Editor add-ons,
 * https://developers.google.com/workspace/add-ons/concepts/menus). A bound copy of the script
 * gets the same menu, so planners find it in one place. onOpen runs before the user has
 * granted anything to an add-on, so it only builds the menu.
 */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Periksa Tabel', 'lkMenuPeriksa')
    .addItem('Hapus Tanda', 'lkMenuHapusTanda')
    .addItem('Pohon Kinerja', 'lkMenuPohon')
    .addSeparator()
    .addItem('Bantuan', 'lkMenuBantuan')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function menuPeriksa(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(JUDUL_SIDEBAR);
  SpreadsheetApp.getUi().showSidebar(html);
}

function pesan(judul: string, teks: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(judul, teks, ui.ButtonSet.OK);
}

export function menuHapusTanda(): void {
  try {
    const { restored } = hapusTanda(SpreadsheetApp.getActiveSpreadsheet());
    pesan(
      'Hapus Tanda',
      restored === 0
        ? 'Tidak ada tanda Lembar Kinerja di berkas ini.'
        : `Warna dan catatan ${formatNumber(new Dec(restored))} sel dikembalikan seperti semula.`,
    );
  } catch (e) {
    pesan('Hapus Tanda', (e as Error).message);
  }
}

export function menuPohon(): void {
  try {
    const ui = SpreadsheetApp.getUi();
    let v = pohonKinerja(false);
    if (v.status === 'sudah-ada') {
      const jawab = ui.alert('Pohon Kinerja', pohonTeks(v), ui.ButtonSet.YES_NO);
      if (jawab !== ui.Button.YES) return;
      v = pohonKinerja(true);
    }
    pesan('Pohon Kinerja', [pohonTeks(v), ...v.messages].join('\n'));
  } catch (e) {
    pesan('Pohon Kinerja', (e as Error).message);
  }
}

const BANTUAN = `<div style="font:13px/1.5 Arial,sans-serif">
<p><b>Periksa Tabel</b> memeriksa tabel Renja dan LKjIP di lembar ini: jumlah pagu program terhadap
kegiatan dan sub kegiatannya, baris total, persentase capaian, serapan dan efisiensi terhadap rumusnya,
predikat, rencana per triwulan, satuan, dan penulisan angka. Sel bermasalah diwarnai dan diberi catatan.</p>
<p><b>Hapus Tanda</b> mengembalikan warna dan catatan sel persis seperti sebelum diperiksa.</p>
<p><b>Fungsi</b> dapat diketik langsung di sel: <code>=CAPAIAN(realisasi; target; [arah]; [batas])</code>,
<code>=EFISIENSI(capaian_kinerja; serapan_anggaran; [metode])</code>, <code>=PREDIKAT(capaian; [skala]; [desimal])</code>,
<code>=SERAPAN(realisasi; pagu)</code>, <code>=NILAI_EFISIENSI(efisiensi)</code>.</p>
<p>Data tidak pernah dikirim ke luar berkas ini.</p></div>`;

export function menuBantuan(): void {
  const html = HtmlService.createHtmlOutput(BANTUAN).setWidth(480).setHeight(320);
  SpreadsheetApp.getUi().showModalDialog(html, 'Bantuan Lembar Kinerja');
}
