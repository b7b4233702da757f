// A recording fake of Excel's JavaScript object model, for end-to-end tests and the benchmark.
// Served after fake-office.js when the fake host is Excel (browser.mjs), so `Excel.run` exists in
// the pane as it does in Excel. It evaluates nothing: it records every write.
//
// What it provides: Excel.run(cb) with a request context whose sync() is counted;
// context.workbook.worksheets.{getItemOrNullObject, getItem, add}; worksheet.{name (settable),
// getRange, delete, activate, tables.add(address, hasHeaders), freezePanes.freezeRows, load};
// range.{values, formulas, formulasLocal, numberFormat (settable), format.columnWidth, load};
// table.{name, showTotals}. Like Excel, it refuses at sync() a batch whose arrays do not match their
// range, a batch over 5 MB (Excel on the web's request limit), deleting a workbook's last sheet and
// duplicate sheet names.
//
// Test API, on window.__excelFake:
//   syncs                 the number of context.sync() calls so far
//   writes                every write: { seq, batch (the sync it went with), sheet, address, property, value }
//   events                'add <name>', 'delete <name>', 'rename <a> → <b>', 'table <sheet>!<address>', 'activate <name>'
//   sheets()              the workbook's sheets in order: { name, tables: [{ address, hasHeaders, name, showTotals }], frozenRows }
//   cells(sheet)          the sheet's cells: { A1: { value | formula, numberFormat, order: ['numberFormat', 'values'] } }
//   batchBytes            the estimated payload of each sync, in bytes
//   reset(sheetNames)     a fresh workbook with these sheets (default: ['Лист1'])
//   keepCells(false)      stop keeping per-cell state (the benchmark: writes and counts only)
(function () {
  'use strict';

  var PAYLOAD_LIMIT = 5 * 1024 * 1024;
  var state;
  var keepCells = true;

  function reset(names) {
    state = { sheets: [], writes: [], events: [], syncs: 0, seq: 0, pending: [], pendingBytes: 0, batchBytes: [], nextId: 1 };
    (names || ['Лист1']).forEach(function (n) { newSheet(n); });
  }

  function newSheet(name) {
    var sheet = { id: state.nextId++, name: name, cells: {}, tables: [], frozenRows: 0, widths: {}, deleted: false };
    state.sheets.push(sheet);
    return sheet;
  }

  function find(name) {
    for (var i = 0; i < state.sheets.length; i++) if (state.sheets[i].name === name) return state.sheets[i];
    return null;
  }

  function columnNumber(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
    return n;
  }

  function letters(n) {
    var s = '';
    while (n > 0) {
      var m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }

  function parse(address) {
    var m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
    if (m) return { c1: columnNumber(m[1]), r1: +m[2], c2: columnNumber(m[3] || m[1]), r2: +(m[4] || m[2]) };
    var col = /^([A-Z]+):([A-Z]+)$/.exec(address);
    if (col) return { c1: columnNumber(col[1]), r1: 1, c2: columnNumber(col[2]), r2: 1048576, columns: true };
    return null;
  }

  function excelError(code, message) {
    var e = new Error(message);
    e.name = 'RichApi.Error';
    e.code = code;
    return e;
  }

  /** Checks now (as Excel does on sync) and remembers the failure for the next sync. */
  function fail(code, message) {
    state.pending.push(excelError(code, message));
  }

  function estimate(value) {
    if (!Array.isArray(value)) return 16;
    var bytes = 2;
    for (var r = 0; r < value.length; r++) {
      var row = value[r];
      bytes += 2;
      if (!Array.isArray(row)) continue;
      for (var c = 0; c < row.length; c++) {
        var v = row[c];
        bytes += typeof v === 'string' ? v.length * 2 + 3 : 8;
      }
    }
    return bytes;
  }

  function record(sheet, address, property, value) {
    var write = { seq: state.seq++, batch: state.syncs, sheet: sheet.name, address: address, property: property, value: value };
    state.writes.push(write);
    state.pendingBytes += estimate(value);
    if (property === 'columnWidth') {
      sheet.widths[address] = value;
      return;
    }
    var box = parse(address);
    if (!box || box.columns) return fail('InvalidArgument', 'The address ' + address + ' is not valid for ' + property + '.');
    var rows = box.r2 - box.r1 + 1;
    var cols = box.c2 - box.c1 + 1;
    var grid = Array.isArray(value) ? value : [[value]];
    if (grid.length !== rows || grid.some(function (r) { return !Array.isArray(r) || r.length !== cols; })) {
      return fail('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range ' + address + '.');
    }
    if (!keepCells) return;
    for (var r = 0; r < rows; r++) {
      for (var c = 0; c < cols; c++) {
        var v = grid[r][c];
        if (v === null || v === undefined) continue; // null leaves the cell as it is, as in Excel
        var key = letters(box.c1 + c) + (box.r1 + r);
        var cell = sheet.cells[key] || (sheet.cells[key] = { order: [] });
        if (property === 'numberFormat') cell.numberFormat = String(v);
        else if (property === 'values') {
          cell.value = v;
          delete cell.formula;
        } else {
          cell.formula = String(v);
          delete cell.value;
        }
        cell.order.push(property);
      }
    }
  }

  function makeRange(sheet, address) {
    var range = { address: address, load: function () { return range; }, toJSON: function () { return { address: address }; } };
    ['values', 'formulas', 'formulasLocal', 'numberFormat'].forEach(function (property) {
      Object.defineProperty(range, property, {
        enumerable: true,
        set: function (v) { record(sheet, address, property, v); },
        get: function () {
          throw excelError('PropertyNotLoaded', 'The property \'' + property + '\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.');
        },
      });
    });
    range.format = {};
    Object.defineProperty(range.format, 'columnWidth', { enumerable: true, set: function (v) { record(sheet, address, 'columnWidth', v); } });
    return range;
  }

  function makeWorksheet(sheet) {
    var ws = {
      isNullObject: false,
      load: function () { return ws; },
      getRange: function (address) { return makeRange(sheet, address); },
      delete: function () {
        state.events.push('delete ' + sheet.name);
        var live = state.sheets.filter(function (s) { return !s.deleted; });
        if (live.length <= 1) return fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        sheet.deleted = true;
        state.sheets.splice(state.sheets.indexOf(sheet), 1);
      },
      activate: function () { state.events.push('activate ' + sheet.name); },
      freezePanes: { freezeRows: function (n) { sheet.frozenRows = n; } },
      tables: {
        add: function (address, hasHeaders) {
          state.events.push('table ' + sheet.name + '!' + address);
          var table = { address: address, hasHeaders: !!hasHeaders, name: null, showTotals: false };
          sheet.tables.push(table);
          return table;
        },
      },
    };
    Object.defineProperty(ws, 'name', {
      enumerable: true,
      get: function () { return sheet.name; },
      set: function (value) {
        state.events.push('rename ' + sheet.name + ' → ' + value);
        if (find(value) && find(value) !== sheet) return fail('ItemAlreadyExists', 'A sheet named ' + value + ' already exists.');
        if (String(value).length > 31) return fail('InvalidArgument', 'A sheet name has at most 31 characters.');
        sheet.name = value;
      },
    });
    return ws;
  }

  var nullWorksheet = {
    isNullObject: true,
    load: function () { return nullWorksheet; },
    delete: function () { fail('InvalidObjectPath', 'The object path is not valid (a null object).'); },
  };

  function makeContext() {
    var worksheets = {
      getItemOrNullObject: function (name) {
        var s = find(name);
        return s ? makeWorksheet(s) : nullWorksheet;
      },
      getItem: function (name) {
        var s = find(name);
        if (!s) {
          fail('ItemNotFound', 'The requested resource does not exist: ' + name);
          return nullWorksheet;
        }
        return makeWorksheet(s);
      },
      add: function (name) {
        state.events.push('add ' + name);
        if (name && find(name)) fail('ItemAlreadyExists', 'A sheet named ' + name + ' already exists.');
        return makeWorksheet(newSheet(name || 'Лист' + state.nextId));
      },
      load: function () { return worksheets; },
    };
    return {
      workbook: { worksheets: worksheets },
      sync: function () {
        state.syncs += 1;
        var bytes = state.pendingBytes;
        state.batchBytes.push(bytes);
        state.pendingBytes = 0;
        var errors = state.pending;
        state.pending = [];
        return new Promise(function (resolve, reject) {
          setTimeout(function () {
            if (bytes > PAYLOAD_LIMIT) reject(excelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit (' + bytes + ' bytes).'));
            else if (errors.length) reject(errors[0]);
            else resolve();
          }, 0);
        });
      },
    };
  }

  reset();

  window.Excel = {
    run: function (batch) {
      var context = makeContext();
      return Promise.resolve().then(function () { return batch(context); });
    },
    ErrorCodes: { itemNotFound: 'ItemNotFound', invalidArgument: 'InvalidArgument', requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded' },
  };

  window.__excelFake = {
    get syncs() { return state.syncs; },
    get writes() { return state.writes; },
    get events() { return state.events; },
    get batchBytes() { return state.batchBytes; },
    sheets: function () {
      return state.sheets.map(function (s) {
        return { name: s.name, tables: s.tables.map(function (t) { return { address: t.address, hasHeaders: t.hasHeaders, name: t.name, showTotals: t.showTotals }; }), frozenRows: s.frozenRows, widths: s.widths };
      });
    },
    cells: function (name) {
      var s = find(name);
      return s ? s.cells : null;
    },
    reset: reset,
    keepCells: function (on) { keepCells = on !== false; },
  };
})();
