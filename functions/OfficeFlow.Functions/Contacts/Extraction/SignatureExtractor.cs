using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Reads the sender's signature out of an e-mail body (text, or HTML converted first): person name,
/// position, company with legal form, phones, INN (checksum verified), KPP, OGRN and website.
/// Quoted replies, forwarded history and disclaimers are cut away first (<see cref="AuthoredText"/>).
/// </summary>
public static partial class SignatureExtractor
{
    private const int MaxSignatureLines = 14;

    /// <param name="bodyText">The plain-text body, if the message has one.</param>
    /// <param name="bodyHtml">The HTML body, used when there is no text body.</param>
    /// <param name="senderName">The From display name: a hint that helps tell the person's name from other short lines.</param>
    public static ExtractedSignature Extract(string? bodyText, string? bodyHtml, string? senderName = null)
    {
        var text = !string.IsNullOrWhiteSpace(bodyText) ? bodyText : HtmlToText.Convert(bodyHtml);
        var authored = AuthoredText.Lines(text);
        var signature = SignatureBlock.Find(authored);
        if (signature.Count == 0)
        {
            return ExtractedSignature.Empty;
        }

        var (inn, rejected) = FindInn(authored);
        var company = FindCompany(signature, authored);
        var (name, nameLine) = PersonNameFinder.Find(signature, senderName);
        // An entrepreneur's business name is their full name: "ИП Сидоров Андрей Викторович" names the person too.
        if (name is null && company is { LegalForm: "ИП" } && company.Name.Split(' ').Length >= 2 && !company.Name.Contains('.'))
        {
            name = company.Name;
        }

        return new ExtractedSignature
        {
            PersonName = name,
            Position = PositionFinder.Find(signature, nameLine),
            Company = company,
            Phones = signature.SelectMany(PhoneParser.Find).Distinct().ToList(),
            Inn = inn,
            Kpp = FindKpp(authored),
            Ogrn = FindOgrn(authored),
            Website = WebsiteFinder.Find(signature),
            RejectedInns = rejected,
        };
    }

    // Requisites are labelled, so they are read from everything the sender wrote, not only the signature block.
    private static (string? Inn, IReadOnlyList<string> Rejected) FindInn(IReadOnlyList<string> lines)
    {
        string? valid = null;
        var rejected = new List<string>();
        foreach (Match match in lines.SelectMany(l => InnLabel().Matches(l)))
        {
            var candidate = match.Groups["inn"].Value;
            if (RussianTaxIds.IsValidInn(candidate))
            {
                valid ??= candidate;
            }
            else if (!rejected.Contains(candidate))
            {
                rejected.Add(candidate);
            }
        }

        return (valid, rejected);
    }

    private static string? FindKpp(IReadOnlyList<string> lines) =>
        lines.SelectMany(l => KppLabel().Matches(l)).Select(m => m.Groups["kpp"].Value).FirstOrDefault(RussianTaxIds.IsValidKpp);

    private static string? FindOgrn(IReadOnlyList<string> lines) =>
        lines.SelectMany(l => OgrnLabel().Matches(l)).Select(m => m.Groups["ogrn"].Value).FirstOrDefault(RussianTaxIds.IsValidOgrn);

    private static CompanyName? FindCompany(IReadOnlyList<string> signature, IReadOnlyList<string> authored)
    {
        foreach (var line in signature)
        {
            if (CompanyNameParser.Find(line) is { } found)
            {
                return found.Company;
            }
        }

        // A company named on the requisites line ("ООО «Альфа», ИНН …") counts even outside the signature block.
        return authored.Where(l => InnLabel().IsMatch(l)).Select(CompanyNameParser.Find).FirstOrDefault(f => f is not null)?.Company;
    }

    // "ИНН 7707083893", "ИНН/КПП: 7707083893/773601001", "INN 7707083893".
    [GeneratedRegex(@"(?:ИНН|INN)(?:\s*/\s*(?:КПП|KPP))?\s*[:№]?\s*(?<inn>\d{10}|\d{12})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex InnLabel();

    [GeneratedRegex(@"(?:КПП|KPP)\s*[:№]?\s*(?<kpp>\d{4}[\dA-Z]{2}\d{3})(?!\d)|(?:ИНН|INN)\s*/\s*(?:КПП|KPP)\s*[:№]?\s*\d{10}\s*/\s*(?<kpp>\d{4}[\dA-Z]{2}\d{3})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex KppLabel();

    [GeneratedRegex(@"(?:ОГРНИП|ОГРН|OGRN)\s*[:№]?\s*(?<ogrn>\d{15}|\d{13})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex OgrnLabel();
}
