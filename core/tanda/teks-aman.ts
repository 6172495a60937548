import { Dec } from '../angka/desimal';
import { formatNumber } from '../angka/format';

/**
 * Text we write into the "Temuan" sheet or a note comes partly from the user's cells. Cells we
 * write are inline strings, never formulas, so Excel cannot run them; but a user may export the
 * sheet to CSV and open it again, where a leading `=`, `+`, `-`, `@`, tab or carriage return
 * starts a formula (OWASP "CSV injection"). Such text gets a leading apostrophe `'` (U+0027),
 * the prefix OWASP recommends and the one Excel users know as "this is text". The full-width
 * forms of those signs get it too. A plain number (`-5`, `-1.270,5`) and a lone `-` cannot run
 * and are left as they are.
 */
const STARTS_FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[-+]?\d[\d.,]*%?$/;

export function neutralise(text: string): string {
  if (text === '-' || PLAIN_NUMBER.test(text)) return text;
  return STARTS_FORMULA.test(text) ? `'${text}` : text;
}

const CANONICAL_DECIMAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/**
 * A finding's `actual`/`expected` as a planner reads it: the checker writes numbers as plain
 * decimals ("175000000", "92.5"); those are shown in id-ID form (175.000.000; 92,5). Anything
 * else (text, "1.270" as typed) is shown as it is.
 */
export function shownValue(value: string | null): string {
  if (value === null) return '';
  if (CANONICAL_DECIMAL.test(value)) return formatNumber(new Dec(value));
  return neutralise(value);
}
