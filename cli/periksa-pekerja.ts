import * as path from 'path';
import { periksaSatuBerkas } from './periksa-satu';

/** A worker process of the `periksa` pool: checks the files it is sent, one at a time. */
export interface Tugas {
  index: number;
  file: string;
  skala?: string;
}

/** Tests only: the file (by name) on which this worker dies as V8 ends a process out of memory. */
const DIE_ON = process.env.LK_UJI_PEKERJA_MATI;

process.on('message', (tugas: Tugas) => {
  if (DIE_ON !== undefined && path.basename(tugas.file) === DIE_ON) process.abort();
  void periksaSatuBerkas(tugas.file, tugas.skala).then((hasil) => process.send?.({ index: tugas.index, hasil }));
});
