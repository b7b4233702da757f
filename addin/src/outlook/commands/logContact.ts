// «Записать контакт»: the open message goes to POST /api/contacts/log-email, and the outcome
// becomes one line a manager understands.
import { post } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { LogEmailOutcome, LogEmailRequest } from '../../api/types';
import { getAccessToken } from '../../auth/session';
import { t } from '../../i18n/i18n';

export interface LogContactResult {
  kind: 'info' | 'error';
  message: string;
  outcome?: LogEmailOutcome;
}

export function describeOutcome(outcome: LogEmailOutcome): LogContactResult {
  const client = outcome.client?.displayName;
  const contact = outcome.contact?.name || outcome.contact?.emails?.[0] || '';
  switch (outcome.status) {
    case 'Logged':
      return {
        kind: 'info',
        outcome,
        message: client
          ? t('logContact.logged', { client, contact }) + (outcome.clientCreated ? t('logContact.clientCreated') : '')
          : t('logContact.loggedNoClient', { contact }),
      };
    case 'AlreadyLogged':
      return { kind: 'info', outcome, message: client ? t('logContact.alreadyWith', { client }) : t('logContact.already') };
    default:
      return { kind: 'info', outcome, message: t('logContact.notLogged', { reason: outcome.reason ?? '' }) };
  }
}

export function describeFailure(error: unknown): LogContactResult {
  if (error instanceof ApiError && error.needsSignIn) return { kind: 'error', message: t('logContact.signIn') };
  const message = error instanceof ApiError ? error.message : t('error.unknown');
  return { kind: 'error', message: t('logContact.failed', { message }) };
}

/** Logs a message and always resolves with what to tell the manager (never throws). */
export async function logEmail(read: () => Promise<LogEmailRequest>): Promise<LogContactResult> {
  try {
    if (!(await getAccessToken())) return { kind: 'error', message: t('logContact.signIn') };
    const request = await read();
    return describeOutcome(await post<LogEmailOutcome>('contacts/log-email', request));
  } catch (error) {
    return describeFailure(error);
  }
}
