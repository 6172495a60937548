import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import webpack from 'webpack';

/**
 * The core must run where there is no Node: in the Excel task pane, the Sheets sidebar and
 * Apps Script. Build it with webpack for the web (no Node fallbacks, so an `fs` import fails
 * the build) and run the bundle in a bare context that has no `require`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../webpack.config.js')({ only: 'core' }, { mode: 'production' })[0];

test('the core bundles for the web and checks a table in a context without Node', async () => {
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
  const code = fs.readFileSync(path.join(config.output.path, 'lembar-kinerja-core.js'), 'utf8');
  expect(code).not.toMatch(/require\(["'](fs|path|child_process|os)["']\)/);

  const sandbox: Record<string, unknown> = {};
  vm.runInNewContext(code, sandbox);
  const core = sandbox.LembarKinerja as typeof import('./bundel-inti');
  const result = core.periksaWorkbook({
    name: 'uji',
    sheets: [
      {
        name: 'Anggaran',
        typed: true,
        values: [
          ['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian'],
          ['1.', 'PROGRAM PENANGANAN BENCANA', 75_000_000, 70_000_000, 93.33],
          ['1.1', 'Perlindungan Sosial Korban Bencana', 100_000_000, 45_000_000, 45],
          ['1.2', 'Kesiapsiagaan Bencana', 75_000_000, 25_000_000, 33.33],
        ],
      },
    ],
  });
  const sum = result.findings.find((f) => f.rule === 'jumlah-induk');
  expect(sum?.cell).toBe('C2');
  expect(sum?.message).toContain('175.000.000');
}, 120_000);
