import { parentPort } from 'worker_threads';
import { periksaSatuBerkas } from './periksa-satu';

/** A worker thread of the `periksa` pool: checks the files it is sent, one at a time. */
export interface Tugas {
  index: number;
  file: string;
  skala?: string;
}

parentPort?.on('message', (tugas: Tugas) => {
  void periksaSatuBerkas(tugas.file, tugas.skala).then((hasil) => parentPort!.postMessage({ index: tugas.index, hasil }));
});
