using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Invoices;
using OfficeFlow.Functions.Invoices.Api;
using OfficeFlow.Functions.Invoices.Storage;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Benchmarks.Invoices;

/// <summary>
/// <c>invoice-concurrency [--connection CS] [--payments N] [--creates N]</c>: against a running Azurite (or any
/// table endpoint), N concurrent payments on one invoice and N concurrent invoice creates; prints the wall time,
/// per-operation latency and whether the sums and numbers came out exact. Tables get a fresh prefix.
/// </summary>
public static class InvoiceConcurrencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection") ?? "UseDevelopmentStorage=true";
        var payments = int.Parse(Option(args, "--payments") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
        var creates = int.Parse(Option(args, "--creates") ?? "20", System.Globalization.CultureInfo.InvariantCulture);
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..10];

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(new TableStore(new TableServiceClient(connection, StorageModule.CreateClientOptions()), prefix));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(InvoicesOptions.From(new ConfigurationBuilder().Build()));
        services.AddSingleton<InvoiceStore>();
        services.AddSingleton<ClientSettingsStore>();
        services.AddSingleton<InvoiceService>();
        await using var provider = services.BuildServiceProvider();
        var invoices = provider.GetRequiredService<InvoiceService>();
        var user = new CurrentUser("bench", "bench", [Roles.Admin]);

        // Amounts 0.01 … N/100 sum to N(N+1)/200 roubles, the invoice's total.
        var total = payments * (payments + 1) / 200m;
        var invoice = (await invoices.CreateAsync(Build(invoices, total), null, default)).Invoice;
        await invoices.IssueAsync(invoice.Id, user, default);

        var latencies = new double[payments];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, payments).Select(k => Task.Run(async () =>
        {
            var started = Stopwatch.GetTimestamp();
            await invoices.AddPaymentAsync(invoice.Id, new AddPaymentRequest(null, k / 100m, k.ToString(System.Globalization.CultureInfo.InvariantCulture), null), user, null, default);
            latencies[k - 1] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        })));
        var paymentSeconds = clock.Elapsed.TotalSeconds;
        var (stored, recorded) = await invoices.GetAsync(invoice.Id, default);
        Array.Sort(latencies);
        Console.WriteLine($"payments: {payments} concurrent on one invoice in {paymentSeconds:F1} s; latency p50 {latencies[payments / 2]:F0} ms, p95 {latencies[payments * 95 / 100]:F0} ms, max {latencies[^1]:F0} ms");
        Console.WriteLine($"payments: recorded {recorded.Count}, paid {stored.Paid} of {total} → {(stored.Paid == total && recorded.Count == payments ? "exact" : "LOST UPDATES")}");

        clock.Restart();
        var made = await Task.WhenAll(Enumerable.Range(0, creates).Select(_ => Task.Run(() => invoices.CreateAsync(Build(invoices, 100m), null, default))));
        var numbers = made.Select(m => m.Invoice.Number).Order().ToArray();
        var expected = Enumerable.Range(2, creates).ToArray();
        Console.WriteLine($"creates: {creates} concurrent in {clock.Elapsed.TotalSeconds:F1} s; numbers {numbers[0]}…{numbers[^1]} → {(numbers.SequenceEqual(expected) ? "no gap, no duplicate" : "GAP OR DUPLICATE")}");
        return stored.Paid == total && numbers.SequenceEqual(expected) ? 0 : 1;
    }

    private static Func<int, string, OfficeFlow.Functions.Invoices.Lifecycle.Invoice> Build(InvoiceService invoices, decimal price)
    {
        var request = new CreateInvoiceRequest("bench", "Benchmark client", null, null, null, null, null, null, null, null,
            [new InvoiceLineRequest("Сопровождение", 1, "мес", price, "22", "subscription")]);
        var (build, errors) = InvoiceDraftValidator.Validate(request, invoices.Options, invoices.Today, "bench", DateTimeOffset.UtcNow);
        return build ?? throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
