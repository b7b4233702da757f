// Every failure the panes show goes through here: the API's ProblemDetails (already in Russian,
// e.g. «Оплата больше остатка») are shown as they are; statuses without a useful text get ours,
// each with the next step. Technical text (stack traces, type names) never reaches the user.
import { t } from '../i18n/i18n';

export interface ProblemDetails {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly problem?: ProblemDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The session is gone: the pane shows the sign-in, not a blank page. */
  get needsSignIn(): boolean {
    return this.status === 401;
  }

  get isConflict(): boolean {
    return this.status === 409 || this.status === 412;
  }
}

/** Status 0 is a network failure, -1 a time-out. */
export function toApiError(status: number, problem?: ProblemDetails | null): ApiError {
  const fieldErrors = normaliseFieldErrors(problem?.errors);
  return new ApiError(status, messageFor(status, problem, fieldErrors), fieldErrors, problem ?? undefined);
}

function messageFor(status: number, problem: ProblemDetails | null | undefined, fields: Record<string, string[]>): string {
  if (status === 0) return t('error.network');
  if (status === -1) return t('error.timeout');
  if (status === 401) return t('error.401');
  if (status === 412) return t('error.412');
  if (status === 429) return t('error.429');
  if (status >= 500) return t('error.5xx');
  const server = [problem?.title, problem?.detail].filter(isHumanText);
  // The API's field messages name the field in Russian («ИНН должен содержать…»); the JSON key is not for people.
  const fieldLines = Object.values(fields).flatMap((messages) => messages.filter(isHumanText));
  if (server.length > 0 || fieldLines.length > 0) {
    // A validation title alone («Счёт не выставлен») says little; the field messages say what to fix.
    return [...server, ...fieldLines].map(sentence).join(' ');
  }
  if (status === 403) return t('error.403');
  if (status === 404) return t('error.404');
  if (status === 409) return t('error.409');
  if (status === 413) return t('error.413');
  return t('error.unknown');
}

/** «Реквизиты принадлежат другому клиенту» + detail reads as two sentences, not one run-on line. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…»)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The API speaks Russian to people; what it says in English (ASP.NET's default titles such as
 * "One or more validation errors occurred.", the auth layer's "Sign-in required", exception text)
 * is for developers, so only Russian text without stack traces is shown.
 */
function isHumanText(text: string | undefined): text is string {
  if (!text || !/[А-Яа-яЁё]/.test(text)) return false;
  return !/(Exception|System\.|Microsoft\.|   at )/.test(text);
}

/** Field keys as the panes' forms name them: "$.from" / "From" / "items[0].price" → "from" / "items[0].price". */
function normaliseFieldErrors(errors: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const name = key.replace(/^\$\.?/, '');
    const normal = name.length > 0 ? name[0].toLowerCase() + name.slice(1) : name;
    result[normal] = [...(result[normal] ?? []), ...messages];
  }
  return result;
}
