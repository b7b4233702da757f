namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// Lengths every capability holds its text fields to. Each fits a person's use and, stored, stays far below Azure
/// Table Storage's 64 KB per property (32,000 UTF-16 characters), so a write never fails for size after the checks.
/// </summary>
public static class InputLimits
{
    /// <summary>Ids that reach a table key or a query: client ids, contract ids, request ids.</summary>
    public const int Id = 100;

    /// <summary>A client id, wherever a request names one (an invoice, a contract, a task, a query): one limit, so a
    /// client an invoice accepts is never refused by its contract.</summary>
    public const int ClientId = 200;

    /// <summary>Lines of an invoice or items of a contract.</summary>
    public const int Lines = 100;

    /// <summary>A line's quantity (at most) and price (at most), the same for invoices and contracts.</summary>
    public const decimal Quantity = 1_000_000;
    public const decimal Price = 1_000_000_000;

    /// <summary>A company's or a person's name.</summary>
    public const int Name = 300;

    /// <summary>A postal address.</summary>
    public const int Address = 500;

    /// <summary>A line item, a reason, a note.</summary>
    public const int Text = 500;

    /// <summary>A position, a signatory's short name, a bank's name.</summary>
    public const int Short = 200;

    /// <summary>A unit of measure ("шт", "мес.", "час").</summary>
    public const int Unit = 50;

    /// <summary>An e-mail address (RFC 5321).</summary>
    public const int Email = 254;

    /// <summary>A free text value of a contract template's field.</summary>
    public const int FieldText = 2000;

    /// <summary>True for an id that may go into a table key or a query: 1 to <paramref name="max"/> characters, none of / \ # ? or control
    /// characters (which Table Storage keys forbid) and no lone surrogates.</summary>
    public static bool IsSafeId(string? id, int max = Id) =>
        id is { Length: > 0 } && id.Length <= max && id.Trim().Length == id.Length
        && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) || char.IsSurrogate(c));

    /// <summary>True when <paramref name="text"/> is missing or at most <paramref name="max"/> characters.</summary>
    public static bool Fits(string? text, int max) => text is null || text.Length <= max;
}
