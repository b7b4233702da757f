using System.Globalization;

namespace OfficeFlow.Functions.Storage;

/// <summary>
/// Money in Table Storage is text in the invariant culture ("1234.50"), exactly as the hand-written client wrote
/// every decimal before Azure.Data.Tables replaced it. Table Storage has no decimal type; Azure.Data.Tables would
/// write a decimal as an Edm.Double (losing cents beyond 15 digits) and reads those strings back as 0 without a
/// word (azure-sdk-for-net issues 28208, 47750). So entities keep a string property under the old name and
/// convert here, and an unreadable amount fails loudly instead of becoming 0.
/// </summary>
public static class StoredMoney
{
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Parse(string? text, string property) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException(
                $"The stored amount {property} is '{text}', which is not a number in the invariant culture; a money value is never read as 0 by default.");
}
