using System.Globalization;
using System.Text;
using OfficeFlow.Functions.Contacts.Extraction;

namespace OfficeFlow.Evaluation.Contacts;

/// <summary>Counts for one field: a value found and right (true positive), found but wrong or not there (false positive), missed (false negative).</summary>
public sealed record FieldScore(string Field, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>One disagreement between the extractor and the answer key, for the printed report.</summary>
public sealed record FieldMiss(string Email, string Field, string? Expected, string? Actual);

/// <summary>The scores of a whole corpus run.</summary>
public sealed record ExtractionReport(int Emails, IReadOnlyList<FieldScore> Fields, IReadOnlyList<FieldMiss> Misses)
{
    public FieldScore this[string field] => Fields.Single(f => f.Field == field);

    /// <summary>A fixed-width table: field, TP, FP, FN, precision, recall.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Signature extraction over {Emails} e-mails");
        text.AppendLine("field         TP  FP  FN  precision  recall");
        foreach (var f in Fields)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Field,-12} {f.TruePositives,3} {f.FalsePositives,3} {f.FalseNegatives,3}  {f.Precision,9:P1}  {f.Recall,6:P1}");
        }

        return text.ToString();
    }
}

/// <summary>Runs <see cref="SignatureExtractor"/> over a labelled corpus and scores precision and recall per field.</summary>
public static class ExtractionScorer
{
    public static readonly IReadOnlyList<string> FieldNames = ["personName", "position", "companyName", "legalForm", "phones", "inn", "kpp", "website"];

    public static ExtractionReport Score(IReadOnlyList<CorpusEmail> corpus)
    {
        var counts = FieldNames.ToDictionary(f => f, _ => new int[3]);
        var misses = new List<FieldMiss>();
        foreach (var email in corpus)
        {
            var m = email.Message;
            var actual = SignatureExtractor.Extract(m.BodyText, m.BodyHtml, m.From?.Name);
            var e = email.Expected;
            CountSingle(email.Name, "personName", e.PersonName, actual.PersonName);
            CountSingle(email.Name, "position", e.Position, actual.Position);
            CountSingle(email.Name, "companyName", e.CompanyName, actual.Company?.Name);
            CountSingle(email.Name, "legalForm", e.LegalForm, actual.Company?.LegalForm);
            CountSingle(email.Name, "inn", e.Inn, actual.Inn);
            CountSingle(email.Name, "kpp", e.Kpp, actual.Kpp);
            CountSingle(email.Name, "website", e.Website, actual.Website);
            CountSet(email.Name, "phones", e.Phones, actual.Phones.Select(p => p.ToString()).ToList());
        }

        return new ExtractionReport(corpus.Count, FieldNames.Select(f => new FieldScore(f, counts[f][0], counts[f][1], counts[f][2])).ToList(), misses);

        void CountSingle(string email, string field, string? expected, string? actual)
        {
            var c = counts[field];
            var exp = Normalise(expected);
            var act = Normalise(actual);
            if (exp is not null && exp == act)
            {
                c[0]++;
                return;
            }

            if (act is not null)
            {
                c[1]++;
            }

            if (exp is not null)
            {
                c[2]++;
            }

            if (exp != act)
            {
                misses.Add(new FieldMiss(email, field, expected, actual));
            }
        }

        void CountSet(string email, string field, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
        {
            var c = counts[field];
            var exp = expected.ToHashSet(StringComparer.Ordinal);
            var act = actual.ToHashSet(StringComparer.Ordinal);
            c[0] += act.Count(exp.Contains);
            c[1] += act.Count(a => !exp.Contains(a));
            c[2] += exp.Count(x => !act.Contains(x));
            if (!exp.SetEquals(act))
            {
                misses.Add(new FieldMiss(email, field, string.Join(", ", expected), string.Join(", ", actual)));
            }
        }
    }

    private static string? Normalise(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant().Replace('ё', 'е');
}
