using System.Globalization;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>
/// The shared-string table of the Tasks sheet, used only for its repeated columns (employee, task code,
/// category, client, source): a few thousand distinct values over a million rows. Free text (notes) stays
/// inline, so the table never grows with the ledger.
/// </summary>
public sealed class SharedStrings
{
    private readonly Dictionary<string, string> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public IReadOnlyList<string> Values => _values;

    /// <summary>Total references, for the table's "count" attribute.</summary>
    public int References { get; private set; }

    /// <summary>The index of <paramref name="text"/> as cell text ("0", "1", …), adding it when new.</summary>
    public string IndexOf(string text)
    {
        References++;
        if (!_indexes.TryGetValue(text, out var index))
        {
            index = _values.Count.ToString(CultureInfo.InvariantCulture);
            _indexes.Add(text, index);
            _values.Add(CellText.Clean(text));
        }

        return index;
    }
}
