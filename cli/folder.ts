import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * `periksa FOLDER…`: the folders given are walked for spreadsheet files, in a stable order
 * (path by path, as the bytes compare, so every machine lists them alike). Excel's lock files
 * (`~$Renja.xlsx`) and hidden files are skipped; links to folders are not followed (a link loop
 * cannot make the walk endless). A path that is not a folder is kept as given, so the reader
 * says what is wrong with it.
 *
 * Every spreadsheet file is listed, also those the checker cannot read itself (.xls and .ods go
 * through LibreOffice when it is installed; .xlsb and .numbers get the way to save them as
 * .xlsx): a verifier's folder of old .xls files must give a row per file saying why it was not
 * checked, not a report that is silently shorter. `.txt` is read when named, not walked: a
 * folder's .txt files are notes far more often than Excel's Unicode Text.
 */
const READ = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.csv', '.tsv', '.xls', '.ods', '.xlsb', '.numbers']);

export async function kumpulkanBerkas(args: string[]): Promise<{ files: string[]; emptyFolders: string[] }> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = (await fs.stat(arg)).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      files.push(arg);
      continue;
    }
    const found: string[] = [];
    await walk(arg, found);
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (found.length === 0) emptyFolders.push(arg);
    for (const f of found) files.push(f); // not push(...found): past ~120,000 arguments V8 overflows the stack
  }
  return { files, emptyFolders };
}

async function walk(dir: string, found: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, found);
    else if (READ.has(path.extname(e.name).toLowerCase())) {
      if (e.isFile()) found.push(full);
      else if (e.isSymbolicLink()) {
        try {
          if ((await fs.stat(full)).isFile()) found.push(full);
        } catch {
          // A broken link is not a file to check.
        }
      }
    }
  }
}
