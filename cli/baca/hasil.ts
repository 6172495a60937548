import { Workbook } from '../../core/lembar/model';

/** What reading a file gives: a workbook with warnings to show, or one Indonesian sentence why not. */
export type ReadResult = { ok: true; workbook: Workbook; warnings: string[] } | { ok: false; message: string };
