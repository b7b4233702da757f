using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Matching;

/// <summary>How sure it is that a signature's company is an existing client.</summary>
public enum SameCompanyVerdict
{
    /// <summary>Another company (different INNs, or names that do not match).</summary>
    Unrelated,
    /// <summary>Perhaps the same: the same name with a different or missing legal form, or a similar name with an INN on one side only.</summary>
    Possible,
    /// <summary>The same company: the same INN, or the same legal form and the same name.</summary>
    Same,
}

/// <summary>
/// Compares a company named in a signature with a stored client. Names are compared as their words without the
/// legal form, lower case, quotes dropped: «ООО «Ромашка»», «ООО Ромашка» and «Общество с ограниченной
/// ответственностью "Ромашка"» (which the parser turns into ООО) are one name.
/// </summary>
public static class SameCompany
{
    public static SameCompanyVerdict Compare(CompanyName company, string? inn, ClientEntity client)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(client);
        if (inn is not null && client.Inn is { Length: > 0 } clientInn)
        {
            // Two INNs decide on their own: one company, or two companies that happen to share a name.
            return inn == clientInn ? SameCompanyVerdict.Same : SameCompanyVerdict.Unrelated;
        }

        var words = SearchTokens.NameWords(company.Name);
        var clientWords = SearchTokens.NameWords(client.Name);
        if (words.Count == 0 || clientWords.Count == 0)
        {
            return SameCompanyVerdict.Unrelated;
        }

        if (words.SequenceEqual(clientWords, StringComparer.Ordinal))
        {
            return string.Equals(company.LegalForm, client.LegalForm, StringComparison.OrdinalIgnoreCase) ? SameCompanyVerdict.Same : SameCompanyVerdict.Possible;
        }

        // "Ромашка" and "Ромашка Плюс": one name holds every word of the other. Without two INNs to tell them apart, a person decides.
        var shorter = words.Count <= clientWords.Count ? words : clientWords;
        var longer = ReferenceEquals(shorter, words) ? clientWords : words;
        return shorter.All(w => longer.Contains(w, StringComparer.Ordinal)) ? SameCompanyVerdict.Possible : SameCompanyVerdict.Unrelated;
    }
}
