using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Grades.Policy;
using OfficeFlow.Functions.Grades.Workbook;

namespace OfficeFlow.Functions.Grades;

/// <summary>A month's grades and its workbook from the stored ledger: what the API, the timer and the CLI share.</summary>
public class GradesService(LedgerStore ledger, PolicyLibrary policies, GradesStaff staff, GradesSettings settings, TimeProvider time, GradesInvoices invoices)
{
    public GradesSettings Settings => settings;

    /// <summary>The month that is still open for manual entries: the current month in the firm's time zone.</summary>
    public GradesMonth OpenMonth => GradesMonth.Of(time.GetUtcNow(), settings.Zone);

    public GradesPolicy PolicyFor(GradesMonth month) => policies.For(month);

    public bool HasPolicy(GradesMonth month) => policies.Covers(month);

    public TimeProvider Time => time;

    public async Task<(MonthGrades Grades, IReadOnlyList<LedgerEntry> Entries)> ComputeAsync(GradesMonth month, CancellationToken cancellationToken = default)
    {
        var entries = await ledger.ReadMonthAsync(month, cancellationToken);
        var inputs = await invoices.WithVolumeAsync(settings.InputsFor(month), month, cancellationToken);
        var grades = GradesCalculator.Compute(month, policies.For(month), staff.Employees, entries, inputs, settings.Zone);
        return (grades, entries);
    }

    /// <summary>The month's workbook as bytes; the same ledger gives the same bytes.</summary>
    public async Task<(MonthGrades Grades, byte[] Workbook)> WorkbookAsync(GradesMonth month, CancellationToken cancellationToken = default)
    {
        var (grades, entries) = await ComputeAsync(month, cancellationToken);
        var register = await invoices.RegisterAsync(month, cancellationToken);
        using var buffer = new MemoryStream();
        GradesWorkbookWriter.Write(buffer, grades, entries, settings.Zone, new GradesWorkbookOptions { Invoices = register });
        return (grades, buffer.ToArray());
    }

    public static string WorkbookFileName(GradesMonth month) => $"grades-{month}.xlsx";
}
