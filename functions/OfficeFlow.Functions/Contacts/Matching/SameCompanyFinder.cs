using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Matching;

/// <summary>What <see cref="SameCompanyFinder"/> found: the client that is the signature's company, or one that may be.</summary>
public sealed record SameCompanyResult(ClientEntity? Same, ClientEntity? Possible)
{
    public static SameCompanyResult None { get; } = new(null, null);
}

/// <summary>
/// Finds an existing client for the company in a free-mail sender's signature (no domain to match on), so that a
/// second address of the same company does not become a second client. Candidates come from the prefix-search
/// rows of the name's first word (one range query; only on the way to creating a client), then each candidate
/// whose name is close enough is read and compared by <see cref="SameCompany"/>.
/// </summary>
public sealed class SameCompanyFinder(ClientDirectory directory)
{
    /// <summary>How many search hits are looked at: a name's first word rarely starts more client names than this.</summary>
    private const int Candidates = 50;

    public async Task<SameCompanyResult> FindAsync(CompanyName company, string? inn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var words = SearchTokens.NameWords(company.Name);
        if (words.Count == 0)
        {
            return SameCompanyResult.None;
        }

        var hits = await directory.SearchAsync(words[0], Candidates, cancellationToken).ConfigureAwait(false);
        ClientEntity? possible = null;
        foreach (var hit in hits.Where(h => h.Contact is null))
        {
            // The search row carries the name and INN: only candidates that could be the company cost a read.
            var rough = SameCompany.Compare(company, inn, new ClientEntity { Name = hit.Name, Inn = hit.Inn, LegalForm = company.LegalForm });
            if (rough == SameCompanyVerdict.Unrelated || await directory.GetAsync(hit.Id, cancellationToken).ConfigureAwait(false) is not { } client)
            {
                continue;
            }

            switch (SameCompany.Compare(company, inn, client))
            {
                case SameCompanyVerdict.Same:
                    return new SameCompanyResult(client, null);
                case SameCompanyVerdict.Possible:
                    possible ??= client;
                    break;
            }
        }

        return new SameCompanyResult(null, possible);
    }
}
