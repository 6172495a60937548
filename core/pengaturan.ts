import * as z from 'zod/mini';
import { findSkala } from './fungsi/skala';

/**
 * The user's settings, kept inside the document (Excel document settings, Sheets document
 * properties). A document can be edited by anyone and by other tools, so what is read back is
 * untrusted: it is validated here, and anything unusable falls back to the default.
 */
export const PengaturanSchema = z.object({
  /** Scale name used when the workbook has no scale table; null = infer from the labels. */
  skala: z.nullable(z.string()),
});
export type Pengaturan = z.infer<typeof PengaturanSchema>;

export const PENGATURAN_BAWAAN: Pengaturan = { skala: null };

/** The settings from their stored JSON text; never throws. */
export function bacaPengaturan(stored: unknown): Pengaturan {
  let data: unknown = stored;
  if (typeof stored === 'string') {
    try {
      data = JSON.parse(stored);
    } catch {
      return { ...PENGATURAN_BAWAAN };
    }
  }
  const parsed = PengaturanSchema.safeParse(data);
  if (!parsed.success) return { ...PENGATURAN_BAWAAN };
  const skala = parsed.data.skala !== null && findSkala(parsed.data.skala) ? findSkala(parsed.data.skala)!.name : null;
  return { skala };
}

export function tulisPengaturan(p: Pengaturan): string {
  return JSON.stringify(PengaturanSchema.parse(p));
}
