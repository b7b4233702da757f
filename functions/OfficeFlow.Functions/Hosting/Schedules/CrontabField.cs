using System.Globalization;

namespace OfficeFlow.Functions.Hosting.Schedules;

/// <summary>
/// One parsed field of an NCRONTAB expression: the set of allowed values (as a bit mask, every
/// field fits in 64 bits) and the rules for parsing it. Syntax as NCrontab accepts it: <c>*</c>,
/// <c>n</c>, <c>a-b</c>, <c>*/s</c>, <c>a-b/s</c>, <c>a/s</c> (a to the field's maximum), comma lists,
/// and month or day names (full or abbreviated to at least three letters, any case).
/// </summary>
public sealed class CrontabField
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static readonly CrontabFieldKind[] Order =
        [CrontabFieldKind.Second, CrontabFieldKind.Minute, CrontabFieldKind.Hour, CrontabFieldKind.Day, CrontabFieldKind.Month, CrontabFieldKind.DayOfWeek];

    private readonly ulong _mask;

    private CrontabField(CrontabFieldKind kind, ulong mask)
    {
        Kind = kind;
        _mask = mask;
        Values = Enumerable.Range(0, 64).Where(v => (mask & (1UL << v)) != 0).ToArray();
    }

    public CrontabFieldKind Kind { get; }

    /// <summary>The allowed values in ascending order.</summary>
    public IReadOnlyList<int> Values { get; }

    public bool Contains(int value) => value is >= 0 and < 64 && (_mask & (1UL << value)) != 0;

    /// <summary>True when every value of the field's range is allowed (what a plain <c>*</c> means).</summary>
    public bool IsFull
    {
        get
        {
            var (min, max) = Range(Kind);
            return Values.Count == max - min + 1;
        }
    }

    /// <summary>True when two consecutive values are allowed, i.e. NCrontab would print the field with '*' or '-'.</summary>
    public bool HasConsecutiveValues => Values.Zip(Values.Skip(1)).Any(p => p.Second == p.First + 1);

    public static (int Min, int Max) Range(CrontabFieldKind kind) => kind switch
    {
        CrontabFieldKind.Second or CrontabFieldKind.Minute => (0, 59),
        CrontabFieldKind.Hour => (0, 23),
        CrontabFieldKind.Day => (1, 31),
        CrontabFieldKind.Month => (1, 12),
        CrontabFieldKind.DayOfWeek => (0, 6),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Describe(CrontabFieldKind kind) => kind switch
    {
        CrontabFieldKind.Second => "second",
        CrontabFieldKind.Minute => "minute",
        CrontabFieldKind.Hour => "hour",
        CrontabFieldKind.Day => "day of month",
        CrontabFieldKind.Month => "month",
        CrontabFieldKind.DayOfWeek => "day of week",
        _ => kind.ToString(),
    };

    public static CrontabField Parse(CrontabFieldKind kind, string text)
    {
        var (min, max) = Range(kind);
        ulong mask = 0;
        foreach (var part in text.Split(','))
        {
            if (part.Length == 0)
            {
                throw Error(kind, text, "has an empty item in its comma list");
            }

            mask |= ParseItem(kind, text, part, min, max);
        }

        return new CrontabField(kind, mask);
    }

    private static ulong ParseItem(CrontabFieldKind kind, string field, string item, int min, int max)
    {
        var step = 1;
        var rangeText = item;
        var slash = item.IndexOf('/');
        if (slash >= 0)
        {
            rangeText = item[..slash];
            var stepText = item[(slash + 1)..];
            if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
            {
                throw Error(kind, field, $"has the step '/{stepText}'; a step must be a whole number of at least 1, e.g. '*/5'");
            }

            if (rangeText.Length == 0)
            {
                throw Error(kind, field, "has a step without a range before it; write '*/n' or 'a-b/n'");
            }
        }

        int first, last;
        if (rangeText == "*")
        {
            (first, last) = (min, max);
        }
        else if (rangeText.IndexOf('-') is var dash and > 0)
        {
            first = ParseValue(kind, field, rangeText[..dash], min, max);
            last = ParseValue(kind, field, rangeText[(dash + 1)..], min, max);
            if (last < first)
            {
                throw Error(kind, field, $"has the range '{rangeText}' whose end comes before its start; write the smaller value first");
            }
        }
        else
        {
            first = ParseValue(kind, field, rangeText, min, max);
            // "a/s" means from a to the field's maximum in steps of s, as NCrontab reads it.
            last = slash >= 0 ? max : first;
        }

        ulong mask = 0;
        for (var v = first; v <= last; v += step)
        {
            mask |= 1UL << v;
        }

        return mask;
    }

    private static int ParseValue(CrontabFieldKind kind, string field, string text, int min, int max)
    {
        if (text.Length == 0)
        {
            throw Error(kind, field, "has an empty value");
        }

        if (char.IsAsciiDigit(text[0]))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw Error(kind, field, $"has '{text}', which is not a whole number");
            }

            if (number < min || number > max)
            {
                var hint = kind == CrontabFieldKind.DayOfWeek && number == 7
                    ? " (NCrontab, which the Functions host uses, does not accept 7 for Sunday: write 0 or Sun)"
                    : "";
                throw Error(kind, field, $"has {number}, outside {min}-{max}{hint}");
            }

            return number;
        }

        var names = kind switch
        {
            CrontabFieldKind.Month => MonthNames,
            CrontabFieldKind.DayOfWeek => DayNames,
            _ => null,
        };
        if (names is null)
        {
            throw Error(kind, field, $"has '{text}', but this field takes numbers {min}-{max} only");
        }

        // At least three letters, so that e.g. "Ju" cannot silently mean June instead of July.
        for (var i = 0; i < names.Length; i++)
        {
            if (text.Length >= 3 && names[i].StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                return i + min;
            }
        }

        throw Error(kind, field, $"has '{text}', which is not a {Describe(kind)} name; use {string.Join(", ", names.Select(n => n[..3]))} (or numbers {min}-{max})");
    }

    private static CrontabFormatException Error(CrontabFieldKind kind, string field, string problem)
        => new($"The {Describe(kind)} field '{field}' {problem}.");
}

/// <summary>The six fields of an NCRONTAB expression, in the order they are written.</summary>
public enum CrontabFieldKind
{
    Second,
    Minute,
    Hour,
    Day,
    Month,
    DayOfWeek,
}
