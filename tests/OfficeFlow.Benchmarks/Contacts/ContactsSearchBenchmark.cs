using System.Globalization;
using OfficeFlow.Functions.Contacts.Records;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>
/// "contacts-search": GET /api/clients?search= over 10,000 clients (the "fast on 10,000 clients") through the
/// real app against Azurite, with 1 and 8 concurrent clients: p50/p99 of prefix searches by a name word, an INN, a
/// domain and a contact e-mail, and, in the same run, a raw point read of one index row as the floor.
/// The ClientIndex rows are the ones the app writes for such clients (matching rows and search rows,
/// <see cref="SearchTokens.ForClient"/>), loaded in entity-group transactions to keep the set-up short.
/// Options: --clients N (default 10000), --requests N per level (default 400).
/// </summary>
internal static class ContactsSearchBenchmark
{
    private static readonly string[] Roots = ["ромашка", "техноресурс", "альфа", "вектор", "север", "стройсервис", "инфотех", "гарант", "меридиан", "агропром",
        "спектр", "орион", "прогресс", "эталон", "сигма", "дельта", "импульс", "кварц", "лидер", "магистраль", "нева", "олимп", "полюс", "радуга", "сфера",
        "талан", "урал", "феникс", "химпром", "цефей", "энерго", "юнитекс", "яхонт", "bizsoft", "techno", "globus", "atlant", "vostok", "zenit", "kaskad"];
    private static readonly string[] Suffixes = ["", "-плюс", "-трейд", "-м", "-юг", "-сервис", "-групп", "-про"];

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = BenchmarkApp.Option(args, "--clients", 10_000);
        var requests = BenchmarkApp.Option(args, "--requests", 400);
        using var azurite = await AzuriteProcess.StartAsync();
        var index = new TableServiceClient(azurite.ConnectionString, StorageModule.CreateClientOptions()).GetTableClient("benchClientIndex");
        await index.CreateIfNotExistsAsync();
        var seeded = await SeedAsync(index, clients);

        await using var app = await BenchmarkApp.StartAsync(azurite);
        var http = app.Http;
        var random = new Random(7);
        var queries = Enumerable.Range(0, 500).Select(i => Query(seeded[random.Next(seeded.Count)], i % 4, random)).ToArray();
        var empty = 0;
        foreach (var query in queries.Take(40))
        {
            // Warm-up, and a check that the searches find what they look for.
            var body = await http.GetStringAsync("/api/clients?search=" + Uri.EscapeDataString(query));
            empty += body == "[]" ? 1 : 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"contacts-search: {clients} clients, {seeded.Sum(c => c.Rows)} ClientIndex rows, {requests} searches per level; {40 - empty}/40 warm-up searches found clients"));
        Console.WriteLine("clients | search req/s   p50 ms   p99 ms  fail | raw point read/s   p50 ms   p99 ms");
        foreach (var level in new[] { 1, 8 })
        {
            var search = await LoadRun.RunAsync(level, requests, TimeSpan.FromSeconds(60), async i =>
            {
                using var response = await http.GetAsync("/api/clients?search=" + Uri.EscapeDataString(queries[i % queries.Length]));
                return response.IsSuccessStatusCode;
            });
            var point = await LoadRun.RunAsync(level, requests, TimeSpan.FromSeconds(60), async i =>
                await index.FindAsync<IndexEntity>(IndexEntity.DomainPartition, seeded[i % seeded.Count].Domain) is not null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{level,7} | {search.PerSecond,12:F1} {search.P50Ms,8:F1} {search.P99Ms,8:F1} {search.Failures,5} | {point.PerSecond,16:F1} {point.P50Ms,8:F1} {point.P99Ms,8:F1}"));
        }

        return 0;
    }

    private sealed record Seeded(string Name, string Inn, string Domain, string Email, int Rows);

    /// <summary>A prefix as a manager types it: 3–5 letters of a name word, 5 digits of the INN, the start of the domain or of an e-mail.</summary>
    private static string Query(Seeded client, int kind, Random random) => kind switch
    {
        0 => SearchTokens.ForName(client.Name).First()[..random.Next(3, 6)],
        1 => client.Inn[..5],
        2 => client.Domain[..Math.Min(client.Domain.Length, 6)],
        _ => client.Email[..Math.Min(client.Email.Length, 7)],
    };

    private static async Task<List<Seeded>> SeedAsync(TableClient index, int count)
    {
        var rows = new List<IndexEntity>();
        var seeded = new List<Seeded>();
        for (var i = 0; i < count; i++)
        {
            var root = Roots[i % Roots.Length];
            var name = root + Suffixes[i / Roots.Length % Suffixes.Length] + (i >= Roots.Length * Suffixes.Length ? " " + (i / (Roots.Length * Suffixes.Length)).ToString(CultureInfo.InvariantCulture) : "");
            var id = Keys.ClientId("bench:" + i.ToString(CultureInfo.InvariantCulture));
            var inn = (7700000000L + (i * 7919L)).ToString(CultureInfo.InvariantCulture);
            var domain = $"{Transliterate(root)}{i}.ru";
            var emails = new[] { $"info@{domain}", $"buh{i}@{domain}" };
            var client = new ClientEntity { PartitionKey = id, Name = name, LegalForm = "ООО", Inn = inn, Domains = domain };
            var before = rows.Count;
            rows.Add(new IndexEntity { PartitionKey = IndexEntity.DomainPartition, RowKey = domain, ClientId = id });
            rows.Add(new IndexEntity { PartitionKey = IndexEntity.InnPartition, RowKey = inn, ClientId = id });
            rows.AddRange(emails.Select(e => new IndexEntity { PartitionKey = IndexEntity.EmailPartition, RowKey = e, ClientId = id, ContactId = Keys.ContactId(e) }));
            rows.AddRange(SearchTokens.ForClient(client, emails).Select(token => new IndexEntity
            {
                PartitionKey = "s-" + token[0], RowKey = token + "|" + id, ClientId = id, ClientName = name, Inn = inn, Domains = domain,
            }));
            seeded.Add(new Seeded(name, inn, domain, emails[1], rows.Count - before));
        }

        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await index.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
            }
        }

        return seeded;
    }

    private static string Transliterate(string word) => new(word.Select(c => c is >= 'а' and <= 'я' ? (char)('a' + ((c - 'а') % 26)) : c).ToArray());
}
