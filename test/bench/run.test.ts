import { main, selectMetrics } from './run';
import { median } from './ukur';

describe('bench runner', () => {
  test('the fungsi metrics are registered, and a filter picks by name', () => {
    expect(selectMetrics([]).map((m) => m.name)).toEqual(
      expect.arrayContaining(['capaian-100k-ms', 'capaian-over-float', 'parse-200k-ms']),
    );
    expect(selectMetrics(['parse-200k']).map((m) => m.name)).toEqual(['parse-200k-ms']);
    expect(selectMetrics(['tidak-ada'])).toEqual([]);
  });

  test('prints one JSON object per metric line, nothing else', async () => {
    const lines: string[] = [];
    expect(await main(['capaian-100k-ms'], (l) => lines.push(l))).toBe(0);
    expect(lines).toHaveLength(1);
    const m = JSON.parse(lines[0]);
    expect(Object.keys(m)).toEqual(['metric', 'value', 'unit']);
    expect(m.metric).toBe('capaian-100k-ms');
    expect(m.unit).toBe('ms');
    expect(m.value).toBeGreaterThan(0);
  });

  test('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
