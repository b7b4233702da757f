using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Grades.Policy;
using OfficeFlow.Functions.Grades.Workbook;

namespace OfficeFlow.Functions.Grades;

/// <summary>A month's grades and its workbook from the stored ledger: what the API, the timer and the CLI share.</summary>
public class GradesService(LedgerStore ledger, PolicyLibrary policies, GradesStaff staff, GradesSettings settings, TimeProvider time, GradesInvoices invoices, IClientNames clients)
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
        var names = await ClientNamesAsync(entries, cancellationToken);
        using var buffer = new MemoryStream();
        GradesWorkbookWriter.Write(buffer, grades, entries, settings.Zone, new GradesWorkbookOptions { Invoices = register, ClientNames = names });
        return (grades, buffer.ToArray());
    }

    /// <summary>
    /// The month's formula sheets for the Excel add-in, built by the code that writes the workbook's, with sheet names
    /// that carry the month; and the number of Tasks rows. Costs what the workbook does, less the invoice register.
    /// </summary>
    public async Task<MonthSheetsResult> SheetsAsync(GradesMonth month, CancellationToken cancellationToken = default)
    {
        var (grades, entries) = await ComputeAsync(month, cancellationToken);
        var names = SheetNames.ForMonth(month.ToString());
        return new MonthSheetsResult(grades, names, MonthSheets.Build(grades, settings.Zone, names), TaskRows.Of(grades, entries, settings.Zone).Count());
    }

    /// <summary>
    /// One page of the Tasks sheet's rows, in the workbook's order (time, then id).
    /// Cost per call: one query of the month's ledger partition, read whole because Table Storage cannot start a query
    /// at a position in time order (row keys are hashes), then one pass that resolves each entry against the policy and
    /// keeps only the page. No grades are computed and no invoices are read. Paging n entries by k reads the partition
    /// n/k times (50 000 entries in pages of 10 000: five reads); memory holds the month's entries plus one page.
    /// </summary>
    public async Task<(int Total, IReadOnlyList<TaskRow> Rows)> TaskRowsAsync(GradesMonth month, int skip, int take, CancellationToken cancellationToken = default)
    {
        var entries = await ledger.ReadMonthAsync(month, cancellationToken);
        var graded = GradesCalculator.EmployedIn(staff.Employees, month);
        var names = await ClientNamesAsync(entries, cancellationToken);
        var page = new List<TaskRow>(Math.Min(take, entries.Count));
        var total = 0;
        foreach (var row in TaskRows.Of(month, policies.For(month), graded, entries, settings.Zone, names))
        {
            if (total >= skip && page.Count < take)
            {
                page.Add(row);
            }

            total++;
        }

        return (total, page);
    }

    /// <summary>Names for the clients that entries carry only by id (invoices, payments, reminders): one read per distinct client.</summary>
    private Task<IReadOnlyDictionary<string, string>> ClientNamesAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken) =>
        clients.NamesAsync(entries.Where(e => e.ClientName is null && e.ClientId is not null).Select(e => e.ClientId!).ToHashSet(StringComparer.Ordinal), cancellationToken);

    public static string WorkbookFileName(GradesMonth month) => $"grades-{month}.xlsx";
}

/// <summary>The month's grades, the sheet names used, its formula sheets and how many rows its Tasks sheet has.</summary>
public sealed record MonthSheetsResult(MonthGrades Grades, SheetNames Names, MonthSheets Sheets, int TaskRows);
