import { mountUI } from '../../ui';
import { jembatanSheets, ScriptRun } from './jembatan-sheets';

/** The sidebar page: the shared UI over the Sheets bridge. */

declare const google: { script: { run: ScriptRun } };

const root = document.getElementById('lembar-kinerja');
if (root)
  mountUI(
    root,
    jembatanSheets(() => google.script.run),
  );
