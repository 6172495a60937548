#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('Lembar Kinerja belum dibangun. Jalankan "npm install" atau "npm run build" lebih dulu.\n');
  process.exit(2);
}
require(main).jalankanProses(process.argv.slice(2));
