/**
 * Node's errno codes (ENOENT, EISDIR, ENOSPC, …) as sentences a planner understands. Every verb
 * that reads or writes a file says its failure through these, so no English system text
 * ("ENOENT: no such file or directory, open …") reaches the terminal.
 */

/** The errno code of a thrown error, if it has one. */
export function errnoOf(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Why `file` could not be read. */
export function pesanBaca(file: string, e: unknown): string {
  switch (errnoOf(e)) {
    case 'ENOENT':
      return `Berkas tidak ditemukan: ${file}.`;
    case 'EISDIR':
      return `${file} adalah folder, bukan berkas.`;
    case 'ENOTDIR':
      return `Jalur ${file} tidak ada: salah satu bagiannya bukan folder.`;
    case 'EACCES':
    case 'EPERM':
      return `Tidak ada izin membaca berkas: ${file}.`;
    case 'EBUSY':
      return `Berkas ${file} sedang dikunci oleh program lain; tutup dulu program itu lalu ulangi.`;
    case 'ENAMETOOLONG':
      return `Nama berkas terlalu panjang: ${file}.`;
    case 'ELOOP':
      return `Jalur ${file} berputar (tautan simbolik yang menunjuk dirinya sendiri).`;
    default:
      return `Berkas tidak dapat dibaca: ${file}.`;
  }
}

/** Why `file` could not be written; the previous copy, if any, is untouched (cli/berkas-keluaran.ts). */
export function pesanTulis(file: string, e: unknown): string {
  switch (errnoOf(e)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Ruang disk tidak cukup untuk menulis ${file}; berkas lama dengan nama itu (bila ada) tidak diubah. Kosongkan ruang disk lalu ulangi.`;
    case 'EACCES':
    case 'EPERM':
      return `Tidak ada izin menulis ${file} di folder itu; pilih folder lain.`;
    case 'EROFS':
      return `Folder untuk ${file} hanya dapat dibaca; pilih folder lain.`;
    case 'EISDIR':
      return `${file} adalah folder; beri nama berkas keluaran.`;
    case 'ENOTDIR':
    case 'ENOENT':
      return `Folder untuk ${file} tidak ada dan tidak dapat dibuat.`;
    case 'EBUSY':
      return `${file} sedang dibuka di program lain (misalnya Excel); tutup dulu lalu ulangi.`;
    case 'ENAMETOOLONG':
      return `Nama berkas keluaran terlalu panjang: ${file}.`;
    default:
      return `Berkas keluaran ${file} tidak dapat ditulis.`;
  }
}
