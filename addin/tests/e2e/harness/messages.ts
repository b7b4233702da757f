// Realistic messages for the end-to-end tests: what Outlook hands the add-in (the fake Office.js
// item) and what a manager would paste in a plain browser.
//
// The signature follows the shapes the back end is known to extract (tests/OfficeFlow.Tests/Contacts:
// ContactsEmails.RomashkaSignature, corpus 14 "outlook-html-ru-reply" and 26 "inn-kpp-inline").
// INN 7725418366 is valid: 10 digits, check digit = Σ(dᵢ·wᵢ) mod 11 mod 10 with weights
// 2 4 10 3 5 9 4 6 8 (Contacts/Extraction/RussianTaxIds.cs) — an invalid one would be dropped.

/** The firm's manager who receives the mail (the signed-in user of the tests). */
export const manager = { displayName: 'Мария Кузнецова', emailAddress: 'm.kuznetsova@bizsoft-firm.ru' } as const;

export const romashka = {
  company: 'Ромашка',
  legalForm: 'ООО',
  displayName: 'ООО «Ромашка»',
  inn: '7725418366',
  kpp: '772501001',
  domain: 'romashka-soft.ru',
  contactName: 'Иван Петров',
  contactAddress: 'ivan.petrov@romashka-soft.ru',
  position: 'Руководитель отдела ИТ',
  phone: '+7 (495) 123-45-67 доб. 215',
  phoneE164: '+74951234567;ext=215',
} as const;

/** The item as the fake Office.js takes it (see fake-office.js). */
export interface FakeMailItem {
  itemId?: string;
  internetMessageId?: string;
  subject?: string;
  from?: { displayName: string; emailAddress: string };
  to?: { displayName: string; emailAddress: string }[];
  cc?: { displayName: string; emailAddress: string }[];
  dateTimeCreated?: string;
  body?: { text?: string; html?: string };
}

export const licenceSubject = 'Продление лицензий 1С:Предприятие на 2027 год';

export const licenceBodyText = [
  'Мария, добрый день!',
  '',
  'Срок наших лицензий 1С:Предприятие 8 (10 рабочих мест) истекает 31 декабря.',
  'Просим подготовить договор на продление на 2027 год и выставить счёт, оплату проведём до 20 декабря.',
  'Если можно, добавьте ещё 2 рабочих места для нового отдела.',
  '',
  'С уважением,',
  romashka.contactName,
  romashka.position,
  `${romashka.legalForm} «${romashka.company}»`,
  `ИНН ${romashka.inn}  КПП ${romashka.kpp}`,
  `Тел.: ${romashka.phone}`,
  'Моб.: +7 916 555-12-34',
  `www.${romashka.domain}`,
  '',
].join('\n');

/** Outlook desktop HTML: MsoNormal paragraphs, entities, the signature in one <br>-separated paragraph. */
export const licenceBodyHtml =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">' +
  '<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style></head>' +
  '<body lang="RU" link="#0563C1"><div class="WordSection1">' +
  '<p class="MsoNormal">Мария, добрый день!<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>' +
  '<p class="MsoNormal">Срок наших лицензий 1С:Предприятие 8 (10 рабочих мест) истекает 31 декабря.<o:p></o:p></p>' +
  '<p class="MsoNormal">Просим подготовить договор на продление на 2027 год и выставить счёт, оплату проведём до 20 декабря.<o:p></o:p></p>' +
  '<p class="MsoNormal">Если можно, добавьте ещё 2 рабочих места для нового отдела.<o:p></o:p></p>' +
  '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>' +
  `<p class="MsoNormal">С уважением,<br>${romashka.contactName}<br>${romashka.position}<br>` +
  `${romashka.legalForm} &laquo;${romashka.company}&raquo;<br>ИНН&nbsp;${romashka.inn}&nbsp; КПП&nbsp;${romashka.kpp}<br>` +
  'Тел.:&nbsp;+7 (495) 123-45-67 доб. 215<br>Моб.:&nbsp;+7 916 555-12-34<br>' +
  `<a href="http://www.${romashka.domain}">www.${romashka.domain}</a><o:p></o:p></p>` +
  '</div></body></html>';

let counter = 0;

/** A fresh Internet message id (each call a different message, so each is logged anew). */
export function newMessageId(tag = 'licence'): string {
  counter += 1;
  return `<${tag}.${Date.now().toString(36)}.${process.pid}.${counter}@${romashka.domain}>`;
}

/** Outlook's EWS-style item id (has "/" and "+": convertToRestId must turn them into "-" and "_"). */
export function newItemId(): string {
  const random = Array.from({ length: 24 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[Math.floor(Math.random() * 64)]).join('');
  return `AAMkADU3ZjkyLTk0YzQtNDI/${random}AAA=`;
}

/** Ivan Petrov's licence request, as the open Outlook item. */
export function licenceRequest(overrides: Partial<FakeMailItem> = {}): FakeMailItem {
  return {
    itemId: newItemId(),
    internetMessageId: newMessageId(),
    subject: licenceSubject,
    from: { displayName: romashka.contactName, emailAddress: romashka.contactAddress },
    to: [{ ...manager }],
    cc: [],
    dateTimeCreated: '2026-11-27T09:41:00+03:00',
    body: { text: licenceBodyText, html: licenceBodyHtml },
    ...overrides,
  };
}

/** A different sender of the same client (matched by domain), for a pane that follows the selection. */
export function accountantNote(overrides: Partial<FakeMailItem> = {}): FakeMailItem {
  const text = 'Добрый день!\n\nНаправляем акт сверки за ноябрь, просим подписать.\n\nС уважением,\nАнна Сергеева\nглавный бухгалтер\n';
  return {
    itemId: newItemId(),
    internetMessageId: newMessageId('akt'),
    subject: 'Акт сверки за ноябрь',
    from: { displayName: 'Анна Сергеева', emailAddress: `buh@${romashka.domain}` },
    to: [{ ...manager }],
    cc: [],
    dateTimeCreated: '2026-11-28T11:05:00+03:00',
    body: { text },
    ...overrides,
  };
}

/** What a manager pastes into the plain-browser page (a second client, so the test stands alone). */
export const pastedEmail = {
  fromAddress: 'o.smirnova@tehnoresurs.ru',
  fromName: 'Ольга Смирнова',
  subject: 'Счёт на сопровождение',
  body:
    'Добрый день!\nПросим выставить счёт на сопровождение 1С за декабрь.\n\nС уважением,\nОльга Смирнова\nГлавный бухгалтер\nАО «Техноресурс»\nИНН 5029173647\nТел.: +7 (495) 765-43-21\n',
  company: 'Техноресурс',
  displayName: 'АО «Техноресурс»',
} as const;
