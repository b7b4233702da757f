using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Policy;
using OfficeFlow.Functions.Grades.Workbook;

namespace OfficeFlow.Benchmarks;

/// <summary>
/// grades: computes a month and writes its workbook for 200 employees and 1 000 000 ledger entries generated
/// in memory, then writes the same Tasks sheet XML with a plain XmlWriter into a zip (the raw baseline).
/// Prints seconds, peak memory and the ratio. Targets: under 10 s, under 400 MB peak, within 2× of the baseline.
/// Options: --employees N (200), --entries N (1000000).
/// </summary>
public static class GradesBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var employeeCount = Option(args, "--employees", 200);
        var entryCount = Option(args, "--entries", 1_000_000);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var month = new GradesMonth(2026, 10);
        var policy = PolicyLibrary.LoadFolder(PolicyLibrary.DefaultFolder).For(month);
        var folder = Directory.CreateTempSubdirectory("grades-bench-").FullName;
        try
        {
            // Warm up on a 50 000-entry month so both writers reach fully optimised (tier-1) code before timing.
            Run(policy, month, zone, Generate(policy, 20, 50_000), Path.Combine(folder, "warmup.xlsx"));
            Baseline(policy, month, zone, Generate(policy, 20, 50_000), Path.Combine(folder, "warmup.zip"));

            var (employees, entries) = Generate(policy, employeeCount, entryCount);
            GC.Collect();
            var generatedBytes = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"generated {employees.Count} employees, {entries.Count:N0} entries in memory ({generatedBytes / 1048576.0:F0} MB managed)");

            var workbookPath = Path.Combine(folder, "grades.xlsx");
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var rows = Run(policy, month, zone, (employees, entries), workbookPath);
            var workbookSeconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            var workbookCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
            var peak = process.PeakWorkingSet64;
            var gcPeak = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;

            var baselinePath = Path.Combine(folder, "baseline.zip");
            cpu = process.TotalProcessorTime;
            watch.Restart();
            var baselineRows = Baseline(policy, month, zone, (employees, entries), baselinePath);
            var baselineSeconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            var baselineCpu = (process.TotalProcessorTime - cpu).TotalSeconds;

            watch.Restart();
            var computeOnly = GradesCalculator.Compute(month, policy, employees, entries, MonthInputs.None, zone);
            var computeSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var produced = 0;
            foreach (var row in TaskRows.Of(computeOnly, entries, zone))
            {
                produced += row.Code.Length > 0 ? 1 : 0;
            }

            Console.WriteLine($"of which: compute alone {computeSeconds:F2} s; producing the {produced:N0} task rows without XML {watch.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine($"workbook: compute + write {rows:N0} task rows in {workbookSeconds:F2} s wall, {workbookCpu:F2} s CPU, file {new FileInfo(workbookPath).Length / 1048576.0:F1} MB");
            Console.WriteLine($"peak working set: {peak / 1048576.0:F0} MB (process, including the generated ledger); GC heap after run: {gcPeak / 1048576.0:F0} MB");
            Console.WriteLine($"raw baseline: XmlWriter into a zip, {baselineRows:N0} rows in {baselineSeconds:F2} s wall, {baselineCpu:F2} s CPU, file {new FileInfo(baselinePath).Length / 1048576.0:F1} MB");
            Console.WriteLine($"ratio workbook / baseline: {workbookSeconds / baselineSeconds:F2} wall, {workbookCpu / baselineCpu:F2} CPU; machine load average {LoadAverage()}");
            var ok = workbookSeconds < 10 && peak < 400L * 1048576 && workbookSeconds / baselineSeconds <= 2;
            Console.WriteLine(ok ? "targets met: < 10 s, < 400 MB, <= 2x baseline" : "TARGETS MISSED: < 10 s, < 400 MB, <= 2x baseline");
            return await Task.FromResult(ok ? 0 : 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Run(GradesPolicy policy, GradesMonth month, TimeZoneInfo zone, (List<Employee> Employees, List<LedgerEntry> Entries) data, string path)
    {
        var grades = GradesCalculator.Compute(month, policy, data.Employees, data.Entries, new MonthInputs { SubscriptionVolume = 9_000_000, OneOffVolume = 3_500_000, Contractors = 400_000 }, zone);
        using var stream = File.Create(path);
        return GradesWorkbookWriter.Write(stream, grades, data.Entries, zone);
    }

    /// <summary>The same Tasks sheet XML (same rows, same cells) with a plain XmlWriter into a zip entry.</summary>
    private static int Baseline(GradesPolicy policy, GradesMonth month, TimeZoneInfo zone, (List<Employee> Employees, List<LedgerEntry> Entries) data, string path)
    {
        const string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var grades = GradesCalculator.Compute(month, policy, data.Employees, [], MonthInputs.None, zone);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var entry = zip.CreateEntry("xl/worksheets/sheet2.xml", CompressionLevel.Fastest).Open();
        var xml = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartElement("worksheet", ns);
        xml.WriteStartElement("sheetData", ns);
        var count = 0;
        var shared = new SharedStrings();
        foreach (var row in TaskRows.Of(grades, data.Entries, zone))
        {
            count++;
            xml.WriteStartElement("row", ns);
            xml.WriteAttributeString("r", (count + 1).ToString(CultureInfo.InvariantCulture));
            Value(xml, "2", CellText.Number(row.Serial));
            Shared(xml, shared, row.EmployeeId);
            Shared(xml, shared, row.EmployeeName);
            Shared(xml, shared, row.Code);
            Shared(xml, shared, row.Category);
            Value(xml, "7", row.Class?.ToString(CultureInfo.InvariantCulture));
            Value(xml, "5", CellText.Number(row.Points));
            Shared(xml, shared, row.Client);
            Shared(xml, shared, row.Source);
            Value(xml, "7", TaskRows.Minutes(row));
            Text(xml, row.Note);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.Dispose();
        entry.Dispose();

        // The same shared-string table the workbook writes after its Tasks sheet.
        using var strings = XmlWriter.Create(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        strings.WriteStartElement("sst", ns);
        foreach (var text in shared.Values)
        {
            strings.WriteStartElement("si", ns);
            strings.WriteElementString("t", ns, text);
            strings.WriteEndElement();
        }

        strings.WriteEndElement();
        return count;

        static void Value(XmlWriter xml, string style, string? value)
        {
            xml.WriteStartElement("c", ns);
            if (value is not null)
            {
                xml.WriteAttributeString("s", style);
                xml.WriteElementString("v", ns, value);
            }

            xml.WriteEndElement();
        }

        static void Shared(XmlWriter xml, SharedStrings shared, string text)
        {
            xml.WriteStartElement("c", ns);
            if (text.Length > 0)
            {
                xml.WriteAttributeString("t", "s");
                xml.WriteElementString("v", ns, shared.IndexOf(text));
            }

            xml.WriteEndElement();
        }

        static void Text(XmlWriter xml, string text)
        {
            xml.WriteStartElement("c", ns);
            if (text.Length > 0)
            {
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", ns);
                xml.WriteElementString("t", ns, CellText.Clean(text));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
    }

    /// <summary>A deterministic month: managers plus one head, entries spread over October's working hours.</summary>
    private static (List<Employee>, List<LedgerEntry>) Generate(GradesPolicy policy, int employeeCount, int entryCount)
    {
        var random = new Random(42);
        var employees = Enumerable.Range(0, employeeCount)
            .Select(i => new Employee($"emp-{i:D4}", $"Сотрудник {i:D4}", i == 0 ? "head" : "manager", i % 17 == 5 ? new DateOnly(2026, 10, 12) : new DateOnly(2024, 1, 1)))
            .ToList();
        var clients = Enumerable.Range(0, 2000).Select(i => (Id: $"client-{i:D4}", Name: $"ООО «Клиент {i:D4}»")).ToArray();
        var codes = policy.Catalog.Select(t => t.Code).ToArray();
        var days = Enumerable.Range(1, 31).Select(d => new DateOnly(2026, 10, d)).Where(d => policy.Calendar.IsWorkingDay(d)).ToArray();
        var notes = new[] { "Перезвонить после обеда", "Клиент просил акт сверки", "Срочно" };
        var entries = new List<LedgerEntry>(entryCount);
        for (var i = 0; i < entryCount; i++)
        {
            var employee = employees[random.Next(employees.Count)];
            var day = days[random.Next(days.Length)];
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(3)).AddSeconds(random.Next(9 * 3600));
            var client = clients[random.Next(clients.Length)];
            var automatic = random.Next(3) == 0;
            entries.Add(new LedgerEntry(
                $"e{i}", employee.Id, at, codes[random.Next(codes.Length)], automatic ? LedgerSource.Automatic : LedgerSource.Manual,
                client.Id, client.Name, automatic ? null : 5 + random.Next(55), automatic ? $"src:{i}" : null, random.Next(10) == 0 ? notes[random.Next(notes.Length)] : null));
        }

        return (employees, entries);
    }

    // Wall time on a shared machine includes waiting for a core; the load average says how much.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
