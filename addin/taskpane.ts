import { pohonKinerja, templatPohon } from '../core/pohon';
import { mountUI } from '../ui';
import { buatJembatanExcel } from './excel/jembatan-excel';
import { periksaDiPekerja } from './excel/pekerja';

/**
 * The shared runtime's page: it mounts the pane and answers the ribbon buttons of the
 * "Lembar Kinerja" group. The custom functions (fungsi.js) are bundled into the same page, so
 * functions, pane and commands live in one long-lived runtime.
 */

Office.onReady(() => {
  const root = document.getElementById('app');
  if (!root) return;
  const jembatan = buatJembatanExcel({
    run: (batch) => Excel.run(batch),
    notesSupported: () => Office.context.requirements.isSetSupported('ExcelApi', '1.18'),
    pohon: { pohonKinerja, templatPohon },
    periksa: typeof Worker === 'function' ? periksaDiPekerja('pekerja.js') : undefined,
  });
  const kendali = mountUI(root, jembatan);

  const perintah = (work: () => Promise<void>) => async (event: Office.AddinCommands.Event) => {
    try {
      await Office.addin.showAsTaskpane();
      await work();
    } finally {
      event.completed();
    }
  };
  Office.actions.associate('periksaTabel', perintah(kendali.periksa));
  Office.actions.associate('pohonKinerja', perintah(kendali.pohonKinerja));
  Office.actions.associate('hapusTanda', perintah(kendali.hapusTanda));
});
