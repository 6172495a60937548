import { LevelName } from '../tata-letak/model';
import { leadingNomor } from './nomor';

/**
 * The level a name announces by its words: "PROGRAM …", "Program …", "Kegiatan …",
 * "Sub Kegiatan …", "Urusan …", "Bidang Urusan …"; names typed in capitals are programs in
 * most Renja and LKjIP tables. Null when the words say nothing.
 */
export function wordLevel(text: string): LevelName | null {
  let t = text.trim();
  if (t === '') return null;
  const lead = leadingNomor(t);
  if (lead !== null) t = lead.rest;
  const lower = t.slice(0, 40).toLowerCase();
  if (/^sub\s*-?\s*kegiatan/.test(lower)) return 'sub-kegiatan';
  if (/^kegiatan\b/.test(lower)) return 'kegiatan';
  if (/^program/.test(lower) && !/^program(a|mer)/.test(lower)) return 'program';
  if (/^bidang\s+urusan|^urusan\s+pemerintahan\s+bidang/.test(lower)) return 'bidang';
  if (/^urusan\b/.test(lower)) return 'urusan';
  if (isUpperCaseName(t)) return 'program';
  return null;
}

/** At least two words, letters only in capitals ("PROGRAM PEMBERDAYAAN SOSIAL"). */
export function isUpperCaseName(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length && i < 80; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 8 && /\s/.test(text.trim());
}
