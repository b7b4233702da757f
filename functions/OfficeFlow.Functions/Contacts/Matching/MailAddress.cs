namespace OfficeFlow.Functions.Contacts.Matching;

/// <summary>Helpers for e-mail addresses as keys: lower case, trimmed, domain part.</summary>
public static class MailAddress
{
    public static string Normalise(string address) => address.Trim().Trim('<', '>').ToLowerInvariant();

    /// <summary>The domain of an address ("romashka.ru"), or null when it is not an address.</summary>
    public static string? DomainOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var normalised = Normalise(address);
        var at = normalised.LastIndexOf('@');
        return at > 0 && at < normalised.Length - 1 ? normalised[(at + 1)..] : null;
    }

    /// <summary>True when the address looks like local@domain.tld.</summary>
    public static bool IsValid(string? address)
    {
        var domain = DomainOf(address);
        return domain is not null && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !address!.Trim().Contains(' ');
    }
}
