namespace OfficeFlow.Functions.Firm;

/// <summary>
/// The control sums of Russian company requisites, as the tax service and the Bank of Russia define them: an INN,
/// an OGRN or a settlement account with one wrong digit is refused before it reaches a document someone pays by.
/// </summary>
public static class RussianRequisites
{
    private static readonly int[] Inn10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    /// <summary>A company's INN (10 digits) or a sole trader's (12 digits) with correct check digits.</summary>
    public static bool IsValidInn(string inn) => AllDigits(inn) && inn.Length switch
    {
        10 => CheckDigit(inn, Inn10) == inn[9] - '0',
        12 => CheckDigit(inn, Inn11) == inn[10] - '0' && CheckDigit(inn, Inn12) == inn[11] - '0',
        _ => false,
    };

    /// <summary>A sole trader has a 12-digit INN, and no KPP.</summary>
    public static bool IsSoleTraderInn(string? inn) => inn is { Length: 12 };

    /// <summary>KPP: 4 digits (the tax office), 2 digits or capital Latin letters (the reason), 3 digits.</summary>
    public static bool IsValidKpp(string kpp) =>
        kpp.Length == 9 && kpp.Take(4).All(char.IsAsciiDigit) && kpp.Skip(4).Take(2).All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'Z')
        && kpp.Skip(6).All(char.IsAsciiDigit);

    /// <summary>OGRN (13 digits: the first 12 mod 11, then mod 10) or a sole trader's OGRNIP (15 digits: the first 14 mod 13, then mod 10).</summary>
    public static bool IsValidOgrn(string ogrn) => AllDigits(ogrn) && ogrn.Length switch
    {
        13 => long.Parse(ogrn[..12], System.Globalization.CultureInfo.InvariantCulture) % 11 % 10 == ogrn[12] - '0',
        15 => long.Parse(ogrn[..14], System.Globalization.CultureInfo.InvariantCulture) % 13 % 10 == ogrn[14] - '0',
        _ => false,
    };

    /// <summary>A Russian bank's BIK: 9 digits, starting with the country code 04.</summary>
    public static bool IsValidBik(string bik) => bik.Length == 9 && AllDigits(bik) && bik.StartsWith("04", StringComparison.Ordinal);

    /// <summary>A settlement account (20 digits) whose control key matches the bank: the BIK's last three digits and the
    /// account, weighted 7-1-3, sum to a multiple of 10.</summary>
    public static bool IsValidAccount(string account, string bik) =>
        account.Length == 20 && AllDigits(account) && IsValidBik(bik) && WeightedSum(bik[6..] + account) % 10 == 0;

    /// <summary>A correspondent account (20 digits starting 301) that matches the bank: "0", the BIK's 5th and 6th digits and
    /// the account, weighted 7-1-3, sum to a multiple of 10.</summary>
    public static bool IsValidCorrAccount(string account, string bik) =>
        account.Length == 20 && AllDigits(account) && account.StartsWith("301", StringComparison.Ordinal) && IsValidBik(bik)
        && WeightedSum("0" + bik[4..6] + account) % 10 == 0;

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11 % 10;
    }

    private static int WeightedSum(string digits)
    {
        int[] weights = [7, 1, 3];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i % 3] % 10;
        }

        return sum;
    }

    private static bool AllDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
