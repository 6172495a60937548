/*
 * A fake Excel host for browser tests: served in place of office.js, it implements the subset of
 * Office.js the add-in uses, with Office.js's batching rules, so that a test sees what real
 * Excel would make of the add-in's calls:
 *  - calls on proxy objects are queued and run in order only at context.sync();
 *  - a property can be read only after load() and a sync (else it throws, as Office.js does);
 *  - *OrNullObject methods give objects whose isNullObject is known after a sync;
 *  - every context.sync() is counted (window.__excel.syncs);
 *  - the documented limits of the real hosts are enforced (each names its Microsoft Learn page
 *    where it is checked): 5 MB per request and per response, 512 merged areas per
 *    getMergedAreasOrNullObject, one area for getSelectedRange, whole columns and rows reported
 *    as Excel writes them (`Sheet1!C:E`, `Sheet1!5:40`).
 * Request bytes are exact when the test hands in Microsoft's own client (window.__excel.real =
 * the `Excel` namespace of @microsoft/office-js's excel-web-16.00.js): every call is mirrored on
 * a real Excel.RequestContext and, at sync, its pending request is serialised by Office.js's own
 * buildRequestMessageBodyAndRequestFlags (nothing is sent; the fake answers). That client
 * predates ExcelApi 1.18, so note calls are mirrored as the comment calls of the same shape
 * (worksheet.comments.getItemOrNullObject / add / content / delete). Response bytes are the
 * JSON of what each load hands back (window.__excel.requests / .responses, one entry per sync).
 * The workbook lives in window.__excel.state, set by the test before the page loads:
 *   { sheets: [{ name, visibility?, cells: { A1: { v, f?, nf?, bold?, fill? } }, notes: { A1: text }, merges: [] }],
 *     active: 0, selection: 'A1', settings: {}, names: {}, lambda: true, notesApi: true }
 * `selection` may hold several areas, comma separated (`B3:C9,E3:E9`), as a Ctrl+click makes;
 * a sheet's `locked: ['L29']` refuses fills there, as a protected sheet does.
 */
