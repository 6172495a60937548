import { LevelName } from '../tabel/model';
import { leadingNomor } from './nomor';

const LEAD_WORD =
  /^(?:(sub\s*-?\s*kegiatan)|(kegiatan)\b|(program)(?!a|mer)|(bidang\s+urusan|urusan\s+pemerintahan\s+bidang)|(urusan)\b)/i;
const LEAD_LEVELS: LevelName[] = ['sub-kegiatan', 'kegiatan', 'program', 'bidang', 'urusan'];

/**
 * The level a name announces by its words: "PROGRAM …", "Program …", "Kegiatan …",
 * "Sub Kegiatan …", "Urusan …", "Bidang Urusan …"; names typed in capitals are programs in
 * most Renja and LKjIP tables. Null when the words say nothing.
 */
export function wordLevel(text: string): LevelName | null {
  let t = text.trim();
  if (t === '') return null;
  const c = t.charCodeAt(0);
  // Only a name that starts with a digit or a roman numeral can carry its own numbering.
  if ((c >= 48 && c <= 57) || 'IVXivx'.includes(t[0])) {
    const lead = leadingNomor(t);
    if (lead !== null) t = lead.rest;
  }
  if ('sSkKpPbBuU'.includes(t[0])) {
    const m = LEAD_WORD.exec(t);
    if (m) {
      for (let i = 1; i <= LEAD_LEVELS.length; i++) if (m[i] !== undefined) return LEAD_LEVELS[i - 1];
    }
  }
  return isUpperCaseName(t) ? 'program' : null;
}

/** At least two words, letters only in capitals ("PROGRAM PEMBERDAYAAN SOSIAL"). */
export function isUpperCaseName(text: string): boolean {
  let letters = 0;
  let space = false;
  for (let i = 0; i < text.length && i < 80; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
    else if (c === 32 && letters > 0) space = true;
  }
  return letters >= 8 && space;
}
