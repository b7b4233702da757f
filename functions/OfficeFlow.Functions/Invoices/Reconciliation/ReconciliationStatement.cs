using System.Globalization;
using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Functions.Invoices.Reconciliation;

/// <summary>One row of the statement: an invoice (debit — the client owes more) or a payment (credit).</summary>
public sealed record ReconciliationEntry(DateOnly Date, string Document, decimal Debit, decimal Credit);

/// <summary>
/// The reconciliation statement (акт сверки взаимных расчётов) between the firm and a client for a period, from
/// the firm's side: opening balance, the period's invoices and payments in date order, the turnover of each side
/// and the closing balance. A positive balance means the client owes the firm. Issued, not cancelled invoices
/// count on their issue date with their total; live payments count on their date.
/// </summary>
public sealed record ReconciliationStatement(
    string ClientId,
    string ClientName,
    DateOnly From,
    DateOnly To,
    decimal Opening,
    IReadOnlyList<ReconciliationEntry> Entries,
    decimal DebitTurnover,
    decimal CreditTurnover,
    decimal Closing)
{
    public static ReconciliationStatement Build(
        string clientId, string clientName, DateOnly from, DateOnly to, IEnumerable<(Invoice Invoice, IReadOnlyList<Payment> Payments)> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        if (to < from)
        {
            throw new InvoiceRuleException(InvoiceRuleKind.Invalid, "period", "Конец периода раньше начала: укажите from ≤ to.");
        }

        var movements = new List<(ReconciliationEntry Entry, int Order)>();
        foreach (var (invoice, payments) in invoices)
        {
            if (invoice.ClientId != clientId || invoice.IssuedAt is null || invoice.CancelledAt is not null)
            {
                continue;
            }

            movements.Add((new ReconciliationEntry(invoice.IssueDate, $"Счёт № {invoice.Number} от {Russian(invoice.IssueDate)}", invoice.Total, 0m), 0));
            foreach (var payment in payments.Where(p => !p.IsCancelled))
            {
                var order = string.IsNullOrEmpty(payment.OrderNumber) ? "" : $" (п/п № {payment.OrderNumber})";
                movements.Add((new ReconciliationEntry(payment.Date, $"Оплата{order} от {Russian(payment.Date)} по счёту № {invoice.Number}", 0m, payment.Amount), 1));
            }
        }

        var opening = movements.Where(m => m.Entry.Date < from).Sum(m => m.Entry.Debit - m.Entry.Credit);
        var inPeriod = movements
            .Where(m => m.Entry.Date >= from && m.Entry.Date <= to)
            .OrderBy(m => m.Entry.Date)
            .ThenBy(m => m.Order)
            .ThenBy(m => m.Entry.Document, StringComparer.Ordinal)
            .Select(m => m.Entry)
            .ToList();
        var debit = inPeriod.Sum(e => e.Debit);
        var credit = inPeriod.Sum(e => e.Credit);
        return new ReconciliationStatement(clientId, clientName, from, to, opening, inPeriod, debit, credit, opening + debit - credit);
    }

    private static string Russian(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
