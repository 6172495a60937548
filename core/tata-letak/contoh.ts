/**
 * At most `size` items spread evenly over the whole list, first and last included, in order.
 * What a table is learned from must see all of it: a Renja whose first 2,000 rows are a block
 * of another kind (programs not yet realised, a section without percents) is still understood
 * from the rows after, while a 50,000-row table is still read only `size` rows deep.
 */
export function spreadSample<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return items.slice();
  if (size <= 1) return items.slice(0, size);
  const out: T[] = [];
  const step = (items.length - 1) / (size - 1);
  for (let i = 0; i < size; i++) out.push(items[Math.round(i * step)]);
  return out;
}
