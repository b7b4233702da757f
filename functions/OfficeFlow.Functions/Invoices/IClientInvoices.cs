using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Functions.Invoices;

/// <summary>An invoice the client still has to pay, as the client card lists it: number and status as the invoice API
/// gives them (2, <c>partlyPaid</c>), plus the Russian <see cref="StatusLabel"/> to show.</summary>
public sealed record OpenInvoiceSummary(string Id, int Number, DateOnly IssueDate, DateOnly DueDate, decimal Total, decimal Balance, string Status, string StatusLabel, int DaysOverdue);

/// <summary>
/// The open invoices of a client, for other capabilities (the contacts capability's client card). Invoices owns
/// its tables and the meaning of "open" and "overdue", so the query lives here.
/// </summary>
public interface IClientInvoices
{
    /// <summary>Issued, sent or partly paid invoices with a balance, most overdue first, with days overdue as of today (<c>Invoices:TimeZone</c>).</summary>
    Task<IReadOnlyList<OpenInvoiceSummary>> OpenForClientAsync(string clientId, CancellationToken cancellationToken = default);
}

/// <summary><see cref="IClientInvoices"/> over <see cref="InvoiceService"/>.</summary>
public sealed class OpenInvoicesByClient(InvoiceService invoices) : IClientInvoices
{
    public async Task<IReadOnlyList<OpenInvoiceSummary>> OpenForClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var today = invoices.Today;
        var all = await invoices.ListAsync(clientId, null, cancellationToken).ConfigureAwait(false);
        return all.Where(i => i.IsOpen)
            .Select(i => new OpenInvoiceSummary(i.Id, i.Number, i.IssueDate, i.DueDate, i.Total, i.Balance,
                i.Status.ApiName(), i.Status.Label(), i.DaysOverdue(today)))
            .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.DueDate)
            .ToList();
    }
}
