using System.Text.Json;
using OfficeFlow.Functions.Contacts;

namespace OfficeFlow.Evaluation.Contacts;

/// <summary>The fields a human read from one e-mail's signature: the answer key for <see cref="ExtractionScorer"/>.</summary>
public sealed record ExpectedSignature
{
    public string? PersonName { get; init; }
    public string? Position { get; init; }
    public string? CompanyName { get; init; }
    public string? LegalForm { get; init; }
    public IReadOnlyList<string> Phones { get; init; } = [];
    public string? Inn { get; init; }
    public string? Kpp { get; init; }
    public string? Website { get; init; }
}

/// <summary>One labelled e-mail of the corpus: the message as the add-in would send it and the expected signature fields.</summary>
public sealed record CorpusEmail
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string Style { get; init; } = "";
    public LogEmailRequest Message { get; init; } = new();
    public ExpectedSignature Expected { get; init; } = new();
}

/// <summary>Loads the labelled e-mails (one JSON file each) from a folder.</summary>
public static class ExtractionCorpus
{
    public static IReadOnlyList<CorpusEmail> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The e-mail corpus folder '{folder}' does not exist.");
        }

        return Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => (JsonSerializer.Deserialize<CorpusEmail>(File.ReadAllText(path), JsonSerializerOptions.Web)
                    ?? throw new InvalidDataException($"'{path}' is empty."))
                with { Name = Path.GetFileNameWithoutExtension(path) })
            .ToList();
    }
}
