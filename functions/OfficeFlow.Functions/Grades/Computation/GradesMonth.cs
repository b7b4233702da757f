using System.Globalization;

namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>A calendar month, written yyyy-MM (e.g. "2026-10"): the unit of grading and the ledger's partition.</summary>
public readonly record struct GradesMonth(int Year, int Month) : IComparable<GradesMonth>
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public GradesMonth Previous => FromDate(FirstDay.AddMonths(-1));

    public GradesMonth Next => FromDate(FirstDay.AddMonths(1));

    public static GradesMonth FromDate(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The month of an instant as seen in the firm's time zone (a task at 23:30 UTC on 31 Oct is November in Moscow).</summary>
    public static GradesMonth Of(DateTimeOffset at, TimeZoneInfo zone) =>
        FromDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime));

    public static bool TryParse(string? text, out GradesMonth month)
    {
        month = default;
        if (text is null || text.Length != 7 ||
            !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        month = FromDate(day);
        return true;
    }

    public static GradesMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form yyyy-MM.");

    public int CompareTo(GradesMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(GradesMonth a, GradesMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(GradesMonth a, GradesMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(GradesMonth a, GradesMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(GradesMonth a, GradesMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
