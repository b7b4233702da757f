namespace OfficeFlow.Functions.Contacts.Matching;

/// <summary>How a message found its client.</summary>
public enum MatchedBy
{
    None,
    /// <summary>The counterparty's e-mail domain is a client's domain.</summary>
    Domain,
    /// <summary>The INN in the signature is a client's INN.</summary>
    Inn,
    /// <summary>The counterparty's address is a known contact of a client (free-mail senders).</summary>
    ContactEmail,
}

/// <summary>The client found for a message, if any, and by which rule.</summary>
public sealed record ClientMatch(string? ClientId, MatchedBy By)
{
    public static ClientMatch None { get; } = new(null, MatchedBy.None);
}

/// <summary>The three look-ups the matching rules need; Table Storage answers them from the index table.</summary>
public interface IClientLookup
{
    Task<string?> FindClientIdByDomainAsync(string domain, CancellationToken cancellationToken);
    Task<string?> FindClientIdByInnAsync(string inn, CancellationToken cancellationToken);
    Task<string?> FindClientIdByContactEmailAsync(string address, CancellationToken cancellationToken);
}

/// <summary>
/// Applies the matching rules in order: the sender's company domain (never a free-mail domain),
/// then the INN read from the signature, then the address of a known contact.
/// </summary>
public static class ClientMatcher
{
    public static async Task<ClientMatch> MatchAsync(LoggingDecision decision, string? signatureInn, IClientLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(lookup);
        if (!decision.ShouldLog)
        {
            return ClientMatch.None;
        }

        if (decision.CompanyDomain is { } domain && await lookup.FindClientIdByDomainAsync(domain, cancellationToken).ConfigureAwait(false) is { } byDomain)
        {
            return new(byDomain, MatchedBy.Domain);
        }

        if (signatureInn is not null && await lookup.FindClientIdByInnAsync(signatureInn, cancellationToken).ConfigureAwait(false) is { } byInn)
        {
            return new(byInn, MatchedBy.Inn);
        }

        if (decision.Counterparty is { } address && await lookup.FindClientIdByContactEmailAsync(address, cancellationToken).ConfigureAwait(false) is { } byContact)
        {
            return new(byContact, MatchedBy.ContactEmail);
        }

        return ClientMatch.None;
    }
}
