// Helpers of the Excel panes that do not touch Office.js.
import { ApiError } from '../api/errors';
import { t } from '../i18n/i18n';
import { ExcelUnavailableError } from '../office/excel';

/** The month before `now`, as yyyy-MM (the accountant closes last month). */
export function previousMonth(now: Date = new Date()): string {
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  const month = now.getMonth() === 0 ? 12 : now.getMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
}

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** Errors of the API stay as they are (already Russian); Excel's become a Russian next step. */
export function paneError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ExcelUnavailableError) return new ApiError(0, t('excel.error.noExcel'));
  return new ApiError(0, t('excel.error.write'));
}

