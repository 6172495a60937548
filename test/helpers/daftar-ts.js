/**
 * `node -r test/helpers/daftar-ts.js file.ts`: lets a child process (or a worker thread) of a
 * test load the TypeScript sources directly, each file transpiled on its own (the project
 * compiles with isolatedModules), so a test can run CLI code under a time and memory limit
 * without building dist/ first. With LK_TS_CACHE set, transpiled files are kept in that folder,
 * so the second child starts without loading the compiler.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

let ts = null;
const cacheDir = process.env.LK_TS_CACHE;

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  let cached = null;
  if (cacheDir) {
    const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
    cached = path.join(cacheDir, `${key}.js`);
    if (fs.existsSync(cached)) return module._compile(fs.readFileSync(cached, 'utf8'), filename);
  }
  ts ??= require('typescript');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, isolatedModules: true },
  });
  if (cached) {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(cached, out.outputText);
  }
  module._compile(out.outputText, filename);
};
