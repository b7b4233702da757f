using System.Security.Cryptography;
using System.Text;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Ledger;

/// <summary>Keys of the ledger. Source ids may hold characters table keys forbid ('/', '#', '?'), so keys carry their hash.</summary>
public static class LedgerIds
{
    private const char Separator = '~';

    public static string AutomaticRowKey(string sourceId) => "a-" + Hash(sourceId);

    public static string ManualRowKey(string employeeId, string requestId) => "m-" + Hash(employeeId + "\n" + requestId);

    public static string Format(string month, string rowKey) => month + Separator + rowKey;

    public static bool TryParse(string? id, out GradesMonth month, out string rowKey)
    {
        month = default;
        rowKey = "";
        var at = id?.IndexOf(Separator) ?? -1;
        if (at < 0 || !GradesMonth.TryParse(id![..at], out month))
        {
            return false;
        }

        rowKey = id[(at + 1)..];
        return rowKey.Length is > 2 and < 100 && rowKey.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
