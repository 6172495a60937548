/// <reference types="office-js" />
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type { FakeState } from './excel-panel';

/**
 * The fake Excel host (excel-fake-office.js) in a Node vm, with Microsoft's own Excel client
 * (@microsoft/office-js, excel-web-16.00.js, the one Excel on the web loads) beside it: every
 * call the add-in makes is mirrored on a real Excel.RequestContext, so each sync's request is
 * measured in the bytes Office.js itself would send. Test-only: the package is never bundled.
 */

const ROOT = path.resolve(__dirname, '..', '..').replace(/[\\/]dist[\\/]node$/, '');
const FAKE = path.join(ROOT, 'test', 'browser', 'excel-fake-office.js');
const CLIENT = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist', 'excel-web-16.00.js');

export interface ExcelVm {
  Excel: { run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T> };
  __excel: {
    state: FakeState;
    syncs: number;
    /** Bytes of each sync's request (real serialiser) and response (JSON of what loads returned). */
    requests: number[];
    responses: number[];
    mergedPerCall: number[];
    log: string[];
  };
}

let client: vm.Script | undefined;
let fake: vm.Script | undefined;

/** A fresh host holding `state`; `nyata` false leaves out the real client (faster, no request bytes). */
export function excelDiVm(state: FakeState, nyata = true): ExcelVm {
  const sandbox: Record<string, unknown> = {
    setTimeout,
    clearTimeout,
    console,
    navigator: { userAgent: 'node' },
    document: {},
    location: { href: 'https://lembar-kinerja.test/' },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  let real: unknown;
  if (nyata) {
    client ??= new vm.Script(fs.readFileSync(CLIENT, 'utf8'), { filename: 'excel-web-16.00.js' });
    client.runInContext(sandbox);
    real = sandbox.Excel;
  }
  sandbox.__excel = { state, real };
  fake ??= new vm.Script(fs.readFileSync(FAKE, 'utf8'), { filename: 'excel-fake-office.js' });
  fake.runInContext(sandbox);
  return sandbox as unknown as ExcelVm;
}

/** The largest request or response of all syncs so far, in MB (10^6 bytes). */
export function terbesarMb(host: ExcelVm): number {
  return Math.max(0, ...host.__excel.requests, ...host.__excel.responses) / 1e6;
}
