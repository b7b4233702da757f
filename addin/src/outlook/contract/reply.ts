// The reply that carries the contract: short, in the pane's language, with the contract's number.
import { t } from '../../i18n/i18n';
import { escapeHtml } from './files';

export function replyHtml(number: string): string {
  return [
    `<p>${escapeHtml(t('contract.replyGreeting'))}</p>`,
    `<p>${escapeHtml(t('contract.replyBody', { number }))}</p>`,
    `<p>${escapeHtml(t('contract.replyThanks'))}</p>`,
  ].join('');
}
