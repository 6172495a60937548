// Browser/Apps Script bundles. Today it builds the core as one library (dist/core/), which
// proves the core carries no Node built-in; the Excel add-in (issue 4) and the Apps Script
// bundle (issue 5) add their entries here.
const path = require('path');

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  target: ['web', 'es2020'],
  entry: { 'lembar-kinerja-core': './core/index.ts' },
  output: {
    path: path.resolve(__dirname, 'dist/core'),
    filename: '[name].js',
    library: { name: 'LembarKinerja', type: 'umd' },
    globalObject: 'this',
    clean: true,
  },
  resolve: {
    // No fallbacks for Node modules: an accidental `fs` import in core fails the build.
    extensions: ['.ts', '.js'],
  },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: 'tsconfig.build.json', transpileOnly: true } }],
  },
  performance: { hints: false },
  devtool: false,
});
