using System.Globalization;
using System.Net;
using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Functions.Invoices.Reminders;

/// <summary>
/// The Russian reminder text. Placeholders in {braces} are filled with the invoice's details, each HTML-encoded:
/// {client}, {number}, {issueDate}, {dueDate}, {total}, {balance}, {daysOverdue}, {firm}. Three tones: before the
/// due date (a friendly note), the first step after it (a reminder), later steps (asking for a payment date).
/// </summary>
public static class ReminderMailTemplate
{
    public const string BeforeDueSubject = "Напоминание: срок оплаты счёта № {number} — {dueDate}";
    public const string BeforeDueBody =
        "<p>Здравствуйте, {client}!</p>" +
        "<p>Напоминаем, что {dueDate} наступает срок оплаты счёта № {number} от {issueDate} на сумму {total}. " +
        "К оплате: {balance}.</p>" +
        "<p>Если счёт уже оплачен, пожалуйста, не обращайте внимания на это письмо.</p>" +
        "<p>С уважением,<br/>{firm}</p>";

    public const string OverdueSubject = "Счёт № {number} от {issueDate}: срок оплаты прошёл";
    public const string OverdueBody =
        "<p>Здравствуйте, {client}!</p>" +
        "<p>Срок оплаты счёта № {number} от {issueDate} истёк {dueDate} (просрочка {daysOverdue} дн.). " +
        "Остаток к оплате: {balance}.</p>" +
        "<p>Просим оплатить счёт или сообщить, когда ожидать оплату. Если оплата уже отправлена, пришлите, пожалуйста, номер платёжного поручения.</p>" +
        "<p>С уважением,<br/>{firm}</p>";

    public const string EscalatedSubject = "Повторно: счёт № {number} не оплачен, просрочка {daysOverdue} дн.";
    public const string EscalatedBody =
        "<p>Здравствуйте, {client}!</p>" +
        "<p>Мы уже напоминали об оплате счёта № {number} от {issueDate}. Срок оплаты истёк {dueDate}, " +
        "просрочка составляет {daysOverdue} дн., остаток к оплате — {balance}.</p>" +
        "<p>Пожалуйста, согласуйте с нами дату оплаты ответом на это письмо.</p>" +
        "<p>С уважением,<br/>{firm}</p>";

    /// <summary>The subject and HTML body for the step; <paramref name="firstAfterDue"/> picks the milder overdue text.</summary>
    public static (string Subject, string Html) Render(Invoice invoice, ReminderStep step, bool firstAfterDue, DateOnly today, string firm)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var (subject, body) = step.IsBeforeDue || step.OffsetDays == 0 ? (BeforeDueSubject, BeforeDueBody)
            : firstAfterDue ? (OverdueSubject, OverdueBody)
            : (EscalatedSubject, EscalatedBody);
        var values = new Dictionary<string, string>
        {
            ["{client}"] = invoice.ClientName,
            ["{number}"] = invoice.Number.ToString(CultureInfo.InvariantCulture),
            ["{issueDate}"] = RussianDate(invoice.IssueDate),
            ["{dueDate}"] = RussianDate(invoice.DueDate),
            ["{total}"] = InvoiceLifecycle.Rub(invoice.Total),
            ["{balance}"] = InvoiceLifecycle.Rub(invoice.Balance),
            ["{daysOverdue}"] = invoice.DaysOverdue(today).ToString(CultureInfo.InvariantCulture),
            ["{firm}"] = firm,
        };
        return (Fill(subject, values, encode: false), Fill(body, values, encode: true));
    }

    public static string RussianDate(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Fill(string template, Dictionary<string, string> values, bool encode)
    {
        foreach (var (key, value) in values)
        {
            template = template.Replace(key, encode ? WebUtility.HtmlEncode(value) : value, StringComparison.Ordinal);
        }

        return template;
    }
}
