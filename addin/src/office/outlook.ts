// Outlook's notification bar and reply form.
import { officeAsync } from './host';

const notificationKey = 'officeflow';

export type NotificationKind = 'info' | 'error';

/** Replaces OfficeFlow's notification on the open message (informational messages need an icon and persistent flag). */
export async function notify(kind: NotificationKind, message: string): Promise<void> {
  const item = Office.context.mailbox.item as Office.MessageRead;
  // Outlook limits a notification to 150 characters.
  const text = message.length > 150 ? message.slice(0, 149) + '…' : message;
  const details: Office.NotificationMessageDetails =
    kind === 'error'
      ? { type: Office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message: text }
      : { type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: text, icon: 'Icon.16x16', persistent: false };
  await officeAsync<void>((cb) => item.notificationMessages.replaceAsync(notificationKey, details, cb));
}

/** Opens a reply with the document attached (Mailbox 1.15: base64 attachments). */
export async function replyWithAttachment(fileName: string, base64: string, htmlBody: string): Promise<void> {
  const item = Office.context.mailbox.item as Office.MessageRead;
  const form = { htmlBody, attachments: [{ type: 'base64', name: fileName, base64file: base64 }] } as unknown as Office.ReplyFormData;
  if (typeof item.displayReplyFormAsync === 'function') {
    await officeAsync<void>((cb) => item.displayReplyFormAsync(form, cb));
  } else {
    item.displayReplyForm(form);
  }
}
