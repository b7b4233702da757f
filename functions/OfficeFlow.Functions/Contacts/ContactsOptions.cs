namespace OfficeFlow.Functions.Contacts;

/// <summary>Settings of the Contacts capability (configuration section "Contacts").</summary>
public sealed class ContactsOptions
{
    public const string Section = "Contacts";

    /// <summary>Public mail services: a sender there is a person, never a company's domain. Default: the common Russian and international ones.</summary>
    public List<string> FreeMailDomains { get; set; } =
    [
        "mail.ru", "bk.ru", "list.ru", "inbox.ru", "internet.ru", "yandex.ru", "ya.ru", "yandex.com", "yandex.by", "yandex.kz",
        "rambler.ru", "lenta.ru", "autorambler.ru", "ro.ru", "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
        "msn.com", "icloud.com", "me.com", "mac.com", "yahoo.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "zoho.com",
    ];

    /// <summary>The firm's own domains: mail among colleagues is not a client contact. Default: none.</summary>
    public List<string> OwnDomains { get; set; } = [];

    /// <summary>Addresses ("noreply@bank.ru") or whole domains ("bank.ru") never logged. Default: none.</summary>
    public List<string> NeverLog { get; set; } = [];

    /// <summary>How far back the first mailbox sync reads. Default 14 days.</summary>
    public int SyncLookbackDays { get; set; } = 14;

    /// <summary>The employee (user id) whose grades get task 5.5 for messages the mailbox sync logs. Default none: the sync records no tasks.</summary>
    public string? SyncEmployeeId { get; set; }

    /// <summary>How long the interaction snippet is. Default 280 characters.</summary>
    public int SnippetLength { get; set; } = 280;
}
