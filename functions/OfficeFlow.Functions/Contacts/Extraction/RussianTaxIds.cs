namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>Check digits of Russian tax identifiers, so a mistyped or invented number is never stored as a client's INN.</summary>
public static class RussianTaxIds
{
    private static readonly int[] Inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11Weights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12Weights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    /// <summary>True for a 10-digit (company) or 12-digit (individual) INN whose check digits are right.</summary>
    public static bool IsValidInn(string? inn)
    {
        if (inn is null || !inn.All(char.IsAsciiDigit))
        {
            return false;
        }

        return inn.Length switch
        {
            10 => CheckDigit(inn, Inn10Weights) == inn[9] - '0',
            12 => CheckDigit(inn, Inn11Weights) == inn[10] - '0' && CheckDigit(inn, Inn12Weights) == inn[11] - '0',
            _ => false,
        };
    }

    /// <summary>True for a KPP: 9 characters, four digits, two digits or capital Latin letters, three digits.</summary>
    public static bool IsValidKpp(string? kpp) =>
        kpp is { Length: 9 }
        && kpp[..4].All(char.IsAsciiDigit)
        && kpp[4..6].All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'Z')
        && kpp[6..].All(char.IsAsciiDigit);

    /// <summary>True for a 13-digit OGRN or a 15-digit OGRNIP with the right check digit.</summary>
    public static bool IsValidOgrn(string? ogrn)
    {
        if (ogrn is null || !ogrn.All(char.IsAsciiDigit))
        {
            return false;
        }

        return ogrn.Length switch
        {
            13 => long.Parse(ogrn[..12], System.Globalization.CultureInfo.InvariantCulture) % 11 % 10 == ogrn[12] - '0',
            15 => long.Parse(ogrn[..14], System.Globalization.CultureInfo.InvariantCulture) % 13 % 10 == ogrn[14] - '0',
            _ => false,
        };
    }

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11 % 10;
    }
}