(function () {
  'use strict';
  const host = (window.__excel = window.__excel || {});
  host.syncs = 0;
  host.runs = 0;
  host.log = [];
  host.requests = [];
  host.responses = [];
  host.mergedPerCall = [];
  host.hostMs = [];
  const S = () => host.state;

  // Excel on the web refuses any request or response over 5 MB with RequestPayloadSizeLimitExceeded /
  // ResponsePayloadSizeLimitExceeded: Microsoft Learn, "Resource limits and performance optimization
  // for Office Add-ins" § Excel add-ins (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
  // error codes in "Error handling with the application-specific JavaScript APIs"
  // (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
  // 5,000,000 rather than 5 MiB: the stricter reading.
  const PAYLOAD_LIMIT = 5000000;
  // Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512,
  // then this method will fail to return the result" (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
  const MERGED_AREAS_LIMIT = 512;
  const MAX_ROW = 1048575;
  const MAX_COL = 16383;

  function utf8Bytes(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
  /**
   * Runs `fn` on the real client's mirror object, when there is one. What Office.js itself
   * refuses (an error with a code: an object used past the sync that invalidated it,
   * InvalidObjectPath) is thrown to the add-in as Excel would; any other failure of the mirror is
   * logged, for the test to see.
   */
  function mirror(real, fn) {
    if (!real) return undefined;
    try {
      return fn(real);
    } catch (e) {
      if (e && typeof e.code === 'string') throw new OfficeError(e.code, e.message);
      host.log.push('mirror: ' + (e && e.message ? e.message : String(e)));
      return undefined;
    }
  }

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
    if (/^\$?\d+$/.test(a) && /^\$?\d+$/.test(b)) {
      const [x, y] = [+a.replace('$', ''), +b.replace('$', '')];
      return { top: Math.min(x, y) - 1, left: 0, bottom: Math.max(x, y) - 1, right: MAX_COL };
    }
    if (/^\$?[A-Z]+$/i.test(a) && /^\$?[A-Z]+$/i.test(b)) {
      const p = parseCellRef(a.replace('$', '') + '1');
      const q = parseCellRef(b.replace('$', '') + '1');
      return { top: 0, left: Math.min(p.c, q.c), bottom: MAX_ROW, right: Math.max(p.c, q.c) };
    }
    const p = parseCellRef(a);
    const q = parseCellRef(b);
    if (!p || !q) throw new OfficeError('InvalidArgument', 'Alamat tidak sah: ' + ref);
    return { top: Math.min(p.r, q.r), left: Math.min(p.c, q.c), bottom: Math.max(p.r, q.r), right: Math.max(p.c, q.c) };
  }
  function quote(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  /** An area as Excel writes it in Range.address: whole columns `C:E`, whole rows `5:40` (Excel's own form). */
  function areaText(a) {
    if (a.top === 0 && a.bottom === MAX_ROW) return colLetters(a.left) + ':' + colLetters(a.right);
    if (a.left === 0 && a.right === MAX_COL) return a.top + 1 + ':' + (a.bottom + 1);
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
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [k, cell] of Object.entries(sheet.cells)) {
      const hasValue = (cell.v !== '' && cell.v !== null && cell.v !== undefined) || cell.f;
      if (!hasValue && (valuesOnly || !(cell.fill || cell.nf || cell.bold))) continue;
      const p = parseCellRef(k);
      top = Math.min(top, p.r);
      left = Math.min(left, p.c);
      bottom = Math.max(bottom, p.r);
      right = Math.max(right, p.c);
    }
    if (bottom < 0) return { top: 0, left: 0, bottom: 0, right: 0, empty: true };
    return { top, left, bottom, right };
  }

  // ---- batching ----------------------------------------------------------------------------
  class Context {
    constructor() {
      this.queue = [];
      this._real = host.real ? new host.real.RequestContext() : null;
      this._response = 0;
      this._answers = [];
      this.workbook = new Workbook(this);
    }
    enqueue(fn) {
      this.queue.push(fn);
    }
    /** What a load hands back counts towards the response, as its JSON. */
    answered(value) {
      const json = JSON.stringify(value === undefined ? null : value);
      this._response += utf8Bytes(json);
      this._answers.push(json);
    }
    /** The pending request as Office.js itself serialises it (0 without the real client). */
    requestBytes() {
      const real = this._real;
      if (!real) return 0;
      const req = real.m_pendingRequest;
      real.m_pendingRequest = null;
      if (!req || !req.hasActions) return 0;
      const body = req.buildRequestMessageBodyAndRequestFlags().body;
      req.invalidatePendingInvalidObjectPaths();
      return utf8Bytes(JSON.stringify(body));
    }
    async sync() {
      host.syncs++;
      const t0 = typeof performance === 'object' ? performance.now() : 0;
      try {
        this.runQueue();
      } finally {
        // The host's own time per sync: in real Excel this work is not on the pane's thread.
        if (t0) host.hostMs.push([t0, performance.now()]);
      }
      // What stays on the pane's thread in Excel: Office.js parses the response's JSON there.
      // Done here, outside the host's span, so the long-task measurement counts it.
      const answers = this._answers;
      this._answers = [];
      if (t0) for (const json of answers) JSON.parse(json);
      // `jedaSync`: a test's stand-in for the round trip to Excel (0 unless set).
      await new Promise((r) => setTimeout(r, S().jedaSync || 0));
    }
    runQueue() {
      const q = this.queue;
      this.queue = [];
      const request = this.requestBytes();
      host.requests.push(request);
      if (request > PAYLOAD_LIMIT) {
        host.responses.push(0);
        throw new OfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes).`);
      }
      this._response = 0;
      for (const op of q) op();
      host.responses.push(this._response);
      if (this._response > PAYLOAD_LIMIT) {
        throw new OfficeError(
          'ResponsePayloadSizeLimitExceeded',
          `The response payload size has exceeded the limit (${this._response} bytes).`,
        );
      }
    }
  }

  /** A proxy: `resolve()` finds its target in the model when the queue runs; `real` is its mirror in Microsoft's client. */
  class Proxy {
    constructor(ctx, resolve, nullable, real) {
      this._ctx = ctx;
      this._resolve = resolve;
      this._nullable = !!nullable;
      this._loaded = {};
      this._null = undefined;
      this._r = real || null;
    }
    target() {
      const t = this._resolve();
      if (t === null && !this._nullable) throw new OfficeError('ItemNotFound', 'Objek tidak ditemukan.');
      return t;
    }
    load(props) {
      mirror(this._r, (r) => r.load(props));
      const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : Array.isArray(props) ? props : [];
      this._ctx.enqueue(() => {
        const t = this.target();
        this._null = t === null;
        if (t !== null) {
          for (const p of list) {
            this._loaded[p] = this.read(t, p);
            this._ctx.answered(this._loaded[p]);
          }
        }
      });
      return this;
    }
    get isNullObject() {
      if (this._null === undefined) throw new OfficeError('PropertyNotLoaded', 'isNullObject dibaca sebelum sync.');
      return this._null;
    }
    got(p) {
      if (!(p in this._loaded))
        throw new OfficeError('PropertyNotLoaded', `The property '${p}' is not available. Call load() and sync() first.`);
      return this._loaded[p];
    }
    op(fn) {
      this._ctx.enqueue(() => {
        const t = this.target();
        if (t === null) throw new OfficeError('InvalidObjectPath', 'Operasi pada objek null.');
        fn(t);
      });
    }
    /** Sets `prop` on the mirror and queues `fn` on the model. */
    set(prop, value, fn) {
      mirror(this._r, (r) => (r[prop] = value));
      this.op(fn);
    }
  }

  function selectionAreas() {
    const st = S();
    return String(st.selection)
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  }

  class Workbook {
    constructor(ctx) {
      this._ctx = ctx;
      const real = ctx._real ? ctx._real.workbook : null;
      this._r = real;
      this.worksheets = new Worksheets(ctx, real && real.worksheets);
      this.settings = new Settings(ctx, real && real.settings);
      this.names = new Names(ctx, real && real.names);
    }
    /**
     * Workbook.getSelectedRange "gets the currently selected single range from the workbook. If
     * there are multiple ranges selected, this method will throw an error"
     * (learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1));
     * Excel answers InvalidSelection.
     */
    getSelectedRange() {
      return new Range(
        this._ctx,
        () => {
          const st = S();
          const areas = selectionAreas();
          if (areas.length > 1) throw new OfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
          return { sheet: st.sheets[st.active], area: parseRef(areas[0]) };
        },
        false,
        mirror(this._r, (r) => r.getSelectedRange()),
      );
    }
    /** Workbook.getSelectedRanges (ExcelApi 1.9): every area of the selection, as one RangeAreas. */
    getSelectedRanges() {
      const p = new Proxy(
        this._ctx,
        () => {
          const st = S();
          return { sheet: st.sheets[st.active], areas: selectionAreas().map(parseRef) };
        },
        false,
        mirror(this._r, (r) => r.getSelectedRanges()),
      );
      p.read = (t, prop) => {
        if (prop === 'address') return t.areas.map((a) => quote(t.sheet.name) + '!' + areaText(a)).join(',');
        if (prop === 'areaCount') return t.areas.length;
        if (prop === 'cellCount') return t.areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
        throw new OfficeError('InvalidArgument', prop);
      };
      for (const k of ['address', 'areaCount', 'cellCount']) Object.defineProperty(p, k, { get: () => p.got(k) });
      return p;
    }
  }

  class Worksheets extends Proxy {
    constructor(ctx, real) {
      super(ctx, () => S().sheets, false, real);
    }
    read(sheets, p) {
      if (p === 'items/name' || p === 'items') return sheets.map((s) => s.name);
      throw new OfficeError('InvalidArgument', 'Tidak didukung: ' + p);
    }
    get items() {
      const names = this.got('items/name');
      return names.map((n) => {
        const w = new Worksheet(
          this._ctx,
          () => sheetByName(n),
          false,
          mirror(this._r, (r) => r.getItem(n)),
        );
        w._loaded.name = n;
        return w;
      });
    }
    getActiveWorksheet() {
      return new Worksheet(
        this._ctx,
        () => S().sheets[S().active],
        false,
        mirror(this._r, (r) => r.getActiveWorksheet()),
      );
    }
    getItem(name) {
      return new Worksheet(
        this._ctx,
        () => sheetByName(name),
        false,
        mirror(this._r, (r) => r.getItem(name)),
      );
    }
    getItemOrNullObject(name) {
      return new Worksheet(
        this._ctx,
        () => sheetByName(name),
        true,
        mirror(this._r, (r) => r.getItemOrNullObject(name)),
      );
    }
    add(name) {
      const real = mirror(this._r, (r) => r.add(name));
      this._ctx.enqueue(() => {
        if (sheetByName(name)) throw new OfficeError('ItemAlreadyExists', 'Lembar sudah ada: ' + name);
        S().sheets.push({ name, cells: {}, notes: {}, merges: [], layout: {} });
      });
      return new Worksheet(this._ctx, () => sheetByName(name), false, real);
    }
  }

  class Worksheet extends Proxy {
    constructor(ctx, resolve, nullable, real) {
      super(ctx, resolve, nullable, real);
      this.notes = new Notes(
        ctx,
        () => this.target(),
        mirror(real, (r) => r.comments),
      );
      const self = this;
      const realLayout = mirror(real, (r) => r.pageLayout);
      this.pageLayout = new Proxy(ctx, () => self.target(), false, realLayout);
      this.pageLayout.setPrintTitleRows = (rows) => {
        mirror(realLayout, (r) => r.setPrintTitleRows(rows));
        self.op((s) => (s.layout.printTitleRows = rows));
      };
      for (const k of ['orientation', 'zoom', 'paperSize']) {
        Object.defineProperty(this.pageLayout, k, {
          set: (v) => {
            mirror(realLayout, (r) => (r[k] = v));
            self.op((s) => (s.layout[k] = v));
          },
        });
      }
      const realFreeze = mirror(real, (r) => r.freezePanes);
      this.freezePanes = {
        freezeAt: (range) => {
          mirror(realFreeze, (r) => r.freezeAt(range._r));
          self.op((s) => (s.layout.freeze = range._address()));
        },
        freezeRows: (n) => {
          mirror(realFreeze, (r) => r.freezeRows(n));
          self.op((s) => (s.layout.freeze = 'rows:' + n));
        },
        freezeColumns: (n) => {
          mirror(realFreeze, (r) => r.freezeColumns(n));
          self.op((s) => (s.layout.freeze = 'cols:' + n));
        },
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
      this.set('visibility', v, (s) => (s.visibility = v));
    }
    set showGridlines(v) {
      this.set('showGridlines', v, (s) => (s.layout.gridlines = v));
    }
    getUsedRange(valuesOnly) {
      return new Range(
        this._ctx,
        () => {
          const s = this.target();
          return { sheet: s, area: usedArea(s, valuesOnly) };
        },
        false,
        mirror(this._r, (r) => r.getUsedRange(valuesOnly)),
      );
    }
    /** Worksheet.getUsedRangeOrNullObject (ExcelApi 1.4): a null object when the sheet holds nothing. */
    getUsedRangeOrNullObject(valuesOnly) {
      return new Range(
        this._ctx,
        () => {
          const s = this.target();
          const a = usedArea(s, valuesOnly);
          return a.empty ? null : { sheet: s, area: a };
        },
        true,
        mirror(this._r, (r) => r.getUsedRangeOrNullObject(valuesOnly)),
      );
    }
    getRange(ref) {
      return new Range(
        this._ctx,
        () => ({ sheet: this.target(), area: parseRef(ref) }),
        false,
        mirror(this._r, (r) => r.getRange(ref)),
      );
    }
    getCell(r, c) {
      return new Range(
        this._ctx,
        () => ({ sheet: this.target(), area: { top: r, left: c, bottom: r, right: c } }),
        false,
        mirror(this._r, (x) => x.getCell(r, c)),
      );
    }
    getRangeByIndexes(r, c, h, w) {
      return new Range(
        this._ctx,
        () => ({ sheet: this.target(), area: { top: r, left: c, bottom: r + h - 1, right: c + w - 1 } }),
        false,
        mirror(this._r, (x) => x.getRangeByIndexes(r, c, h, w)),
      );
    }
    activate() {
      mirror(this._r, (r) => r.activate());
      this.op((s) => (S().active = S().sheets.indexOf(s)));
    }
    delete() {
      mirror(this._r, (r) => r.delete());
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
    constructor(ctx, resolve, nullable, real) {
      super(ctx, resolve, nullable, real);
      const self = this;
      const realFormat = mirror(real, (r) => r.format);
      const fill = {
        clear: () => {
          mirror(realFormat, (f) => f.fill.clear());
          self.op((t) =>
            eachCell(t, (r, c) => {
              const cell = cellOf(t.sheet, r, c, false);
              if (cell) delete cell.fill;
            }),
          );
        },
      };
      Object.defineProperty(fill, 'color', {
        set: (v) => {
          mirror(realFormat, (f) => (f.fill.color = v));
          self.op((t) =>
            eachCell(t, (r, c) => {
              // A protected sheet refuses format changes to its locked cells (AccessDenied):
              // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection.
              // `locked` lists such cells, so a test can make one command of a batch fail.
              if ((t.sheet.locked || []).includes(a1(r, c)))
                throw new OfficeError('AccessDenied', 'The cell or chart you are trying to change is protected.');
              cellOf(t.sheet, r, c, true).fill = String(v).toUpperCase();
            }),
          );
        },
      });
      const font = {};
      for (const k of ['bold', 'italic', 'size', 'color']) {
        Object.defineProperty(font, k, {
          set: (v) => {
            mirror(realFormat, (f) => (f.font[k] = v));
            self.op((t) => eachCell(t, (r, c) => ((cellOf(t.sheet, r, c, true).font ||= {})[k] = v)));
          },
        });
      }
      const format = {
        fill,
        font,
        borders: {
          getItem: (edge) => {
            const realEdge = mirror(realFormat, (f) => f.borders.getItem(edge));
            const b = {};
            for (const k of ['style', 'weight', 'color']) {
              Object.defineProperty(b, k, {
                set: (v) => {
                  mirror(realEdge, (e) => (e[k] = v));
                  self.op((t) => eachCell(t, (r, c) => (((cellOf(t.sheet, r, c, true).borders ||= {})[edge] ||= {})[k] = v)));
                },
              });
            }
            return b;
          },
        },
      };
      for (const k of ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth', 'rowHeight']) {
        Object.defineProperty(format, k, {
          set: (v) => {
            mirror(realFormat, (f) => (f[k] = v));
            self.op((t) => ((t.sheet.layout ||= {})[k + ':' + self._address()] = v));
          },
        });
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
        case 'rowCount':
          return t.area.bottom - t.area.top + 1;
        case 'columnCount':
          return t.area.right - t.area.left + 1;
        case 'values':
          return eachCell(t, (r, c) => {
            const cell = cellOf(t.sheet, r, c, false);
            return cell && cell.v !== undefined && cell.v !== null ? cell.v : '';
          });
        case 'formulas':
          return eachCell(t, (r, c) => {
            const cell = cellOf(t.sheet, r, c, false);
            return cell ? cell.f || (cell.v ?? '') : '';
          });
        case 'numberFormat':
          return eachCell(t, (r, c) => {
            const cell = cellOf(t.sheet, r, c, false);
            return (cell && cell.nf) || 'General';
          });
        default:
          throw new OfficeError('InvalidArgument', 'Tidak didukung: ' + p);
      }
    }
    get address() {
      return this.got('address');
    }
    get cellCount() {
      return this.got('cellCount');
    }
    get rowCount() {
      return this.got('rowCount');
    }
    get columnCount() {
      return this.got('columnCount');
    }
    get values() {
      return this.got('values');
    }
    get formulas() {
      return this.got('formulas');
    }
    get numberFormat() {
      return this.got('numberFormat');
    }
    set values(v) {
      this.set('values', v, (t) =>
        eachCell(t, (r, c) => {
          const x = v[r - t.area.top][c - t.area.left];
          const cell = cellOf(t.sheet, r, c, true);
          if (typeof x === 'string' && x.startsWith("'")) {
            delete cell.f;
            cell.v = x.slice(1);
          } else if (typeof x === 'string' && x.startsWith('=')) {
            cell.f = x;
            cell.v = '#FORMULA';
          } else {
            delete cell.f;
            cell.v = x;
          }
        }),
      );
    }
    set formulas(v) {
      // As in Excel: "=…" becomes a formula (its value known only after Excel computes it),
      // anything else a plain value.
      this.set('formulas', v, (t) =>
        eachCell(t, (r, c) => {
          const x = v[r - t.area.top][c - t.area.left];
          const cell = cellOf(t.sheet, r, c, true);
          if (typeof x === 'string' && x.startsWith('=')) {
            cell.f = x;
            cell.v = '#FORMULA';
          } else {
            delete cell.f;
            cell.v = x;
          }
        }),
      );
    }
    set numberFormat(v) {
      this.set('numberFormat', v, (t) => eachCell(t, (r, c) => (cellOf(t.sheet, r, c, true).nf = v[r - t.area.top][c - t.area.left])));
    }
    getCellProperties(spec) {
      mirror(this._r, (r) => r.getCellProperties(spec));
      const result = { _v: undefined };
      Object.defineProperty(result, 'value', {
        get: () => {
          if (result._v === undefined) throw new OfficeError('PropertyNotLoaded', 'ClientResult dibaca sebelum sync.');
          return result._v;
        },
      });
      this._ctx.enqueue(() => {
        const t = this.target();
        result._v = eachCell(t, (r, c) => {
          const cell = cellOf(t.sheet, r, c, false) || {};
          const out = { format: {} };
          if (spec.format && spec.format.fill)
            out.format.fill = { color: cell.fill || '#FFFFFF', pattern: cell.fill ? 'Solid' : 'None' };
          if (spec.format && spec.format.font) out.format.font = { bold: !!cell.bold };
          return out;
        });
        this._ctx.answered(result._v);
      });
      return result;
    }
    getMergedAreasOrNullObject() {
      const self = this;
      const p = new Proxy(
        this._ctx,
        () => {
          const t = self.target();
          // Excel returns the merged areas whose top-left cell lies in the range, whole (OfficeDev/office-js#3611).
          const inside = (t.sheet.merges || [])
            .map(parseRef)
            .filter((m) => m.top >= t.area.top && m.top <= t.area.bottom && m.left >= t.area.left && m.left <= t.area.right);
          host.mergedPerCall.push(inside.length);
          // Above 512 merged areas Excel "will fail to return the result" (see MERGED_AREAS_LIMIT).
          if (inside.length > MERGED_AREAS_LIMIT)
            throw new OfficeError('GeneralException', 'There was an internal error while processing the request.');
          return inside.length === 0 ? null : inside.map((m) => quote(t.sheet.name) + '!' + areaText(m)).join(',');
        },
        true,
        mirror(this._r, (r) => r.getMergedAreasOrNullObject()),
      );
      p.read = (v, prop) => {
        if (prop === 'address') return v;
        throw new OfficeError('InvalidArgument', prop);
      };
      Object.defineProperty(p, 'address', { get: () => p.got('address') });
      return p;
    }
    select() {
      mirror(this._r, (r) => r.select());
      this.op((t) => {
        S().active = S().sheets.indexOf(t.sheet);
        S().selection = areaText(t.area);
      });
    }
    merge(across) {
      mirror(this._r, (r) => r.merge(across));
      this.op((t) => (t.sheet.merges = (t.sheet.merges || []).concat(areaText(t.area))));
    }
  }

  class Notes {
    constructor(ctx, sheet, real) {
      this._ctx = ctx;
      this._sheet = sheet;
      this._r = real || null;
    }
    _check() {
      if (!S().notesApi) throw new OfficeError('ApiNotFound', 'Notes API tidak ada pada Excel ini.');
    }
    getItemOrNullObject(ref) {
      this._check();
      const key = areaText(parseRef(ref));
      const n = new Proxy(
        this._ctx,
        () => {
          const s = this._sheet();
          return key in s.notes ? { s, key } : null;
        },
        true,
        mirror(this._r, (r) => r.getItemOrNullObject(ref)),
      );
      n.read = (t, p) => {
        if (p === 'content') return t.s.notes[t.key];
        throw new OfficeError('InvalidArgument', p);
      };
      Object.defineProperty(n, 'content', {
        get: () => n.got('content'),
        set: (v) => n.set('content', v, (t) => (t.s.notes[t.key] = String(v))),
      });
      n.delete = () => {
        mirror(n._r, (r) => r.delete());
        n.op((t) => delete t.s.notes[t.key]);
      };
      return n;
    }
    add(ref, content) {
      this._check();
      mirror(this._r, (r) => r.add(ref, content));
      const key = areaText(parseRef(ref));
      this._ctx.enqueue(() => {
        const s = this._sheet();
        if (key in s.notes) throw new OfficeError('InvalidArgument', 'Sel sudah punya catatan: ' + key);
        s.notes[key] = String(content);
      });
    }
  }

  class Settings {
    constructor(ctx, real) {
      this._ctx = ctx;
      this._r = real || null;
    }
    getItemOrNullObject(key) {
      const p = new Proxy(
        this._ctx,
        () => (key in S().settings ? { key } : null),
        true,
        mirror(this._r, (r) => r.getItemOrNullObject(key)),
      );
      p.read = (t, prop) => {
        if (prop === 'value') return S().settings[t.key];
        throw new OfficeError('InvalidArgument', prop);
      };
      Object.defineProperty(p, 'value', { get: () => p.got('value') });
      p.delete = () => {
        mirror(p._r, (r) => r.delete());
        p.op((t) => delete S().settings[t.key]);
      };
      return p;
    }
    add(key, value) {
      mirror(this._r, (r) => r.add(key, value));
      this._ctx.enqueue(() => (S().settings[key] = JSON.parse(JSON.stringify(value))));
    }
  }

  class Names {
    constructor(ctx, real) {
      this._ctx = ctx;
      this._r = real || null;
    }
    _item(name, nullable, real) {
      const p = new Proxy(this._ctx, () => (name in S().names ? { name } : null), nullable, real);
      p.read = (t, prop) => {
        const n = S().names[t.name];
        if (prop === 'name') return t.name;
        if (prop === 'formula') return n.formula;
        if (prop === 'value') return n.value;
        throw new OfficeError('InvalidArgument', prop);
      };
      Object.defineProperty(p, 'value', { get: () => p.got('value') });
      Object.defineProperty(p, 'formula', {
        get: () => p.got('formula'),
        set: (v) =>
          p.set('formula', v, (t) => {
            checkNameFormula(v);
            S().names[t.name] = evalName(v, S().names[t.name].comment);
          }),
      });
      p.delete = () => {
        mirror(p._r, (r) => r.delete());
        p.op((t) => delete S().names[t.name]);
      };
      return p;
    }
    getItemOrNullObject(name) {
      return this._item(
        name,
        true,
        mirror(this._r, (r) => r.getItemOrNullObject(name)),
      );
    }
    add(name, formula, comment) {
      const real = mirror(this._r, (r) => r.add(name, formula, comment));
      this._ctx.enqueue(() => {
        if (name in S().names) throw new OfficeError('ItemAlreadyExists', 'Nama sudah ada: ' + name);
        checkNameFormula(formula);
        S().names[name] = evalName(formula, comment || '');
      });
      return this._item(name, false, real);
    }
  }

  /**
   * What some Excel versions refuse in a name (InvalidArgument), as a test sets it: a LAMBDA
   * where the host has none (`lambdaDitolak`), a definition longer than the version takes
   * (`panjangNamaMaks`; "Excel specifications and limits", support.microsoft.com, gives 8,192
   * characters for formula contents in current Excel, less in older ones).
   */
  function checkNameFormula(formula) {
    const st = S();
    if (st.lambdaDitolak && /LAMBDA\(/i.test(formula))
      throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    if (st.panjangNamaMaks && String(formula).length > st.panjangNamaMaks)
      throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
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
      return new Promise((resolve) =>
        setTimeout(() => {
          if (cb) cb(info);
          resolve(info);
        }, 0),
      );
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
