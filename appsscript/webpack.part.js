// The Google Sheets bundle (issue 5), built into dist/appsscript/ for clasp:
//   Code.js          the server: custom functions, menu, Periksa/Hapus Tanda, Pohon Kinerja
//   sidebar.html     the shared UI with its Sheets bridge, ONE file (HtmlService serves files, not folders)
//   appsscript.json  the manifest (manifests/appsscript.json)
const fs = require('fs');
const path = require('path');
const Module = require('module');
const webpack = require('webpack');
const GasPlugin = require('gas-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

const ROOT = path.resolve(__dirname, '..');
const SERVER = 'Code';
const SIDEBAR = 'sidebar';
/** The global the generated custom functions call into; the trailing _ hides it from google.script.run. */
const LIBRARY = 'LembarKinerja_';

/**
 * The registry is TypeScript; webpack's config is not. Under jest the require goes through
 * ts-jest; under the webpack CLI a minimal transpile-only hook does the same.
 */
function requireTs(file) {
  if (!Module._extensions['.ts']) {
    const ts = require('typescript');
    Module._extensions['.ts'] = (module, filename) => {
      const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      });
      module._compile(out.outputText, filename);
    };
  }
  return require(file);
}

/**
 * clasp pushes only scripts and HTML: the licence comments the minifier extracted to a
 * .LICENSE.txt file go back where its banner points to them.
 */
function withLicence(compilation, file, code) {
  const licence = compilation.getAsset(`${file}.LICENSE.txt`);
  if (!licence) return code;
  compilation.deleteAsset(licence.name);
  return code.replace(/\/\*! For license information please see [^*]*\*\/\n?/, `${licence.source.source()}\n`);
}

/**
 * Sheets reads a custom function's help from the JSDoc of a top-level function declaration in
 * the pushed source. The blocks are generated from the core registry and added after
 * minification, so the minifier can neither drop the comments nor rename the parameters.
 */
class CustomFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CustomFunctionsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CustomFunctionsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING },
        () => {
          const { sheetsCustomFunctionsSource } = requireTs(path.join(ROOT, 'core/fungsi/dokumentasi.ts'));
          const generated = sheetsCustomFunctionsSource((f, params) => `return ${LIBRARY}.${f.name}(${params.join(', ')});`);
          const file = `${SERVER}.js`;
          const asset = compilation.getAsset(file);
          if (!asset) return;
          const code = withLicence(compilation, file, String(asset.source.source()));
          compilation.updateAsset(file, new webpack.sources.RawSource(`${generated}\n${code}`));
        },
      );
    });
  }
}

/**
 * HtmlService serves one file per page, so the sidebar's script goes inside the HTML. No
 * installed plugin does it for html-webpack-plugin 5; this moves each script's (already
 * minified) text into its tag and drops the separate .js file.
 */
class InlineScriptPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineScriptPlugin', (compilation) => {
      const inlined = new Set();
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineScriptPlugin', (data) => {
        const inline = (tag) => {
          const src = tag.tagName === 'script' && tag.attributes && tag.attributes.src;
          const asset = src && compilation.getAsset(src.replace(/^\/?/, ''));
          if (!asset) return tag;
          inlined.add(asset.name);
          // `</script` inside a string would end the tag early.
          const code = withLicence(compilation, asset.name, String(asset.source.source())).replace(/<\/(script)/gi, '<\\/$1');
          return { tagName: 'script', voidTag: false, meta: tag.meta, attributes: {}, innerHTML: code };
        };
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
      compilation.hooks.processAssets.tap(
        { name: 'InlineScriptPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => inlined.forEach((name) => compilation.deleteAsset(name)),
      );
    });
  }
}

module.exports = (_env = {}, argv = {}) => ({
  name: 'appsscript',
  mode: argv.mode || 'production',
  context: ROOT,
  // Apps Script's V8 and the sidebar's browser both run ES2020; no module syntax in the output.
  target: ['web', 'es2020'],
  entry: {
    [SERVER]: './appsscript/server/index.ts',
    [SIDEBAR]: './appsscript/klien/sidebar.ts',
  },
  output: {
    path: path.resolve(ROOT, 'dist/appsscript'),
    filename: '[name].js',
    iife: true,
    module: false,
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        options: { configFile: 'tsconfig.build.json', transpileOnly: true, compilerOptions: { module: 'es2020' } },
      },
    ],
  },
  optimization: {
    // Sheets evaluates the whole script on every custom-function call: no shared chunks to load.
    splitChunks: false,
    runtimeChunk: false,
  },
  plugins: [
    // Only the server entry's `global.x = …` assignments become top-level declarations.
    new GasPlugin({ comment: false, include: ['appsscript/server/**'] }),
    new CustomFunctionsPlugin(),
    new HtmlWebpackPlugin({
      template: './appsscript/klien/sidebar.html',
      filename: `${SIDEBAR}.html`,
      chunks: [SIDEBAR],
      inject: 'body',
      scriptLoading: 'blocking',
      minify: false,
    }),
    new InlineScriptPlugin(),
    new CopyPlugin({ patterns: [{ from: 'manifests/appsscript.json', to: 'appsscript.json' }] }),
  ],
  performance: { hints: false },
  devtool: false,
});
