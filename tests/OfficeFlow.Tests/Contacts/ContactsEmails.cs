using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Matching;

namespace OfficeFlow.Tests.Contacts;

/// <summary>Messages for endpoint tests, built like the Outlook add-in sends them.</summary>
internal static class ContactsEmails
{
    public static readonly MailParty Manager = new("Мария Кузнецова", "m.kuznetsova@" + ContactsTestHost.OwnDomain);

    public static LogEmailRequest FromClient(string address, string name, string signature, string? messageId = null, DateTimeOffset? sentAt = null, string subject = "Счёт на продление") => new()
    {
        InternetMessageId = messageId ?? $"<{Guid.NewGuid():N}@mail.test>",
        From = new MailParty(name, address),
        To = [Manager],
        Subject = subject,
        SentAt = sentAt ?? new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(3)),
        BodyText = "Добрый день!\nПросим выставить счёт на продление подписки.\n\nС уважением,\n" + signature + "\n",
    };

    public const string RomashkaSignature = "Иван Петров\nМенеджер по закупкам\nООО «Ромашка»\nИНН 7707083893\nТел.: +7 (495) 123-45-67 доб. 215";
}
