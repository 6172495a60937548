/**
 * The pane's look: plain CSS in the spirit of Fluent (Segoe UI, 2px radius, the Office blue for
 * the primary action, visible focus). Kept as a string the pane injects itself, so the same UI
 * works in the Excel task pane and in the inlined Sheets sidebar without a CSS loader.
 */
export const GAYA = `
.lk { font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px; color: #323130; background: #fff; padding: 12px 14px 24px; line-height: 1.4; }
.lk * { box-sizing: border-box; }
.lk h1 { font-size: 20px; font-weight: 600; margin: 0 0 2px; }
.lk h2 { font-size: 14px; font-weight: 600; margin: 16px 0 6px; }
.lk .lk-sub { color: #605e5c; font-size: 12px; margin: 0 0 12px; }
.lk fieldset { border: 0; padding: 0; margin: 0 0 10px; }
.lk legend { font-weight: 600; font-size: 13px; padding: 0; margin-bottom: 4px; }
.lk label { display: flex; align-items: center; gap: 6px; font-size: 13px; padding: 2px 0; cursor: pointer; }
.lk select { font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid #8a8886; border-radius: 2px; width: 100%; background: #fff; }
.lk .lk-tombol { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.lk button { font: inherit; font-size: 14px; font-weight: 600; min-height: 32px; padding: 0 16px; border-radius: 2px;
  border: 1px solid #8a8886; background: #fff; color: #323130; cursor: pointer; }
.lk button:hover { background: #f3f2f1; }
.lk button:active { background: #edebe9; }
.lk button.lk-utama { background: #0f6cbd; border-color: #0f6cbd; color: #fff; }
.lk button.lk-utama:hover { background: #115ea3; }
.lk button:disabled { background: #f3f2f1; border-color: #c8c6c4; color: #a19f9d; cursor: default; }
.lk :focus-visible { outline: 2px solid #323130; outline-offset: 1px; }
.lk progress { width: 100%; height: 4px; margin: 6px 0; accent-color: #0f6cbd; }
.lk .lk-status { font-size: 13px; min-height: 18px; margin: 4px 0; }
.lk .lk-status.lk-galat { color: #a4262c; }
.lk .lk-ringkasan { font-size: 13px; font-weight: 600; padding: 8px 10px; background: #f3f2f1; border-left: 3px solid #0f6cbd; margin: 8px 0; }
.lk .lk-tabel { margin: 12px 0 4px; font-weight: 600; font-size: 13px; word-break: break-word; }
.lk details { margin: 2px 0 6px; }
.lk summary { cursor: pointer; font-size: 13px; padding: 2px 0; }
.lk ul { list-style: none; padding: 0; margin: 2px 0 0; }
.lk li { margin: 0; }
.lk .lk-temuan { display: block; width: 100%; text-align: left; font-weight: 400; font-size: 13px; border: 0; border-left: 3px solid transparent;
  padding: 4px 8px; min-height: 0; background: transparent; }
.lk .lk-temuan:hover { background: #f3f2f1; }
.lk .lk-temuan.lk-error { border-left-color: #d13438; }
.lk .lk-temuan.lk-warning { border-left-color: #c19c00; }
.lk .lk-temuan.lk-info { border-left-color: #0f6cbd; }
.lk .lk-sel { font-weight: 600; margin-right: 6px; }
.lk .lk-tingkat { color: #605e5c; font-size: 12px; margin-right: 6px; }
.lk .lk-tanya { padding: 8px 10px; border: 1px solid #c19c00; background: #fff4ce; font-size: 13px; margin: 6px 0; }
.lk .lk-pesan { font-size: 13px; margin: 4px 0; }
.lk hr { border: 0; border-top: 1px solid #edebe9; margin: 16px 0 0; }
`;
