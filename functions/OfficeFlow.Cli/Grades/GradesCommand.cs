using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Grades.Policy;
using OfficeFlow.Functions.Grades.Workbook;
using OfficeFlow.Functions.Hosting.Schedules;
using OfficeFlow.Functions.Invoices;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Cli.Grades;

/// <summary>
/// <c>officeflow grades --month YYYY-MM [--ledger ledger.json] [--policy policy.json] [--employees employees.json] [--time-zone Europe/Moscow] --out grades.xlsx</c>:
/// writes a month's workbook from a ledger file, or from Table Storage (Storage__ConnectionString) when no ledger is given.
/// With --policy the month is computed with that policy file whatever its effective month (a what-if run).
/// </summary>
public static class GradesCommand
{
    public const string Summary = "write a month's grades workbook from a ledger file or Table Storage";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <param name="environment">Where Storage:*, Grades:*, Invoices:* and the time zone are read (the process environment by default).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration environment)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--month" or "--ledger" or "--policy" or "--employees" or "--time-zone" or "--out") || i + 1 >= args.Length)
            {
                await stderr.WriteLineAsync($"grades: unexpected argument '{args[i]}'.");
                await PrintUsageAsync(stderr);
                return 2;
            }

            options[args[i]] = args[++i];
        }

        if (!options.TryGetValue("--month", out var monthText) || !GradesMonth.TryParse(monthText, out var month) || !options.TryGetValue("--out", out var outPath))
        {
            await stderr.WriteLineAsync("grades: --month YYYY-MM and --out FILE are required.");
            await PrintUsageAsync(stderr);
            return 2;
        }

        try
        {
            // Like the app: --time-zone for a what-if run, else the app's one time zone (WEBSITE_TIME_ZONE, TZ, Europe/Moscow).
            var zone = options.TryGetValue("--time-zone", out var zoneId)
                ? TimeZoneInfo.FindSystemTimeZoneById(zoneId)
                : AppTimeZone.Resolve(environment);
            var policy = options.TryGetValue("--policy", out var policyPath)
                ? PolicyLoader.LoadFile(policyPath)
                : PolicyLibrary.LoadFolder(PolicyLibrary.DefaultFolder).For(month);
            if (!policy.Calendar.Covers(month.Year))
            {
                await stderr.WriteLineAsync($"grades: the policy '{policy.Version}' has no production calendar for {month.Year}.");
                return 1;
            }

            var (employees, entries, inputs, register) = await ReadLedgerAsync(options, month, zone, environment);
            var grades = GradesCalculator.Compute(month, policy, employees, entries, inputs, zone);

            var full = Path.GetFullPath(outPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temporary = full + ".tmp";
            int rows;
            await using (var stream = File.Create(temporary))
            {
                rows = GradesWorkbookWriter.Write(stream, grades, entries, zone, new GradesWorkbookOptions { Invoices = register });
            }

            // Written aside and moved, so a failed run never leaves a half-written workbook under the real name.
            File.Move(temporary, full, overwrite: true);
            await PrintAsync(stdout, grades, rows, full);
            foreach (var warning in grades.Warnings)
            {
                await stderr.WriteLineAsync("warning: " + warning);
            }

            return 0;
        }
        catch (Exception e) when (e is PolicyValidationException or LedgerFileException or FileNotFoundException or DirectoryNotFoundException
                                   or InvalidOperationException or TimeZoneNotFoundException)
        {
            await stderr.WriteLineAsync("grades: " + e.Message);
            return 1;
        }
    }

    /// <summary>A ledger file is self-contained (its inputs, no invoice register); Table Storage is read like the app
    /// reads it, with the month's volume and the invoice register from the invoices capability.</summary>
    private static async Task<(IReadOnlyList<Employee>, IReadOnlyList<LedgerEntry>, MonthInputs, IReadOnlyList<InvoiceRegisterRow>?)> ReadLedgerAsync(
        Dictionary<string, string> options, GradesMonth month, TimeZoneInfo zone, IConfiguration configuration)
    {
        IReadOnlyList<Employee>? employees = options.TryGetValue("--employees", out var staffPath) ? Staff.Load(staffPath) : null;
        if (options.TryGetValue("--ledger", out var ledgerPath))
        {
            var file = LedgerFile.Read(ledgerPath);
            employees ??= file.Employees.Count > 0 ? file.ToEmployees() : Staff.Load(Path.Combine(PolicyLibrary.DefaultFolder, "employees.json"));
            return (employees, file.ToEntries(), file.ToInputs(), null);
        }

        // The app's own registrations (Storage__*, Grades__*, Invoices__* environment variables), so the CLI reads
        // the same tables with the same rules as the timer and the API.
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTableStorage(configuration)
            .AddInvoices(configuration)
            .BuildServiceProvider();
        var settings = GradesSettings.From(configuration, zone);
        var store = new LedgerStore(services.GetRequiredService<TableStore>(), settings);
        var invoices = new GradesInvoices(services.GetRequiredService<InvoicesReports>());
        var entries = await store.ReadMonthAsync(month);
        var inputs = await invoices.WithVolumeAsync(settings.InputsFor(month), month);
        var register = await invoices.RegisterAsync(month);
        return (employees ?? Staff.Load(settings.EmployeesFile), entries, inputs, register);
    }

    private static async Task PrintAsync(TextWriter stdout, MonthGrades grades, int rows, string path)
    {
        var ru = CultureInfo.GetCultureInfo("ru-RU");
        await stdout.WriteLineAsync($"{grades.Month}: policy {grades.Policy.Version}, {grades.MonthWorkingDays} working days, {rows} ledger entries");
        foreach (var g in grades.Employees)
        {
            await stdout.WriteLineAsync(string.Format(ru, "  {0,-22} {1,8:N1} pts  plan {2,7:N1}  {3,7:P1}  {4}  pay {5,12:N2}",
                g.Employee.Name, g.Points, g.Plan, g.Fulfilment, g.Band, g.Pay));
        }

        await stdout.WriteLineAsync(string.Format(ru, "  department profit {0:N2}", grades.Head.Profit));
        await stdout.WriteLineAsync($"wrote {path}");
    }

    private static Task PrintUsageAsync(TextWriter writer) =>
        writer.WriteLineAsync("usage: officeflow grades --month YYYY-MM [--ledger ledger.json] [--policy policy.json] [--employees employees.json] [--time-zone Europe/Moscow] --out grades.xlsx");
}
