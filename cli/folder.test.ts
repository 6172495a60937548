import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { kumpulkanBerkas } from './folder';

describe('kumpulkanBerkas', () => {
  // A province's archive of several years can hold this many files. `files.push(...found)`
  // passed each path as an argument and overflowed the stack at about 120,000.
  it('lists a folder of 150,000 files, in order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-folder-'));
    try {
      const n = 150_000;
      for (let i = 0; i < n; i++) fs.closeSync(fs.openSync(path.join(dir, `r${String(i).padStart(6, '0')}.csv`), 'w'));
      const { files, emptyFolders } = await kumpulkanBerkas([dir]);
      expect(files).toHaveLength(n);
      expect(emptyFolders).toEqual([]);
      expect(path.basename(files[0])).toBe('r000000.csv');
      expect(path.basename(files[n - 1])).toBe('r149999.csv');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
