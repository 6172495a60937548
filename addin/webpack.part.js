// The Excel add-in, built into dist/addin/:
//   taskpane.html + taskpane.js   the shared runtime: pane (ui/), Excel bridge, ribbon commands, custom functions
//   pekerja.js                    the Web Worker Periksa Tabel computes in (addin/excel/periksa-pekerja.ts)
//   functions.json                custom-functions metadata generated from addin/fungsi.js (Indonesian help)
//   manifest.xml                  manifests/manifest.xml with the base URL of this build
//   assets/*.png                  icons drawn by manifests/ikon.js
//   bantuan.html                  the help page the manifest links to
// Base URL: `--env baseUrl=https://host/path` or LK_BASE_URL; default https://localhost:3000 (dev).
// `webpack serve --env only=addin --mode development` serves it over https with the
// office-addin-dev-certs certificate (`npx office-addin-dev-certs install` once).
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { semuaIkon } = require('../manifests/ikon.js');

const ROOT = path.resolve(__dirname, '..');
const DEV_BASE = 'https://localhost:3000';

function baseUrl(env) {
  const url = String(env.baseUrl || process.env.LK_BASE_URL || DEV_BASE).replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"<>]+$/.test(url)) throw new Error(`Base URL must be https: ${url}`);
  return url;
}

/** The manifest for a base URL: every dev URL replaced; XML-escaped since it lands in attributes. */
function manifestFor(base) {
  const xml = fs.readFileSync(path.join(ROOT, 'manifests/manifest.xml'), 'utf8');
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return xml.split(DEV_BASE).join(escaped);
}

/** Emits the manifest, icons and help page as build assets. */
class AddinAssets {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AddinAssets', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'AddinAssets', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { RawSource } = webpack.sources;
        compilation.emitAsset('manifest.xml', new RawSource(manifestFor(this.base)));
        for (const [file, bytes] of Object.entries(semuaIkon())) compilation.emitAsset(file, new RawSource(bytes));
        compilation.emitAsset('bantuan.html', new RawSource(fs.readFileSync(path.join(__dirname, 'bantuan.html'))));
      });
      compilation.fileDependencies.add(path.join(ROOT, 'manifests/manifest.xml'));
    });
  }
}

/**
 * functions.json as the generator writes it, plus `allowErrorForDataTypeAny`: without it an
 * error cell inside a range argument (`=SAKIP.CAPAIAN(F5:F40;G5:G40)` with one #N/A) turns the
 * whole spill into one error before our code runs; with it the error reaches the function and
 * only that row's result is an error, as in Sheets and the LAMBDA names. The JSDoc generator has
 * no tag for it ("Manually create JSON metadata for custom functions", Microsoft Learn).
 */
class IzinkanGalatMasukan {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('IzinkanGalatMasukan', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'IzinkanGalatMasukan', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          const asset = assets['functions.json'];
          if (!asset) return;
          const meta = JSON.parse(asset.source().toString());
          compilation.updateAsset(
            'functions.json',
            new webpack.sources.RawSource(JSON.stringify({ allowErrorForDataTypeAny: true, ...meta }, null, 4)),
          );
        },
      );
    });
  }
}

function devServer() {
  const certs = require('office-addin-dev-certs/lib/defaults');
  if (!fs.existsSync(certs.localhostCertificatePath)) {
    throw new Error('No development certificate: run `npx office-addin-dev-certs install` once, then `npm run dev` again.');
  }
  return {
    port: 3000,
    headers: { 'Access-Control-Allow-Origin': '*' },
    server: {
      type: 'https',
      options: {
        key: fs.readFileSync(certs.localhostKeyPath),
        cert: fs.readFileSync(certs.localhostCertificatePath),
        ca: fs.readFileSync(certs.caCertificatePath),
      },
    },
    static: false,
    client: false,
    hot: false,
    liveReload: false,
  };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const base = baseUrl(env);
  const serving = process.argv.includes('serve');
  return {
    name: 'addin',
    mode,
    target: ['web', 'es2020'],
    context: ROOT,
    entry: { taskpane: ['./addin/fungsi.js', './addin/taskpane.ts'], pekerja: './addin/excel/periksa-pekerja.ts' },
    output: { path: path.join(ROOT, 'dist/addin'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: { configFile: 'tsconfig.hosts.json', transpileOnly: true, compilerOptions: { noEmit: false, module: 'es2020' } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: './addin/fungsi.js', output: 'functions.json' }),
      new IzinkanGalatMasukan(),
      new HtmlWebpackPlugin({
        template: './addin/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new AddinAssets(base),
    ],
    performance: { hints: false },
    devtool: mode === 'development' ? 'source-map' : false,
    ...(serving ? { devServer: devServer() } : {}),
  };
};

module.exports.manifestFor = manifestFor;
