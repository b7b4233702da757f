using System.Globalization;
using System.Net.Http.Headers;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Matching;

namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>
/// "contacts-log-email": POST /api/contacts/log-email through the real app (Kestrel on 127.0.0.1, bearer tokens,
/// Azurite started for the run) with 1, 8 and 32 concurrent clients — requests/s, p50 and p99 — and, in the same
/// run and at the same concurrency, the floor (<see cref="LogEmailFloor"/>): the very storage calls a message costs,
/// issued directly against the same Azurite. The ratios log-email/floor are the app's overhead; the target
/// (issue 12) is a p99 ratio of at most 1.5 at 8 clients.
/// Every request logs a new message of a known client (10 clients, 40 known senders, each always with the same
/// signature): the steady state of a working day. The first sight of a sender, a new phone in a signature or a
/// new client cost more writes (see docs/contacts.md, "Cost of a logged message"); the warm-up pays for them.
/// Options: --requests N (per level, default 600), --seconds S (time limit per level, default 30),
/// --clients N (one level only, e.g. 8).
/// </summary>
internal static class ContactsLogEmailBenchmark
{
    private static readonly int[] Levels = [1, 8, 32];

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchmarkApp.Option(args, "--requests", 600);
        var limit = TimeSpan.FromSeconds(BenchmarkApp.Option(args, "--seconds", 30));
        int[] levels = args.Contains("--clients") ? [BenchmarkApp.Option(args, "--clients", 8)] : Levels;
        using var azurite = await AzuriteProcess.StartAsync();
        await using var app = await BenchmarkApp.StartAsync(azurite, new Dictionary<string, string?> { ["Contacts:OwnDomains"] = "bizsoft-firm.ru" });
        var http = app.Http;
        // Warm-up: creates the clients and their contacts (and JIT-compiles the path), not measured.
        for (var sender = 0; sender < 40; sender++)
        {
            await PostAsync(http, Message($"warm-{sender}", sender));
        }

        var floor = await LogEmailFloor.CreateAsync(azurite.ConnectionString, "bench", clients: 10);
        for (var sender = 0; sender < 40; sender++)
        {
            await floor.LogAsync($"warm-{sender}", sender);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"contacts-log-email: {requests} requests per level (limit {limit.TotalSeconds:0} s), Azurite in memory, app on {app.Address}"));
        Console.WriteLine("clients | log-email req/s   p50 ms   p99 ms  fail | CPU ms/req app Azurite | storage calls, ms per req | floor msg/s   p50 ms   p99 ms  fail | p50 ratio  p99 ratio | load avg");
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        using var storage = new StorageCallMeter(azurite.Port);
        foreach (var level in levels)
        {
            self.Refresh();
            var (appCpu, azuriteCpu) = (self.TotalProcessorTime, azurite.ProcessorTime);
            var (callsBefore, storageBefore) = storage.Snapshot();
            var log = await LoadRun.RunAsync(level, requests, limit, i => PostAsync(http, Message($"c{level}-{i}", i)));
            var (callsAfter, storageAfter) = storage.Snapshot();
            self.Refresh();
            // Calls per request and the time they took, summed: what log-email waited on storage (its calls are sequential but the ledger's).
            var callsPerRequest = (double)(callsAfter - callsBefore) / log.Completed;
            var storageMs = (storageAfter - storageBefore).TotalMilliseconds / log.Completed;
            // The app's figure includes this process's load generator (HttpClient), a small share of it.
            var appMs = (self.TotalProcessorTime - appCpu).TotalMilliseconds / log.Completed;
            var azuriteMs = (azurite.ProcessorTime - azuriteCpu).TotalMilliseconds / log.Completed;
            var floorRun = await LoadRun.RunAsync(level, requests, limit, i => floor.LogAsync($"f{level}-{i}", i));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{level,7} | {log.PerSecond,15:F1} {log.P50Ms,8:F1} {log.P99Ms,8:F1} {log.Failures,5} | {appMs,11:F2} {azuriteMs,7:F2} | {callsPerRequest,13:F2} {storageMs,11:F1} | {floorRun.PerSecond,11:F1} {floorRun.P50Ms,8:F1} {floorRun.P99Ms,8:F1} {floorRun.Failures,5} | {log.P50Ms / floorRun.P50Ms,9:F2} {log.P99Ms / floorRun.P99Ms,10:F2} | {LoadAverage()}"));
        }

        return 0;
    }

    /// <summary>The 1-minute load average (Linux), printed beside each row: a busy machine inflates both columns.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static LogEmailRequest Message(string id, int sender)
    {
        var client = sender % 10;
        return new LogEmailRequest
        {
            InternetMessageId = $"<{id}@bench.test>",
            From = new MailParty($"Сотрудник {sender % 40}", $"person{sender % 40}@client{client}.ru"),
            To = [new MailParty("Мария Кузнецова", "m.kuznetsova@bizsoft-firm.ru")],
            Subject = "Счёт на продление подписки",
            SentAt = new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(3)).AddMinutes(sender),
            BodyText = $"Добрый день!\nПросим выставить счёт на продление подписки ИТС.\n\nС уважением,\nИван Петров\nМенеджер по закупкам\nООО «Клиент {client}»\nТел.: +7 (495) 123-45-{sender % 40:D2}\n",
        };
    }

    private static async Task<bool> PostAsync(HttpClient http, LogEmailRequest request)
    {
        // A body with Content-Length, as a browser's fetch sends it: JsonContent streams it chunked, which on loopback
        // meets Nagle and delayed ACK and adds ~40 ms that no client of ours would see.
        using var content = new ByteArrayContent(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request, System.Text.Json.JsonSerializerOptions.Web));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/contacts/log-email", content);
        return response.IsSuccessStatusCode;
    }
}
