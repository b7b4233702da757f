using OfficeFlow.Evaluation.Contacts;
using Xunit.Abstractions;

namespace OfficeFlow.Tests.Contacts;

public sealed class SignatureExtractionCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_CoversTheCasesTheIssueNames()
    {
        var corpus = ExtractionCorpus.Load(CorpusFolder.Path);

        Assert.True(corpus.Count >= 30, $"only {corpus.Count} labelled e-mails");
        Assert.Contains(corpus, e => e.Message.BodyHtml is not null);
        Assert.Contains(corpus, e => e.Message.BodyText is not null);
        foreach (var style in new[] { "outlook", "gmail", "mailru", "yandex" })
        {
            Assert.Contains(corpus, e => e.Style.StartsWith(style, StringComparison.Ordinal));
        }

        Assert.Contains(corpus, e => e.Expected.Phones.Count >= 2);
        Assert.Contains(corpus, e => e.Expected.PersonName is null && e.Expected.Phones.Count == 0);
        Assert.Contains(corpus, e => e.Message.From!.Address!.EndsWith(".com", StringComparison.Ordinal) && e.Expected.LegalForm is "LLC" or "Ltd" or "Inc" or "GmbH");
    }

    [Fact]
    public void Corpus_PrecisionAndRecallPerField_MeetTheMinimums()
    {
        var report = ExtractionScorer.Score(ExtractionCorpus.Load(CorpusFolder.Path));

        output.WriteLine(report.ToTable());
        foreach (var miss in report.Misses)
        {
            output.WriteLine($"{miss.Email} {miss.Field}: expected '{miss.Expected}', got '{miss.Actual}'");
        }

        foreach (var field in report.Fields)
        {
            // Wrong requisites on a client card cost more than missing ones: precision is held higher than recall.
            Assert.True(field.Precision >= 0.9, $"{field.Field}: precision {field.Precision:P1} is below 90 %");
            Assert.True(field.Recall >= 0.8, $"{field.Field}: recall {field.Recall:P1} is below 80 %");
        }
    }

    [Fact]
    public void HeldOutCorpus_NeverTunedOn_StaysUsable()
    {
        // Written after the extractor and not tuned on: its figures are the honest estimate for unseen mail.
        var report = ExtractionScorer.Score(ExtractionCorpus.Load(CorpusFolder.Path + "Holdout"));

        output.WriteLine(report.ToTable());
        foreach (var miss in report.Misses)
        {
            output.WriteLine($"{miss.Email} {miss.Field}: expected '{miss.Expected}', got '{miss.Actual}'");
        }

        Assert.True(report.Emails >= 10);
        foreach (var field in report.Fields)
        {
            Assert.True(field.Precision >= 0.85, $"{field.Field}: precision {field.Precision:P1} is below 85 %");
            Assert.True(field.Recall >= 0.75, $"{field.Field}: recall {field.Recall:P1} is below 75 %");
        }
    }

    [Fact]
    public void Scorer_CountsAWrongValueAsBothAFalsePositiveAndAMiss()
    {
        var email = new CorpusEmail
        {
            Name = "wrong-phone",
            Message = new() { BodyText = "Добрый день.\n\nС уважением,\nИван Петров\nТел. +7 495 123-45-67\n" },
            Expected = new() { PersonName = "Иван Петров", Phones = ["+74950000000"] },
        };

        var report = ExtractionScorer.Score([email]);

        Assert.Equal(new FieldScore("phones", 0, 1, 1), report["phones"]);
        Assert.Equal(new FieldScore("personName", 1, 0, 0), report["personName"]);
        Assert.Contains(report.Misses, m => m.Field == "phones" && m.Actual == "+74951234567");
    }
}
