using System.ComponentModel.DataAnnotations;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Functions.Contacts.Matching;

/// <summary>Why a message is or is not logged, in words the manager sees.</summary>
public enum LoggingDecisionKind
{
    /// <summary>Log it: <see cref="LoggingDecision.Counterparty"/> is the client-side person.</summary>
    Log,
    /// <summary>Everyone on it is at the firm's own domains.</summary>
    InternalCorrespondence,
    /// <summary>The client-side address or its domain is on the never-log list.</summary>
    NeverLog,
    /// <summary>No usable sender address.</summary>
    NoAddress,
}

/// <summary>The outcome of <see cref="LoggingPolicy.Decide"/>.</summary>
/// <param name="Counterparty">The client-side address (sender of incoming mail, first outside recipient of outgoing).</param>
/// <param name="Outgoing">True when the firm wrote the message.</param>
/// <param name="CompanyDomain">The counterparty's domain when it can define a company (not free mail), else null.</param>
/// <param name="Reason">A sentence for the manager (Russian) when not logged.</param>
public sealed record LoggingDecision(LoggingDecisionKind Kind, string? Counterparty, string? CounterpartyName, bool Outgoing, string? CompanyDomain, string? Reason)
{
    public bool ShouldLog => Kind == LoggingDecisionKind.Log;
}

/// <summary>
/// The matching rules before any lookup: who the client-side person is, whether their domain may define
/// a company (free-mail domains never do), and whether the message is excluded (own domains, never-log list).
/// </summary>
public sealed class LoggingPolicy
{
    private readonly HashSet<string> _freeMail;
    private readonly HashSet<string> _own;
    private readonly HashSet<string> _neverLog;

    public LoggingPolicy(ContactsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _freeMail = options.FreeMailDomains.Select(MailAddress.Normalise).ToHashSet(StringComparer.Ordinal);
        _own = options.OwnDomains.Select(MailAddress.Normalise).ToHashSet(StringComparer.Ordinal);
        _neverLog = options.NeverLog.Select(MailAddress.Normalise).ToHashSet(StringComparer.Ordinal);
    }

    public bool IsFreeMail(string domain) => _freeMail.Contains(MailAddress.Normalise(domain));

    public bool IsOwn(string? address) => MailAddress.DomainOf(address) is { } domain && IsOwnDomain(domain);

    /// <param name="from">The sender.</param>
    /// <param name="recipients">To and Cc, in order.</param>
    public LoggingDecision Decide(MailParty? from, IEnumerable<MailParty> recipients)
    {
        if (from is null || !MailAddress.IsValid(from.Address))
        {
            return new(LoggingDecisionKind.NoAddress, null, null, false, null, "В письме нет адреса отправителя: не с кем связать событие.");
        }

        var outgoing = IsOwn(from.Address);
        var counterparty = outgoing
            ? recipients.FirstOrDefault(r => MailAddress.IsValid(r.Address) && !IsOwn(r.Address))
            : from;
        if (counterparty is null)
        {
            return new(LoggingDecisionKind.InternalCorrespondence, null, null, true, null,
                "Письмо внутреннее: отправитель и все получатели — с доменов нашей фирмы, это не контакт с клиентом.");
        }

        var address = MailAddress.Normalise(counterparty.Address!);
        var domain = MailAddress.DomainOf(address)!;
        if (_neverLog.Contains(address) || _neverLog.Contains(domain))
        {
            return new(LoggingDecisionKind.NeverLog, address, counterparty.Name, outgoing, null,
                $"Адрес {address} в списке «не записывать» (Contacts:NeverLog): такие письма не записываются.");
        }

        return new(LoggingDecisionKind.Log, address, counterparty.Name, outgoing, IsFreeMail(domain) ? null : domain, null);
    }

    private bool IsOwnDomain(string domain) =>
        _own.Contains(domain) || _own.Any(own => domain.EndsWith("." + own, StringComparison.Ordinal));
}

/// <summary>A name and address on a message (From, To, Cc).</summary>
public sealed record MailParty(string? Name = null, [property: Required, OpenApiExample("\"i.petrov@romashka.ru\"")] string? Address = null);
