// The grades API as the «Оценки за месяц» pane reads it.
//   GET /api/grades/{month}                     the month so far (a manager: only the own row)
//   GET /api/grades/{month}/sheets              Параметры and Итоги as cells, Задачи's columns and row count
//   GET /api/grades/{month}/tasks?skip=&take=   a chunk of Задачи rows
//   GET /api/grades/{month}/workbook            the .xlsx
import { api, fileNameOf, get } from '../../api/client';
import type { MonthSheets, TaskChunk } from '../../office/excel';

export interface EmployeeGrade {
  id: string;
  name: string;
  role: string;
  workingDays: number;
  plan: number;
  points: number;
  pointsByClass: Record<string, number>;
  pointsByCategory: Record<string, number>;
  tasks: number;
  fulfilment: number;
  band: string;
  coefficient: number;
  basePay: number;
  targetBonus: number;
  deductions: number;
  bonus: number;
  guaranteedMinimum: number;
  pay: number;
}

export interface HeadProfit {
  volume: number;
  share: number;
  shareOfVolume: number;
  staffSalaries: number;
  contractors: number;
  profit: number;
}

export interface MonthGrades {
  month: string;
  policyVersion: string;
  workingDays: number;
  employees: EmployeeGrade[];
  head: HeadProfit | null;
  warnings: string[];
}

const path = (month: string, tail = '') => `grades/${encodeURIComponent(month)}${tail}`;

export const getMonthGrades = (month: string, signal?: AbortSignal) => get<MonthGrades>(path(month), { signal });
export const getMonthSheets = (month: string, signal?: AbortSignal) => get<MonthSheets>(path(month, '/sheets'), { signal });
export const getTaskChunk = (month: string, skip: number, take: number, signal?: AbortSignal) =>
  get<TaskChunk>(path(month, `/tasks?skip=${skip}&take=${take}`), { signal });

export async function downloadWorkbook(month: string): Promise<{ blob: Blob; name: string }> {
  const response = await api<Blob>(path(month, '/workbook'), { as: 'blob', headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' } });
  return { blob: response.data, name: fileNameOf(response.headers, `grades-${month}.xlsx`) };
}

/** The head's row (role "head"): the pay is max(guaranteed minimum, the department's profit). */
export const headOf = (grades: MonthGrades) => grades.employees.find((e) => e.role === 'head') ?? null;

export const totalPay = (grades: MonthGrades) => Math.round(grades.employees.reduce((sum, e) => sum + e.pay, 0) * 100) / 100;
