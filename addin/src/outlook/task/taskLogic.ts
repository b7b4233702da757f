// The «Задача» pane's logic without React: the catalog search, the body of POST /api/tasks and
// «Мой месяц» (fulfilment and the band text). Shapes: Grades/Api/TaskCatalogApi.cs, MyMonthApi.cs, TaskDtos.cs.
import { formatNumber, plural } from '../../i18n/format';
import { t } from '../../i18n/i18n';

export interface CatalogTask {
  code: string;
  title: string;
  complexityClass: number;
  points: number;
  category: string;
}

export interface TaskCatalog {
  month: string;
  policyVersion: string;
  tasks: CatalogTask[];
}

export interface BandThreshold {
  band: string;
  minFulfilment: number;
}

export interface MyMonth {
  month: string;
  points: number;
  plan: number;
  /** points ÷ plan as GradesCalculator computes it (Money.Round4): 0.85 is 85 %. */
  fulfilment: number;
  band: string;
  coefficient?: number;
  tasks?: number;
  nextBand?: string | null;
  pointsToNextBand?: number | null;
  bands?: BandThreshold[];
}

export interface TaskEntry {
  id: string;
  taskCode: string;
  titleRu?: string | null;
  points: number;
  clientId?: string | null;
  clientName?: string | null;
  minutes?: number | null;
}

export interface CreateTaskBody {
  taskCode: string;
  clientId?: string;
  clientName?: string;
  minutes?: number;
  note?: string;
  requestId: string;
}

/** Lower case, ё as е, punctuation as spaces: «Звонок клиенту (исх.)» → «звонок клиенту исх». */
export function normalise(text: string): string {
  return text
    .toLocaleLowerCase('ru-RU')
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

/**
 * A task matches when the query is the start of its code («2», «2.», «2.4»), or when every word of the
 * query is found in the title (case-insensitive, ё = е; «клиент» finds «клиентам»). Catalog order is kept.
 */
export function searchCatalog(tasks: readonly CatalogTask[], query: string): CatalogTask[] {
  const q = normalise(query);
  if (!q) return [...tasks];
  const words = q.split(' ').filter(Boolean);
  return tasks.filter((task) => {
    if (task.code.toLowerCase().startsWith(q)) return true;
    const title = ` ${normalise(task.title)} ${normalise(task.category ?? '')}`;
    return words.every((w) => (/^\d/.test(w) ? task.code.startsWith(w) || title.includes(w) : title.includes(w)));
  });
}

/** «балл / балла / баллов» for whole numbers; a fraction takes «балла» (2,5 балла). */
export function pointsWord(points: number): string {
  const forms = t('plural.points').split('|');
  if (!Number.isInteger(points) && forms.length >= 3) return forms[1];
  return plural(points, forms);
}

export function pointsText(points: number): string {
  return `${formatNumber(points, 2)}\u00a0${pointsWord(points)}`;
}

/** Fulfilment as a fraction. The API gives a ratio (0.85); a value given in percent (85) is read as such too. */
export function fulfilmentRatio(month: Pick<MyMonth, 'fulfilment' | 'points' | 'plan' | 'bands'>): number {
  const value = Number(month.fulfilment);
  if (!Number.isFinite(value)) return month.plan > 0 ? month.points / month.plan : 0;
  const topThreshold = Math.max(0, ...(month.bands ?? []).map((b) => b.minFulfilment));
  const percentScale = topThreshold > 5 || (topThreshold === 0 && value > 5);
  return percentScale ? value / 100 : value;
}

/** Band thresholds as fractions, whatever scale the API wrote them in. */
function thresholdRatio(month: Pick<MyMonth, 'bands'>, min: number): number {
  const top = Math.max(0, ...(month.bands ?? []).map((b) => b.minFulfilment));
  return top > 5 ? min / 100 : min;
}

/** «85 %». */
export function fulfilmentPercent(month: Pick<MyMonth, 'fulfilment' | 'points' | 'plan' | 'bands'>): string {
  return `${formatNumber(fulfilmentRatio(month) * 100, 1)}\u00a0%`;
}

/** The next band and the points to it: the API's answer, else from the band thresholds. */
export function nextBandOf(month: MyMonth): { band: string; points: number | null } | null {
  if (month.nextBand) return { band: month.nextBand, points: month.pointsToNextBand ?? computeToNext(month, month.nextBand) };
  if (month.nextBand === null) return null;
  const bands = [...(month.bands ?? [])].sort((a, b) => a.minFulfilment - b.minFulfilment);
  const ratio = fulfilmentRatio(month);
  const next = bands.find((b) => thresholdRatio(month, b.minFulfilment) > ratio);
  return next ? { band: next.band, points: computeToNext(month, next.band) } : null;
}

function computeToNext(month: MyMonth, band: string): number | null {
  const threshold = month.bands?.find((b) => b.band === band);
  if (!threshold || !(month.plan > 0)) return null;
  const needed = Math.ceil(thresholdRatio(month, threshold.minFulfilment) * month.plan * 100 - 1e-9) / 100;
  return Math.max(0, Math.round((needed - month.points) * 100) / 100);
}

/** «Сейчас: B, до A осталось 38 баллов»; at the top band «Сейчас: A — высшая оценка». */
export function bandText(month: MyMonth): string {
  const next = nextBandOf(month);
  if (!next) return t('task.month.topBand', { band: month.band });
  if (next.points === null) return t('task.month.band', { band: month.band });
  return t('task.month.toNext', { band: month.band, next: next.band, points: pointsText(next.points) });
}

/** «Записано: 2.6 Звонок клиенту, +2 балла». */
export function loggedText(entry: TaskEntry, catalog: readonly CatalogTask[]): string {
  const title = entry.titleRu ?? catalog.find((c) => c.code === entry.taskCode)?.title ?? '';
  return t('task.logged', { code: entry.taskCode, title, points: pointsText(entry.points) });
}

export interface TaskDraft {
  taskCode: string;
  clientId: string | null;
  clientName: string;
  minutes: string;
  note: string;
}

/** Checks the fields the API would refuse (minutes 1…720, note up to 500, client name up to 200). */
export function validateTask(draft: TaskDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.taskCode) errors.taskCode = t('task.error.pick');
  const minutes = draft.minutes.trim();
  if (minutes && (!/^\d+$/.test(minutes) || Number(minutes) < 1 || Number(minutes) > 720)) errors.minutes = t('task.error.minutes');
  if (draft.note.length > 500) errors.note = t('task.error.note');
  if (draft.clientName.trim().length > 200) errors.clientName = t('task.error.clientName');
  return errors;
}

export function buildTaskBody(draft: TaskDraft, requestId: string): CreateTaskBody {
  const body: CreateTaskBody = { taskCode: draft.taskCode, requestId };
  const name = draft.clientName.trim();
  if (draft.clientId && name) body.clientId = draft.clientId;
  if (name) body.clientName = name;
  if (draft.minutes.trim()) body.minutes = Number(draft.minutes.trim());
  if (draft.note.trim()) body.note = draft.note.trim();
  return body;
}
