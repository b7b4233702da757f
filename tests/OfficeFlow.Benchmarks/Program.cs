// Each benchmark is a named program that prints its figures; see README "Benchmarks".
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["contacts-extraction"] = OfficeFlow.Benchmarks.Contacts.ContactsExtractionBenchmark.RunAsync,
    ["contacts-log-email"] = OfficeFlow.Benchmarks.Contacts.ContactsLogEmailBenchmark.RunAsync,
    ["contacts-search"] = OfficeFlow.Benchmarks.Contacts.ContactsSearchBenchmark.RunAsync,
    ["contracts"] = OfficeFlow.Benchmarks.Contracts.ContractsBenchmark.RunAsync,
    ["invoice-concurrency"] = OfficeFlow.Benchmarks.Invoices.InvoiceConcurrencyBenchmark.RunAsync,
    ["ncrontab"] = OfficeFlow.Benchmarks.Hosting.NcrontabBenchmark.RunAsync,
    ["grades"] = OfficeFlow.Benchmarks.GradesBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/OfficeFlow.Benchmarks -- <" + string.Join("|", benchmarks.Keys.Order()) + "> [options]");
    return 2;
}

return await run(args[1..]);
