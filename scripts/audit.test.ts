import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * scripts/audit.mjs reads `npm audit --json`; a fake `npm` first on PATH gives it the answers a
 * registry can give, since the real audit endpoint is refused here.
 */

const SCRIPT = path.join(__dirname, 'audit.mjs');

function auditWith(answer: unknown) {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-audit-'));
  fs.writeFileSync(path.join(bin, 'answer.json'), JSON.stringify(answer));
  fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\ncat "${path.join(bin, 'answer.json')}"\nexit 1\n`, { mode: 0o755 });
  const r = spawnSync(process.execPath, [SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
  });
  fs.rmSync(bin, { recursive: true, force: true });
  return r;
}

const report = (high: number, moderate: number) => ({
  vulnerabilities: high ? { unzipper: { severity: 'high', range: '<0.12.3' } } : {},
  metadata: { vulnerabilities: { info: 0, low: 0, moderate, high, critical: 0, total: high + moderate } },
});

test('a high advisory in what users install fails the run and is named', () => {
  const r = auditWith(report(1, 0));
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('high 1');
  expect(r.stdout).toMatch(/high\s+unzipper <0\.12\.3/);
});

test('moderate and low advisories are listed but do not fail the run', () => {
  const r = auditWith(report(0, 2));
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('critical 0, high 0, moderate 2');
});

test('a registry that refuses the audit is reported as not checked, never as clean', () => {
  const r = auditWith({
    message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    statusCode: 405,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('NOT CHECKED');
  expect(r.stdout).toContain('405 Method Not Allowed');
  expect(r.stdout).not.toMatch(/high 0/);
});
