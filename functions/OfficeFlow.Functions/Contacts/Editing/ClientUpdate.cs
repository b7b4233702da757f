using System.ComponentModel.DataAnnotations;
using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Functions.Contacts.Editing;

/// <summary>The body of PUT /api/clients/{id}: the full set of editable requisites (what is left out becomes empty).</summary>
public sealed record ClientUpdate
{
    [Required] public string? Name { get; init; }
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

    public const int MaxDomains = 20;

    /// <summary>Field errors in Russian, each saying what to fix; empty when the update may be saved.</summary>
    public Dictionary<string, string[]> Validate(LoggingPolicy policy)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 300)
        {
            errors["name"] = ["Укажите название клиента (до 300 символов), без организационно-правовой формы: «Ромашка»."];
        }

        foreach (var (field, value, max) in new[]
        {
            ("legalForm", LegalForm, 50), ("website", Website, InputLimits.Short), ("address", Address, InputLimits.Address),
            ("bankName", BankName, InputLimits.Short), ("signatoryName", SignatoryName, InputLimits.Short),
            ("signatoryPosition", SignatoryPosition, InputLimits.Short), ("signatoryBasis", SignatoryBasis, InputLimits.Short),
        })
        {
            if (!InputLimits.Fits(value, max))
            {
                errors[field] = [$"Поле {field} — до {max} символов."];
            }
        }

        if (Domains?.Count > MaxDomains)
        {
            errors["domains"] = [$"Доменов почты у клиента — не больше {MaxDomains}."];
        }

        if (!string.IsNullOrEmpty(Inn) && !RussianTaxIds.IsValidInn(Inn))
        {
            errors["inn"] = [$"ИНН {Echo.Short(Inn, 20)} не проходит проверку контрольных цифр: проверьте 10 цифр (организация) или 12 (ИП)."];
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

        foreach (var domain in errors.ContainsKey("domains") ? [] : Domains ?? [])
        {
            if (domain is not { Length: <= 253 } || MailAddress.DomainOf("x@" + domain) is not { } d || !d.Contains('.') || d.Contains(' '))
            {
                errors["domains"] = [$"«{Echo.Short(domain)}» — не домен почты; пример: romashka.ru."];
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
