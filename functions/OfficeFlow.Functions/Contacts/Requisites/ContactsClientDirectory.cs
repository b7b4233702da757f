using System.Text.Json.Nodes;
using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Contracts;

namespace OfficeFlow.Functions.Contacts.Requisites;

/// <summary>
/// The contracts capability's <see cref="IClientDirectory"/> over the Clients table: a client's card as the
/// template fields <c>client.*</c>. Contracts owns the interface, Contacts implements it, so Contracts never
/// reads the Clients table itself. Only fields the card actually holds are returned, so a template field the
/// card cannot fill (the signatory's name in the genitive case, which is not derivable reliably) is reported
/// by the contract's dry run as a field the manager must fill, not filled with a guess.
/// </summary>
public sealed class ContactsClientDirectory(ClientDirectory directory) : IClientDirectory
{
    public async Task<JsonObject?> FindAsync(string clientId, CancellationToken cancellationToken = default)
    {
        if (!ClientDirectory.IsValidId(clientId))
        {
            return null;
        }

        var client = await directory.GetAsync(clientId, cancellationToken).ConfigureAwait(false);
        return client is null ? null : ToFields(client);
    }

    public static JsonObject ToFields(ClientEntity c)
    {
        var fields = new JsonObject
        {
            ["name"] = c.DisplayName,
        };
        Add(fields, "legal_form", c.LegalForm);
        Add(fields, "inn", c.Inn);
        Add(fields, "kpp", c.Kpp);
        Add(fields, "ogrn", c.Ogrn);
        Add(fields, "address", c.Address);
        Add(fields, "bank", c.BankName);
        Add(fields, "account", c.SettlementAccount);
        Add(fields, "corr_account", c.CorrespondentAccount);
        Add(fields, "bik", c.Bik);
        Add(fields, "signatory_name", c.SignatoryName);
        Add(fields, "signatory_position", c.SignatoryPosition);
        Add(fields, "signatory_short", ShortName(c.SignatoryName));
        Add(fields, "basis", c.SignatoryBasis);
        return fields;
    }

    /// <summary>"Петрова Елена Сергеевна" → "Е.С. Петрова" (surname first, as Russian requisites write it); null when not three or two words.</summary>
    public static string? ShortName(string? fullName)
    {
        var words = (fullName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length is < 2 or > 3 || words.Any(w => !char.IsLetter(w[0])))
        {
            return null;
        }

        var initials = string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + "."));
        return initials + " " + words[0];
    }

    private static void Add(JsonObject fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields[name] = value.Trim();
        }
    }
}
