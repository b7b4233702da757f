using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Workbook;
using OfficeFlow.Functions.Invoices;

namespace OfficeFlow.Functions.Grades;

/// <summary>
/// What Grades takes from the invoices capability: the month's volume for the head's scheme and the invoice
/// register at month end for the workbook's Счета sheet. Shared by the API, the monthly timer and the CLI.
/// </summary>
public sealed class GradesInvoices(InvoicesReports reports)
{
    /// <summary>
    /// The month's inputs with the volume filled in from invoices (accepted, else fully paid, in the month; net of
    /// VAT). An explicit volume in the month's input (Grades:Months:yyyy-MM) wins, so the firm can still override it.
    /// </summary>
    public async Task<MonthInputs> WithVolumeAsync(MonthInputs given, GradesMonth month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (given.VolumeGiven)
        {
            return given;
        }

        var volume = await reports.GetMonthVolumeAsync(month.Year, month.Month, cancellationToken).ConfigureAwait(false);
        return given with { SubscriptionVolume = volume.SubscriptionNet, OneOffVolume = volume.OneOffNet };
    }

    /// <summary>The register (with what was paid and days overdue) as it stood at the end of the month's last day.</summary>
    public Task<IReadOnlyList<InvoiceRegisterRow>> RegisterAsync(GradesMonth month, CancellationToken cancellationToken = default) =>
        reports.GetRegisterAsync(month.LastDay, cancellationToken);
}
