using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Functions.Firm;

/// <summary>Checks the requisites an admin saves: lengths, and the control sums of INN, KPP, OGRN, BIK and both accounts.
/// Empty fields are allowed (the firm may be filled in over several sittings); the answer says what is still missing.</summary>
public static class FirmValidation
{
    public static Dictionary<string, string[]> Validate(FirmRequisites firm)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            var label = FirmRequisites.Labels[field];
            errors[field] = [$"{char.ToUpperInvariant(label[0])}{label[1..]}: {message}"];
        }

        foreach (var (field, value, max) in Texts(firm))
        {
            if (value.Length > max)
            {
                Fail(field, $"не длиннее {max} символов.");
            }
            else if (value.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
            {
                Fail(field, "уберите управляющие и непечатаемые символы.");
            }
        }

        if (firm.Inn.Length > 0 && !RussianRequisites.IsValidInn(firm.Inn))
        {
            Fail("inn", "10 цифр у организации или 12 у ИП, с верными контрольными цифрами.");
        }

        if (firm.Kpp.Length > 0 && !RussianRequisites.IsValidKpp(firm.Kpp))
        {
            Fail("kpp", "9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры.");
        }
        else if (firm.Kpp.Length > 0 && RussianRequisites.IsSoleTraderInn(firm.Inn))
        {
            Fail("kpp", "у ИП (ИНН из 12 цифр) КПП нет — оставьте поле пустым.");
        }

        if (firm.Ogrn.Length > 0)
        {
            var expected = RussianRequisites.IsSoleTraderInn(firm.Inn) ? 15 : 13;
            if (!RussianRequisites.IsValidOgrn(firm.Ogrn) || (firm.Inn.Length > 0 && firm.Ogrn.Length != expected))
            {
                Fail("ogrn", expected == 15 ? "ОГРНИП — 15 цифр с верной контрольной цифрой." : "13 цифр с верной контрольной цифрой (у ИП — ОГРНИП из 15 цифр).");
            }
        }

        var bikValid = firm.Bik.Length == 0 || RussianRequisites.IsValidBik(firm.Bik);
        if (!bikValid)
        {
            Fail("bik", "9 цифр, начинается с 04.");
        }

        if (firm.Account.Length > 0 && (firm.Account.Length != 20 || !firm.Account.All(char.IsAsciiDigit)))
        {
            Fail("account", "20 цифр.");
        }
        else if (firm.Account.Length > 0 && firm.Bik.Length > 0 && bikValid && !RussianRequisites.IsValidAccount(firm.Account, firm.Bik))
        {
            Fail("account", "не сходится контрольный ключ с БИК — проверьте счёт и БИК банка.");
        }

        if (firm.CorrAccount.Length > 0 && (firm.CorrAccount.Length != 20 || !firm.CorrAccount.StartsWith("301", StringComparison.Ordinal) || !firm.CorrAccount.All(char.IsAsciiDigit)))
        {
            Fail("corrAccount", "20 цифр, начинается с 301.");
        }
        else if (firm.CorrAccount.Length > 0 && firm.Bik.Length > 0 && bikValid && !RussianRequisites.IsValidCorrAccount(firm.CorrAccount, firm.Bik))
        {
            Fail("corrAccount", "не сходится с БИК — проверьте корр. счёт и БИК банка.");
        }

        return errors;
    }

    private static IEnumerable<(string Field, string Value, int Max)> Texts(FirmRequisites firm) =>
    [
        ("name", firm.Name, InputLimits.Name),
        ("inn", firm.Inn, 12),
        ("kpp", firm.Kpp, 9),
        ("ogrn", firm.Ogrn, 15),
        ("address", firm.Address, InputLimits.Address),
        ("bank", firm.Bank, InputLimits.Short),
        ("account", firm.Account, 20),
        ("corrAccount", firm.CorrAccount, 20),
        ("bik", firm.Bik, 9),
        ("city", firm.City, InputLimits.Unit),
        ("signatoryPosition", firm.SignatoryPosition, InputLimits.Short),
        ("signatoryGenitive", firm.SignatoryGenitive, InputLimits.Name),
        ("signatoryShort", firm.SignatoryShort, InputLimits.Short),
        ("basis", firm.Basis, InputLimits.Short),
        ("accountantShort", firm.AccountantShort, InputLimits.Short),
    ];
}
