import { catatanTanda, pulihCatatan } from './catatan';

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
