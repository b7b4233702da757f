using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OfficeFlow.Functions.Invoices.Storage;

/// <summary>
/// The key design of the Invoices table (docs/invoices.md): one partition per year holds that year's number
/// counter, its invoices, their payments and the create-request markers, so numbering an invoice and adding
/// it, or recording a payment and updating its invoice's balance, is one entity-group transaction.
/// </summary>
internal static class InvoiceKeys
{
    public const string TableName = "Invoices";
    public const string CounterRow = "counter";
    public const string InvoicePrefix = "inv-";
    public const string PaymentPrefix = "pay-";
    public const string RequestPrefix = "req-";

    /// <summary>"2026-0015": the year and the number, which is at least four digits.</summary>
    public static string InvoiceId(int year, int number) =>
        year.ToString("D4", CultureInfo.InvariantCulture) + "-" + number.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Splits an id from a URL; false for anything that is not "yyyy-nnnn" exactly as <see cref="InvoiceId"/> writes it.</summary>
    public static bool TryParseId(string? id, out int year, out int number)
    {
        year = 0;
        number = 0;
        if (string.IsNullOrEmpty(id) || id.Length < 9 || id.Length > 16 || id[4] != '-')
        {
            return false;
        }

        return int.TryParse(id.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(id.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && year >= 2000 && number > 0
            // Only the id as the app writes it: "2026-00001" would otherwise name invoice 2026-0001 under a second spelling.
            && string.Equals(id, InvoiceId(year, number), StringComparison.Ordinal);
    }

    public static string Partition(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>"inv-00000015": padded so the rows sort by number.</summary>
    public static string InvoiceRow(int number) => InvoicePrefix + number.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>"pay-00000015-{paymentId}": a payment sits next to its invoice.</summary>
    public static string PaymentRow(int number, string paymentId) => PaymentPrefix + number.ToString("D8", CultureInfo.InvariantCulture) + "-" + paymentId;

    public static string PaymentRowPrefix(int number) => PaymentPrefix + number.ToString("D8", CultureInfo.InvariantCulture) + "-";

    /// <summary>A request id (Idempotency-Key) turned into a key-safe token: a hex SHA-256 of it, scoped by what it created.</summary>
    public static string RequestToken(string scope, string requestId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + requestId)))[..32];

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
