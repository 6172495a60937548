/*
 * A fake Excel host for browser tests: served in place of office.js, it implements the subset of
 * Office.js the add-in uses, with Office.js's batching rules, so that a test sees what real
 * Excel would make of the add-in's calls:
 *  - calls on proxy objects are queued and run in order only at context.sync();
 *  - a property can be read only after load() and a sync (else it throws, as Office.js does);
 *  - *OrNullObject methods give objects whose isNullObject is known after a sync;
 *  - every context.sync() is counted (window.__excel.syncs).
 * The workbook lives in window.__excel.state, set by the test before the page loads:
 *   { sheets: [{ name, visibility?, cells: { A1: { v, f?, nf?, bold?, fill? } }, notes: { A1: text }, merges: [] }],
 *     active: 0, selection: 'A1', settings: {}, names: {}, lambda: true, notesApi: true }
 */
(function () {
  'use strict';
  const host = (window.__excel = window.__excel || {});
  host.syncs = 0;
  host.runs = 0;
  host.log = [];
  const S = () => host.state;

  // ---- addresses -----------------------------------------------------------------------------
  function colLetters(c) {
    let s = '';
    let n = c + 1;
    while (n > 0) {
      const m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function a1(r, c) {
    return colLetters(c) + (r + 1);
  }
  function parseCellRef(ref) {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
    if (!m) return null;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { r: Number(m[2]) - 1, c: col - 1 };
  }
  function parseRef(ref) {
    const bang = ref.lastIndexOf('!');
    if (bang >= 0) ref = ref.slice(bang + 1);
    const [a, b = a] = ref.split(':');
    if (/^\d+$/.test(a) && /^\d+$/.test(b)) return { top: +a - 1, left: 0, bottom: +b - 1, right: 16383 };
    if (/^[A-Z]+$/i.test(a) && /^[A-Z]+$/i.test(b)) {
      const p = parseCellRef(a + '1');
      const q = parseCellRef(b + '1');
      return { top: 0, left: p.c, bottom: 1048575, right: q.c };
    }
    const p = parseCellRef(a);
    const q = parseCellRef(b);
    if (!p || !q) throw new OfficeError('InvalidArgument', 'Alamat tidak sah: ' + ref);
    return { top: Math.min(p.r, q.r), left: Math.min(p.c, q.c), bottom: Math.max(p.r, q.r), right: Math.max(p.c, q.c) };
  }
  function quote(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function areaText(a) {
    const one = a1(a.top, a.left);
    return a.top === a.bottom && a.left === a.right ? one : one + ':' + a1(a.bottom, a.right);
  }

  class OfficeError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
      this.name = 'RichApi.Error';
    }
  }

  // ---- the workbook model ------------------------------------------------------------------
  function sheetByName(name) {
    return S().sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase()) || null;
  }
  function cellOf(sheet, r, c, create) {
    const k = a1(r, c);
    let cell = sheet.cells[k];
    if (!cell && create) cell = sheet.cells[k] = { v: '' };
    return cell || null;
  }
  function usedArea(sheet, valuesOnly) {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [k, cell] of Object.entries(sheet.cells)) {
      const hasValue = (cell.v !== '' && cell.v !== null && cell.v !== undefined) || cell.f;
      if (!hasValue && (valuesOnly || !(cell.fill || cell.nf || cell.bold))) continue;
      const p = parseCellRef(k);
      top = Math.min(top, p.r); left = Math.min(left, p.c); bottom = Math.max(bottom, p.r); right = Math.max(right, p.c);
    }
    if (bottom < 0) return { top: 0, left: 0, bottom: 0, right: 0 };
    return { top, left, bottom, right };
  }

  // ---- batching ----------------------------------------------------------------------------
  class Context {
    constructor() {
      this.queue = [];
      this.workbook = new Workbook(this);
    }
    enqueue(fn) {
      this.queue.push(fn);
    }
    async sync() {
      host.syncs++;
      const q = this.queue;
      this.queue = [];
      for (const op of q) op();
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** A proxy: `resolve()` finds its target in the model when the queue runs. */
  class Proxy {
    constructor(ctx, resolve, nullable) {
      this._ctx = ctx;
      this._resolve = resolve;
      this._nullable = !!nullable;
      this._loaded = {};
      this._null = undefined;
    }
    target() {
      const t = this._resolve();
      if (t === null && !this._nullable) throw new OfficeError('ItemNotFound', 'Objek tidak ditemukan.');
      return t;
    }
    load(props) {
      const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : Array.isArray(props) ? props : [];
      this._ctx.enqueue(() => {
        const t = this.target();
        this._null = t === null;
        if (t !== null) for (const p of list) this._loaded[p] = this.read(t, p);
      });
      return this;
    }
    get isNullObject() {
      if (this._null === undefined) throw new OfficeError('PropertyNotLoaded', 'isNullObject dibaca sebelum sync.');
      return this._null;
    }
    got(p) {
      if (!(p in this._loaded)) throw new OfficeError('PropertyNotLoaded', `The property '${p}' is not available. Call load() and sync() first.`);
      return this._loaded[p];
    }
    op(fn) {
      this._ctx.enqueue(() => {
        const t = this.target();
        if (t === null) throw new OfficeError('InvalidObjectPath', 'Operasi pada objek null.');
        fn(t);
      });
    }
  }

  class Workbook {
    constructor(ctx) {
      this._ctx = ctx;
      this.worksheets = new Worksheets(ctx);
      this.settings = new Settings(ctx);
      this.names = new Names(ctx);
    }
    getSelectedRange() {
      return new Range(this._ctx, () => {
        const st = S();
        return { sheet: st.sheets[st.active], area: parseRef(st.selection) };
      });
    }
  }

  class Worksheets extends Proxy {
    constructor(ctx) {
      super(ctx, () => S().sheets);
    }
    read(sheets, p) {
      if (p === 'items/name' || p === 'items') return sheets.map((s) => s.name);
      throw new OfficeError('InvalidArgument', 'Tidak didukung: ' + p);
    }
    get items() {
      const names = this.got('items/name');
      return names.map((n) => {
        const w = new Worksheet(this._ctx, () => sheetByName(n));
        w._loaded.name = n;
        return w;
      });
    }
    getActiveWorksheet() {
      return new Worksheet(this._ctx, () => S().sheets[S().active]);
    }
    getItem(name) {
      return new Worksheet(this._ctx, () => sheetByName(name));
    }
    getItemOrNullObject(name) {
      return new Worksheet(this._ctx, () => sheetByName(name), true);
    }
    add(name) {
      this._ctx.enqueue(() => {
        if (sheetByName(name)) throw new OfficeError('ItemAlreadyExists', 'Lembar sudah ada: ' + name);
        S().sheets.push({ name, cells: {}, notes: {}, merges: [], layout: {} });
      });
      return new Worksheet(this._ctx, () => sheetByName(name));
    }
  }

  class Worksheet extends Proxy {
    constructor(ctx, resolve, nullable) {
      super(ctx, resolve, nullable);
      this.notes = new Notes(ctx, () => this.target());
      const self = this;
      this.pageLayout = new Proxy(ctx, () => self.target());
      this.pageLayout.setPrintTitleRows = (rows) => self.op((s) => (s.layout.printTitleRows = rows));
      for (const k of ['orientation', 'zoom', 'paperSize']) {
        Object.defineProperty(this.pageLayout, k, { set: (v) => self.op((s) => (s.layout[k] = v)) });
      }
      this.freezePanes = {
        freezeAt: (r) => self.op((s) => (s.layout.freeze = r._address())),
        freezeRows: (n) => self.op((s) => (s.layout.freeze = 'rows:' + n)),
        freezeColumns: (n) => self.op((s) => (s.layout.freeze = 'cols:' + n)),
      };
    }
    read(s, p) {
      if (p === 'name') return s.name;
      throw new OfficeError('InvalidArgument', 'Tidak didukung: ' + p);
    }
    get name() {
      return this.got('name');
    }
    set visibility(v) {
      this.op((s) => (s.visibility = v));
    }
    set showGridlines(v) {
      this.op((s) => (s.layout.gridlines = v));
    }
    getUsedRange(valuesOnly) {
      return new Range(this._ctx, () => {
        const s = this.target();
        return { sheet: s, area: usedArea(s, valuesOnly) };
      });
    }
    getRange(ref) {
      return new Range(this._ctx, () => ({ sheet: this.target(), area: parseRef(ref) }));
    }
    getCell(r, c) {
      return new Range(this._ctx, () => ({ sheet: this.target(), area: { top: r, left: c, bottom: r, right: c } }));
    }
    getRangeByIndexes(r, c, h, w) {
      return new Range(this._ctx, () => ({ sheet: this.target(), area: { top: r, left: c, bottom: r + h - 1, right: c + w - 1 } }));
    }
    activate() {
      this.op((s) => (S().active = S().sheets.indexOf(s)));
    }
    delete() {
      this.op((s) => S().sheets.splice(S().sheets.indexOf(s), 1));
    }
  }

  function eachCell(t, fn) {
    const out = [];
    for (let r = t.area.top; r <= t.area.bottom; r++) {
      const row = [];
      for (let c = t.area.left; c <= t.area.right; c++) row.push(fn(r, c));
      out.push(row);
    }
    return out;
  }

  class Range extends Proxy {
    constructor(ctx, resolve, nullable) {
      super(ctx, resolve, nullable);
      const self = this;
      const fill = {
        clear: () => self.op((t) => eachCell(t, (r, c) => { const cell = cellOf(t.sheet, r, c, false); if (cell) delete cell.fill; })),
      };
      Object.defineProperty(fill, 'color', {
        set: (v) => self.op((t) => eachCell(t, (r, c) => (cellOf(t.sheet, r, c, true).fill = String(v).toUpperCase()))),
      });
      const font = {};
      for (const k of ['bold', 'italic', 'size', 'color']) {
        Object.defineProperty(font, k, { set: (v) => self.op((t) => eachCell(t, (r, c) => ((cellOf(t.sheet, r, c, true).font ||= {})[k] = v))) });
      }
      const format = { fill, font, borders: { getItem: (edge) => {
        const b = {};
        for (const k of ['style', 'weight', 'color']) {
          Object.defineProperty(b, k, { set: (v) => self.op((t) => eachCell(t, (r, c) => (((cellOf(t.sheet, r, c, true).borders ||= {})[edge] ||= {})[k] = v))) });
        }
        return b;
      } } };
      for (const k of ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth', 'rowHeight']) {
        Object.defineProperty(format, k, { set: (v) => self.op((t) => ((t.sheet.layout ||= {})[k + ':' + self._address()] = v)) });
      }
      this.format = format;
    }
    _address() {
      const t = this.target();
      return areaText(t.area);
    }
    read(t, p) {
      switch (p) {
        case 'address':
          return quote(t.sheet.name) + '!' + areaText(t.area);
        case 'cellCount':
          return (t.area.bottom - t.area.top + 1) * (t.area.right - t.area.left + 1);
        case 'values':
          return eachCell(t, (r, c) => { const cell = cellOf(t.sheet, r, c, false); return cell && cell.v !== undefined && cell.v !== null ? cell.v : ''; });
        case 'formulas':
          return eachCell(t, (r, c) => { const cell = cellOf(t.sheet, r, c, false); return cell ? cell.f || (cell.v ?? '') : ''; });
        case 'numberFormat':
          return eachCell(t, (r, c) => { const cell = cellOf(t.sheet, r, c, false); return (cell && cell.nf) || 'General'; });
        default:
          throw new OfficeError('InvalidArgument', 'Tidak didukung: ' + p);
      }
    }
    get address() { return this.got('address'); }
    get cellCount() { return this.got('cellCount'); }
    get values() { return this.got('values'); }
    get formulas() { return this.got('formulas'); }
    get numberFormat() { return this.got('numberFormat'); }
    set values(v) {
      this.op((t) => eachCell(t, (r, c) => {
        const x = v[r - t.area.top][c - t.area.left];
        const cell = cellOf(t.sheet, r, c, true);
        if (typeof x === 'string' && x.startsWith("'")) { delete cell.f; cell.v = x.slice(1); }
        else if (typeof x === 'string' && x.startsWith('=')) { cell.f = x; cell.v = '#FORMULA'; }
        else { delete cell.f; cell.v = x; }
      }));
    }
    set formulas(v) {
      // As in Excel: "=…" becomes a formula (its value known only after Excel computes it),
      // anything else a plain value.
      this.op((t) => eachCell(t, (r, c) => {
        const x = v[r - t.area.top][c - t.area.left];
        const cell = cellOf(t.sheet, r, c, true);
        if (typeof x === 'string' && x.startsWith('=')) { cell.f = x; cell.v = '#FORMULA'; }
        else { delete cell.f; cell.v = x; }
      }));
    }
    set numberFormat(v) {
      this.op((t) => eachCell(t, (r, c) => (cellOf(t.sheet, r, c, true).nf = v[r - t.area.top][c - t.area.left])));
    }
    getCellProperties(spec) {
      const result = { _v: undefined };
      Object.defineProperty(result, 'value', { get: () => { if (result._v === undefined) throw new OfficeError('PropertyNotLoaded', 'ClientResult dibaca sebelum sync.'); return result._v; } });
      this._ctx.enqueue(() => {
        const t = this.target();
        result._v = eachCell(t, (r, c) => {
          const cell = cellOf(t.sheet, r, c, false) || {};
          const out = { format: {} };
          if (spec.format && spec.format.fill) out.format.fill = { color: cell.fill || '#FFFFFF', pattern: cell.fill ? 'Solid' : 'None' };
          if (spec.format && spec.format.font) out.format.font = { bold: !!cell.bold };
          return out;
        });
      });
      return result;
    }
    getMergedAreasOrNullObject() {
      const self = this;
      const p = new Proxy(this._ctx, () => {
        const t = self.target();
        const inside = (t.sheet.merges || []).map(parseRef).filter((m) => m.top >= t.area.top && m.bottom <= t.area.bottom && m.left >= t.area.left && m.right <= t.area.right);
        return inside.length === 0 ? null : inside.map((m) => quote(t.sheet.name) + '!' + areaText(m)).join(', ');
      }, true);
      p.read = (v, prop) => { if (prop === 'address') return v; throw new OfficeError('InvalidArgument', prop); };
      Object.defineProperty(p, 'address', { get: () => p.got('address') });
      return p;
    }
    select() {
      this.op((t) => { S().active = S().sheets.indexOf(t.sheet); S().selection = areaText(t.area); });
    }
    merge() {
      this.op((t) => (t.sheet.merges = (t.sheet.merges || []).concat(areaText(t.area))));
    }
  }

  class Notes {
    constructor(ctx, sheet) {
      this._ctx = ctx;
      this._sheet = sheet;
    }
    _check() {
      if (!S().notesApi) throw new OfficeError('ApiNotFound', 'Notes API tidak ada pada Excel ini.');
    }
    getItemOrNullObject(ref) {
      this._check();
      const key = areaText(parseRef(ref));
      const n = new Proxy(this._ctx, () => {
        const s = this._sheet();
        return key in s.notes ? { s, key } : null;
      }, true);
      n.read = (t, p) => { if (p === 'content') return t.s.notes[t.key]; throw new OfficeError('InvalidArgument', p); };
      Object.defineProperty(n, 'content', {
        get: () => n.got('content'),
        set: (v) => n.op((t) => (t.s.notes[t.key] = String(v))),
      });
      n.delete = () => n.op((t) => delete t.s.notes[t.key]);
      return n;
    }
    add(ref, content) {
      this._check();
      const key = areaText(parseRef(ref));
      this._ctx.enqueue(() => {
        const s = this._sheet();
        if (key in s.notes) throw new OfficeError('InvalidArgument', 'Sel sudah punya catatan: ' + key);
        s.notes[key] = String(content);
      });
    }
  }

  class Settings {
    constructor(ctx) {
      this._ctx = ctx;
    }
    getItemOrNullObject(key) {
      const p = new Proxy(this._ctx, () => (key in S().settings ? { key } : null), true);
      p.read = (t, prop) => { if (prop === 'value') return S().settings[t.key]; throw new OfficeError('InvalidArgument', prop); };
      Object.defineProperty(p, 'value', { get: () => p.got('value') });
      p.delete = () => p.op((t) => delete S().settings[t.key]);
      return p;
    }
    add(key, value) {
      this._ctx.enqueue(() => (S().settings[key] = JSON.parse(JSON.stringify(value))));
    }
  }

  class Names {
    constructor(ctx) {
      this._ctx = ctx;
    }
    _item(name, nullable) {
      const p = new Proxy(this._ctx, () => (name in S().names ? { name } : null), nullable);
      p.read = (t, prop) => {
        const n = S().names[t.name];
        if (prop === 'name') return t.name;
        if (prop === 'formula') return n.formula;
        if (prop === 'value') return n.value;
        throw new OfficeError('InvalidArgument', prop);
      };
      Object.defineProperty(p, 'value', { get: () => p.got('value') });
      Object.defineProperty(p, 'formula', { get: () => p.got('formula'), set: (v) => p.op((t) => (S().names[t.name] = evalName(v, S().names[t.name].comment))) });
      p.delete = () => p.op((t) => delete S().names[t.name]);
      return p;
    }
    getItemOrNullObject(name) {
      return this._item(name, true);
    }
    add(name, formula, comment) {
      this._ctx.enqueue(() => {
        if (name in S().names) throw new OfficeError('ItemAlreadyExists', 'Nama sudah ada: ' + name);
        S().names[name] = evalName(formula, comment || '');
      });
      return this._item(name, false);
    }
  }

  /** What Excel would show as a name's value: LAMBDA works only where the host has it. */
  function evalName(formula, comment) {
    const lambda = /^=LAMBDA\(/i.test(formula);
    let value = '#VALUE!';
    if (lambda && !S().lambda) value = '#NAME?';
    else if (formula === '=LAMBDA(x,x+1)(1)') value = 2;
    else if (lambda) value = '#CALC!';
    return { formula, comment, value };
  }

  // ---- the globals office.js provides ------------------------------------------------------
  window.Excel = {
    run: async function (batch) {
      host.runs++;
      const ctx = new Context();
      const out = await batch(ctx);
      if (ctx.queue.length > 0) host.log.push('queued operations left without sync: ' + ctx.queue.length);
      return out;
    },
  };
  const actions = {};
  host.actions = actions;
  window.Office = {
    onReady: (cb) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise((resolve) => setTimeout(() => { if (cb) cb(info); resolve(info); }, 0));
    },
    context: { requirements: { isSetSupported: (set, v) => set === 'ExcelApi' && (v !== '1.18' || !!S().notesApi) } },
    actions: { associate: (name, fn) => (actions[name] = fn) },
    addin: { showAsTaskpane: async () => undefined },
  };
  const functions = {};
  host.functions = functions;
  class CfError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  window.CustomFunctions = {
    associate: (id, fn) => (functions[id] = fn),
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', divisionByZero: '#DIV/0!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  };
})();
