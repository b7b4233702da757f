using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;

namespace OfficeFlow.Tests.Invoices;

/// <summary>Builds invoices for the pure-logic tests.</summary>
internal static class InvoiceSamples
{
    public static readonly DateTimeOffset Created = new(2026, 11, 2, 7, 0, 0, TimeSpan.Zero);

    public static Invoice Draft(decimal price = 1000m, string clientId = "c1", string clientName = "ООО Ромашка", params InvoiceLine[] lines) => new()
    {
        Id = "2026-0001",
        Year = 2026,
        Number = 1,
        ClientId = clientId,
        ClientName = clientName,
        IssueDate = new DateOnly(2026, 11, 2),
        DueDate = new DateOnly(2026, 11, 12),
        Lines = lines.Length > 0 ? lines : [new InvoiceLine("Сопровождение 1С", 1, "мес", price, VatRate.Vat22, LineKind.Subscription)],
        CreatedBy = "manager-1",
        CreatedAt = Created,
    };

    public static Invoice Issued(decimal price = 1000m, string clientId = "c1", string clientName = "ООО Ромашка", DateOnly? due = null)
    {
        var issued = Draft(price, clientId, clientName) with { IssuedAt = Created };
        return due is DateOnly d ? issued with { DueDate = d } : issued;
    }

    public static Payment Pay(decimal amount, DateOnly? date = null, string id = "p1") =>
        new(id, "2026-0001", date ?? new DateOnly(2026, 11, 5), amount, "123", null, "accountant-1", Created);
}
