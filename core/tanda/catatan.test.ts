import { catatanPengguna, catatanTanda, pulihCatatan } from './catatan';

describe('notes: ours next to the user’s, and only ours taken back', () => {
  const ours = 'Lembar Kinerja:\nGalat (jumlah-induk): …';
  it('appends to a user note and takes exactly that back', () => {
    const marked = catatanTanda('Cek ulang.', ours);
    expect(marked).toBe(`Cek ulang.\n\n${ours}`);
    expect(pulihCatatan(marked, 'Cek ulang.')).toEqual({ aksi: 'ganti', isi: 'Cek ulang.' });
  });
  it('removes a note that is ours alone, and leaves notes the user rewrote', () => {
    expect(catatanTanda(null, ours)).toBe(ours);
    expect(pulihCatatan(ours, null)).toEqual({ aksi: 'hapus' });
    expect(pulihCatatan('Ditulis ulang oleh pengguna.', null)).toEqual({ aksi: 'biarkan' });
    expect(pulihCatatan('Cek ulang, sudah.', 'Cek ulang.')).toEqual({ aksi: 'biarkan' });
    expect(pulihCatatan(null, 'Cek ulang.')).toEqual({ aksi: 'biarkan' });
  });
});

describe('what the planner typed into a marked note stays', () => {
  const ours = 'Lembar Kinerja:\nGalat (jumlah-induk): Pagu program tidak sama dengan jumlah pagu kegiatannya.';

  it('takes out exactly our text, as recorded, and nothing else', () => {
    expect(pulihCatatan(ours, null, ours)).toEqual({ aksi: 'hapus' });
    expect(pulihCatatan(catatanTanda('Cek ulang.', ours), 'Cek ulang.', ours)).toEqual({ aksi: 'ganti', isi: 'Cek ulang.' });
  });

  it('keeps a line the planner added after our text, or between his note and ours', () => {
    expect(pulihCatatan(`${ours}\n\nSudah dibetulkan (Budi).`, null, ours)).toEqual({ aksi: 'ganti', isi: 'Sudah dibetulkan (Budi).' });
    expect(pulihCatatan(`${ours}\nOK`, null, ours)).toEqual({ aksi: 'ganti', isi: '\nOK' });
    expect(pulihCatatan(`Cek ulang.\nSudah.\n\n${ours}`, 'Cek ulang.', ours)).toEqual({ aksi: 'ganti', isi: 'Cek ulang.\nSudah.' });
  });

  it('leaves a note alone when the planner edited our part of it', () => {
    expect(pulihCatatan(ours.replace('tidak sama', 'sama'), null, ours)).toEqual({ aksi: 'biarkan' });
  });

  it('backups without our text keep the old rule: a note starting with ours is ours', () => {
    expect(pulihCatatan(`${ours}\n\nSudah.`, null)).toEqual({ aksi: 'hapus' });
  });

  it('a second Periksa replaces our earlier text and keeps what the planner added to it', () => {
    const tercatat = { note: 'Cek ulang.', markNote: ours };
    expect(catatanPengguna(`Cek ulang.\n\n${ours}\n\nSudah.`, tercatat)).toBe('Cek ulang.\n\nSudah.');
    expect(catatanPengguna(catatanTanda('Cek ulang.', ours), tercatat)).toBe('Cek ulang.');
    expect(catatanPengguna(null, tercatat)).toBeNull();
    expect(catatanPengguna('Ditulis ulang.', tercatat)).toBe('Ditulis ulang.');
  });
});
