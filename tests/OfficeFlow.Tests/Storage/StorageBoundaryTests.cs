using System.Text.RegularExpressions;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

/// <summary>
/// One storage boundary per aggregate: only the classes listed here may touch Azure.Data.Tables (tables, entities,
/// transactions, update modes). Everything else (services, API classes, the card, editing, merging) asks a boundary, so
/// ETags, retries and cache invalidation live in one place per aggregate. A scan of the production sources, comments
/// and strings stripped, because a method body's use of a type is not visible to reflection.
/// </summary>
public sealed partial class StorageBoundaryTests
{
    /// <summary>The boundaries, each owning its tables, ETags and retries, and the storage plumbing below them.</summary>
    private static readonly Dictionary<string, string> Boundaries = new(StringComparer.Ordinal)
    {
        ["Storage/ConditionalWrites.cs"] = "the conditional-write helpers every boundary uses",
        ["Storage/StorageModule.cs"] = "builds the TableServiceClient and its options",
        ["Storage/TableStore.cs"] = "hands out the tables by logical name",
        ["Health/StorageProbe.cs"] = "asks the storage service itself whether it answers",
        ["Contacts/Records/ContactsTables.cs"] = "the contacts capability's table handles, used only by its boundaries",
        ["Contacts/Records/ClientDirectory.cs"] = "client aggregate: client row, index, search rows",
        ["Contacts/Records/ClientDirectory.Rows.cs"] = "client aggregate: guarded client writes, contacts, interactions, merge moves",
        ["Contacts/Cards/Heads/CardHeadStore.cs"] = "client aggregate: the card head",
        ["Contacts/Records/MessageClaimStore.cs"] = "log-email's message claims (LoggedMessages): added once, replaced and released under their ETag",
        ["Contacts/Sync/SyncStateStore.cs"] = "the mailbox sync's resume links (MailboxSyncState)",
        ["Contracts/Storage/ContractStore.cs"] = "contract aggregate: contracts and request-id claims",
        ["Contracts/ContractNumberSequence.cs"] = "contract aggregate: the per-year number counter",
        ["Invoices/Storage/InvoiceStore.cs"] = "invoice aggregate: invoices, payments, numbering",
        ["Invoices/Storage/ClientSettingsStore.cs"] = "invoices: per-client reminder settings",
        ["Invoices/Reminders/ReminderMarkerStore.cs"] = "invoices: reminder send markers",
        ["Grades/Ledger/LedgerStore.cs"] = "ledger aggregate",
        ["Grades/Timer/MonthlyRunMarkers.cs"] = "the monthly grades run's claim markers",
        ["Firm/FirmStore.cs"] = "firm aggregate",
        ["Hosting/Timers/TableScheduleStatusStore.cs"] = "timer schedule status",
    };

    /// <summary>Still touching tables directly, each owned by other work in progress; remove a line when its file is moved
    /// behind a boundary (the test fails on a listed file that no longer needs the exception, so the list only shrinks).</summary>
    private static readonly Dictionary<string, string> NotYetBehindABoundary = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void OnlyStorageBoundariesTouchAzureDataTables()
    {
        var offenders = Sources().Where(f => TouchesTables(f.Code) && !Boundaries.ContainsKey(f.Path) && !NotYetBehindABoundary.ContainsKey(f.Path) && !IsRowShape(f))
            .Select(f => f.Path).ToList();

        Assert.True(offenders.Count == 0,
            "These files use Azure.Data.Tables outside a storage boundary; move the table calls into the aggregate's *Store/*Directory: " + string.Join(", ", offenders));
    }

    [Fact]
    public void EveryListedExceptionIsStillNeeded()
    {
        var sources = Sources().ToDictionary(f => f.Path, f => f.Code, StringComparer.Ordinal);

        var stale = Boundaries.Keys.Concat(NotYetBehindABoundary.Keys).Where(p => !sources.TryGetValue(p, out var code) || !TouchesTables(code)).ToList();

        Assert.True(stale.Count == 0, "Listed but not touching Azure.Data.Tables (or gone): " + string.Join(", ", stale));
    }

    [Fact]
    public void TheScanSeesATableClientInAService()
    {
        // The check must be able to fail: a service with a TableClient field is caught, one that only mentions it in a comment is not.
        Assert.True(TouchesTables(StripCommentsAndStrings("public sealed class ContractService(TableClient table) { }")));
        Assert.True(TouchesTables(StripCommentsAndStrings("using Azure.Data.Tables;\nclass X { }")));
        Assert.False(TouchesTables(StripCommentsAndStrings("/// <summary>Never a <see cref=\"TableClient\"/> here.</summary>\nclass X { string s = \"TableEntity\"; }")));
    }

    // A file that only declares entity classes (row shapes and their key filters, no I/O) may implement ITableEntity and build a
    // filter with the static, pure TableClient.CreateQueryFilter.
    private static bool IsRowShape((string Path, string Code) file) =>
        file.Path.EndsWith("Entity.cs", StringComparison.Ordinal)
        && !Regex.IsMatch(file.Code.Replace("TableClient.CreateQueryFilter", "", StringComparison.Ordinal), @"\b(TableClient|TableServiceClient|TableTransactionAction|TableUpdateMode)\b");

    private static bool TouchesTables(string code) => TableTypes().IsMatch(code);

    private static IEnumerable<(string Path, string Code)> Sources()
    {
        var root = Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("OfficeFlow.sln not found above the test folder."),
            "functions", "OfficeFlow.Functions");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), StripCommentsAndStrings(File.ReadAllText(f))));
    }

    private static string StripCommentsAndStrings(string code) => CommentsAndStrings().Replace(code, " ");

    [GeneratedRegex(@"\b(TableClient|TableServiceClient|TableEntity|ITableEntity|TableTransactionAction|TableTransactionActionType|TableUpdateMode|TableTransactionFailedException|TableTransactionResult)\b|using\s+Azure\.Data\.Tables")]
    private static partial Regex TableTypes();

    // Line and block comments, and ordinary, verbatim and interpolated string literals (their holes are dropped with them: good enough here).
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|\$?""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();
}
