using System.Globalization;
using System.Text;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>Cell addresses and text hygiene for the workbook.</summary>
public static class CellText
{
    private static readonly DateTime OaEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Removes the characters XML 1.0 cannot carry (control characters, lone surrogates), which would corrupt the file.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        foreach (var c in text)
        {
            if (!IsXmlChar(c))
            {
                return Strip(text);
            }
        }

        return text;
    }

    private static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c) && !char.IsSurrogate(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);

    /// <summary>"A", "B", … "Z", "AA" for a 1-based column number.</summary>
    public static string Column(int number)
    {
        var name = "";
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - rest - 1) / 26;
        }

        return name;
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The spreadsheet serial number of a local date and time (days since 1899-12-30).</summary>
    public static double Serial(DateTime local) => (local - OaEpoch).TotalDays;

    public static double Serial(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(OaEpoch).DayNumber;

    /// <summary>A quoted sheet reference for formulas: 'Задачи'!$G:$G.</summary>
    public static string Sheet(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'!";
}
