using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Contracts.Formatting;
using OfficeFlow.Functions.Contracts.Templating;

namespace OfficeFlow.Benchmarks.Contracts;

/// <summary>
/// Renders the service-maintenance contract with 50 service lines N times on one core and prints contracts
/// per second, p50/p99 per contract and peak memory; then runs docxtemplater on the same .docx in Node
/// (docxtemplater-baseline.js) and prints the throughput ratio.
/// usage: contracts [--count N] [--warmup W] [--lines L] [--no-node]
/// </summary>
public static class ContractsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = IntOption(args, "--count", 2000);
        var warmup = IntOption(args, "--warmup", 200);
        var lines = IntOption(args, "--lines", 50);
        var withNode = !args.Contains("--no-node");

        // One core for both engines (Linux children inherit the affinity), as the issue's target says.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var templatePath = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates", "service-maintenance.docx");
        var templateBytes = await File.ReadAllBytesAsync(templatePath);
        var data = BuildData(lines);
        using var json = JsonDocument.Parse(data.ToJsonString());

        var compileWatch = Stopwatch.StartNew();
        var template = new TemplateCache().GetOrCompile(templateBytes);
        compileWatch.Stop();

        var size = 0;
        for (var i = 0; i < warmup; i++)
        {
            size = template.Render(json.RootElement).Length;
        }

        GC.Collect();
        var times = new double[count];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            template.Render(json.RootElement);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        total.Stop();
        var allocatedPerContract = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)count;
        Array.Sort(times);
        var perSecond = count / total.Elapsed.TotalSeconds;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

        Console.WriteLine($"contracts benchmark: service-maintenance.docx, {lines} service lines, {count} renders after {warmup} warm-up, one core");
        Console.WriteLine($"OfficeFlow engine : {perSecond,9:F0} contracts/s  p50 {Pct(times, 0.5),7:F3} ms  p99 {Pct(times, 0.99),7:F3} ms  peak working set {peakMb:F0} MB  allocated {allocatedPerContract / 1024:F0} KB/contract  output {size:N0} bytes  (first compile {compileWatch.Elapsed.TotalMilliseconds:F0} ms, cached after)");

        if (!withNode)
        {
            return 0;
        }

        var node = await RunDocxtemplaterAsync(templatePath, data, count, warmup);
        if (node is null)
        {
            return 1;
        }

        var nodePerSecond = node.Value.GetProperty("perSecond").GetDouble();
        Console.WriteLine($"docxtemplater     : {nodePerSecond,9:F0} contracts/s  p50 {node.Value.GetProperty("p50Ms").GetDouble(),7:F3} ms  p99 {node.Value.GetProperty("p99Ms").GetDouble(),7:F3} ms  peak RSS {node.Value.GetProperty("peakRssMb").GetDouble():F0} MB  output {node.Value.GetProperty("outputBytes").GetInt32():N0} bytes");
        Console.WriteLine($"throughput ratio  : {perSecond / nodePerSecond:F2}x docxtemplater (target ≥ 2x); p50 target < 5 ms: {(Pct(times, 0.5) < 5 ? "met" : "NOT met")}");
        return 0;
    }

    /// <summary>The sample contract with its service table grown to the requested number of lines.</summary>
    private static JsonObject BuildData(int lines)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates", "service-maintenance.sample.json");
        var data = JsonNode.Parse(File.ReadAllText(sample))!.AsObject();
        var items = new JsonArray();
        var total = 0m;
        for (var i = 1; i <= lines; i++)
        {
            var price = 1500m + i * 37.5m;
            var quantity = 1 + i % 4;
            total += price * quantity;
            items.Add(new JsonObject
            {
                ["n"] = i,
                ["name"] = $"Услуга сервисного обслуживания № {i}: консультация, настройка и проверка базы данных",
                ["unit"] = "час",
                ["quantity"] = quantity,
                ["price"] = price,
                ["amount"] = price * quantity,
            });
        }

        data["items"] = items;
        data["total"] = total;
        data["vat_amount"] = Vat.Included(total, 22m);
        return data;
    }

    // docxtemplater's default parser reads "{price|money}" as a field literally named "price|money" and
    // "{client.name}" as one named "client.name" (dotted paths need its angular parser), so the Node side gets
    // those keys pre-computed: the same document comes out, and docxtemplater does less work than we do.
    private static JsonObject ForDocxtemplater(JsonObject data)
    {
        var copy = JsonNode.Parse(data.ToJsonString())!.AsObject();
        foreach (var item in copy["items"]!.AsArray())
        {
            var line = item!.AsObject();
            line["quantity|number"] = RussianMoney.FormatNumber(line["quantity"]!.GetValue<decimal>());
            line["price|money"] = RussianMoney.Format(line["price"]!.GetValue<decimal>());
            line["amount|money"] = RussianMoney.Format(line["amount"]!.GetValue<decimal>());
        }

        foreach (var party in new[] { "supplier", "client" })
        {
            foreach (var (key, value) in copy[party]!.AsObject().ToList())
            {
                copy[$"{party}.{key}"] = value?.DeepClone();
            }
        }

        var total = copy["total"]!.GetValue<decimal>();
        copy["total|money"] = RussianMoney.Format(total);
        copy["total|words"] = RussianAmountInWords.Format(total);
        copy["vat_amount|money"] = RussianMoney.Format(copy["vat_amount"]!.GetValue<decimal>());
        foreach (var key in new[] { "date", "start_date", "end_date" })
        {
            var date = DateOnly.Parse(copy[key]!.GetValue<string>(), CultureInfo.InvariantCulture);
            copy[key + "|date_ru"] = RussianDate.Long(date);
            copy[key + "|date"] = RussianDate.Short(date);
        }

        return copy;
    }

    private static async Task<JsonElement?> RunDocxtemplaterAsync(string templatePath, JsonObject data, int count, int warmup)
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "OfficeFlow.Benchmarks", "Contracts", "docxtemplater-baseline.js");
        if (!Directory.Exists(Path.Combine(root, "node_modules", "docxtemplater")))
        {
            Console.Error.WriteLine("docxtemplater is not installed: run `npm ci` at the repository root.");
            return null;
        }

        var dataPath = Path.Combine(Path.GetTempPath(), $"officeflow-contracts-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(dataPath, ForDocxtemplater(data).ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { script, templatePath, dataPath, count.ToString(CultureInfo.InvariantCulture), warmup.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"docxtemplater baseline failed: {await errors}");
                return null;
            }

            return JsonDocument.Parse(await output).RootElement.Clone();
        }
        finally
        {
            File.Delete(dataPath);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OfficeFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (OfficeFlow.sln not found above the binaries).");
    }

    private static double Pct(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
    }
}
