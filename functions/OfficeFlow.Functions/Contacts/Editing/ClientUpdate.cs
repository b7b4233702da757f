using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Matching;

namespace OfficeFlow.Functions.Contacts.Editing;

/// <summary>The body of PUT /api/clients/{id}: the full set of editable requisites (what is left out becomes empty).</summary>
public sealed record ClientUpdate
{
    public string? Name { get; init; }
    public string? LegalForm { get; init; }
    public string? Inn { get; init; }
    public string? Kpp { get; init; }
    public string? Ogrn { get; init; }
    public IReadOnlyList<string>? Domains { get; init; }
    public string? Website { get; init; }
    public string? Address { get; init; }
    public string? BankName { get; init; }
    public string? Bik { get; init; }
    public string? SettlementAccount { get; init; }
    public string? CorrespondentAccount { get; init; }
    public string? SignatoryName { get; init; }
    public string? SignatoryPosition { get; init; }
    public string? SignatoryBasis { get; init; }

    /// <summary>Field errors in Russian, each saying what to fix; empty when the update may be saved.</summary>
    public Dictionary<string, string[]> Validate(LoggingPolicy policy)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 300)
        {
            errors["name"] = ["Укажите название клиента (до 300 символов), без организационно-правовой формы: «Ромашка»."];
        }

        if (!string.IsNullOrEmpty(Inn) && !RussianTaxIds.IsValidInn(Inn))
        {
            errors["inn"] = [$"ИНН {Inn} не проходит проверку контрольных цифр: проверьте 10 цифр (организация) или 12 (ИП)."];
        }

        if (!string.IsNullOrEmpty(Kpp) && !RussianTaxIds.IsValidKpp(Kpp))
        {
            errors["kpp"] = ["КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры."];
        }

        if (!string.IsNullOrEmpty(Ogrn) && !RussianTaxIds.IsValidOgrn(Ogrn))
        {
            errors["ogrn"] = ["ОГРН (13 цифр) или ОГРНИП (15 цифр) не проходит проверку контрольной цифры."];
        }

        if (!string.IsNullOrEmpty(Bik) && (Bik.Length != 9 || !Bik.All(char.IsAsciiDigit)))
        {
            errors["bik"] = ["БИК — 9 цифр."];
        }

        foreach (var (field, account) in new[] { ("settlementAccount", SettlementAccount), ("correspondentAccount", CorrespondentAccount) })
        {
            if (!string.IsNullOrEmpty(account) && (account.Length != 20 || !account.All(char.IsAsciiDigit)))
            {
                errors[field] = ["Номер счёта — 20 цифр."];
            }
        }

        foreach (var domain in Domains ?? [])
        {
            if (MailAddress.DomainOf("x@" + domain) is not { } d || !d.Contains('.') || d.Contains(' '))
            {
                errors["domains"] = [$"«{domain}» — не домен почты; пример: romashka.ru."];
            }
            else if (policy.IsFreeMail(d))
            {
                errors["domains"] = [$"{d} — общедоступная почта: она не может принадлежать клиенту."];
            }
            else if (policy.IsOwn("x@" + d))
            {
                errors["domains"] = [$"{d} — домен нашей фирмы, не клиента."];
            }
        }

        return errors;
    }
}
