using OfficeFlow.Functions.Invoices.Reminders;

namespace OfficeFlow.Tests.Invoices;

public class ReminderMailTemplateTests
{
    [Fact]
    public void Render_Overdue_CarriesTheInvoiceDetailsInRussian()
    {
        var invoice = InvoiceSamples.Issued(1234.5m, clientName: "ООО \"Ромашка\" <&>", due: new DateOnly(2026, 11, 12)) with { Paid = 234.5m };

        var (subject, html) = ReminderMailTemplate.Render(invoice, new ReminderStep(1), firstAfterDue: true, new DateOnly(2026, 11, 19), "ООО Софт");

        Assert.Equal("Счёт № 1 от 02.11.2026: срок оплаты прошёл", subject);
        Assert.Contains("истёк 12.11.2026 (просрочка 7 дн.)", html);
        Assert.Contains("Остаток к оплате: 1 000,00 ₽", html);
        Assert.Contains("ООО &quot;Ромашка&quot; &lt;&amp;&gt;", html);
        Assert.Contains("ООО Софт", html);
    }

    [Fact]
    public void Render_BeforeDueAndEscalated_UseTheirOwnTone()
    {
        var invoice = InvoiceSamples.Issued(100m, due: new DateOnly(2026, 11, 12));

        var before = ReminderMailTemplate.Render(invoice, new ReminderStep(-3), false, new DateOnly(2026, 11, 9), "Ф");
        var later = ReminderMailTemplate.Render(invoice, new ReminderStep(14), false, new DateOnly(2026, 11, 26), "Ф");

        Assert.StartsWith("Напоминание: срок оплаты", before.Subject);
        Assert.DoesNotContain("{", before.Html + later.Html);
        Assert.Equal("Повторно: счёт № 1 не оплачен, просрочка 14 дн.", later.Subject);
    }
}
