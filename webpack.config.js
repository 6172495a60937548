// Every browser/Apps Script bundle, each from its own part:
//   core       dist/core/       the core alone (test/bundel-inti.ts), built only to prove it has no Node built-in
//   addin      dist/addin/      the Excel add-in (addin/webpack.part.js, issue 4)
//   appsscript dist/appsscript/ the Google Sheets bundle (appsscript/webpack.part.js, issue 5)
// `npm run build:web` builds them all; `--env only=addin` builds one.
const fs = require('fs');
const path = require('path');

function core(_env = {}, argv = {}) {
  return {
    name: 'core',
    mode: argv.mode || 'production',
    target: ['web', 'es2020'],
    entry: { 'lembar-kinerja-core': './test/bundel-inti.ts' },
    output: {
      path: path.resolve(__dirname, 'dist/core'),
      filename: '[name].js',
      library: { name: 'LembarKinerja', type: 'umd' },
      globalObject: 'this',
      clean: true,
    },
    // No fallbacks for Node modules: an accidental `fs` import in core fails the build.
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          // ES modules, so webpack can drop what the core does not use (zod/mini above all).
          options: { configFile: 'tsconfig.build.json', transpileOnly: true, compilerOptions: { module: 'es2020' } },
        },
      ],
    },
    performance: { hints: false },
    devtool: false,
  };
}

const PARTS = { core, addin: './addin/webpack.part.js', appsscript: './appsscript/webpack.part.js' };

module.exports = (env = {}, argv = {}) =>
  Object.entries(PARTS)
    .filter(([name]) => !env.only || env.only === name)
    .map(([, part]) => (typeof part === 'function' ? part : fs.existsSync(path.resolve(__dirname, part)) ? require(part) : null))
    .filter(Boolean)
    .map((part) => part(env, argv));
