using OfficeFlow.Functions.Contracts.Formatting;

namespace OfficeFlow.Tests.Contracts;

public class RussianFormattingTests
{
    [Theory]
    [InlineData("0", "Ноль рублей 00 копеек")]
    [InlineData("1", "Один рубль 00 копеек")]
    [InlineData("2", "Два рубля 00 копеек")]
    [InlineData("5", "Пять рублей 00 копеек")]
    [InlineData("11", "Одиннадцать рублей 00 копеек")]
    [InlineData("12", "Двенадцать рублей 00 копеек")]
    [InlineData("14", "Четырнадцать рублей 00 копеек")]
    [InlineData("21", "Двадцать один рубль 00 копеек")]
    [InlineData("101", "Сто один рубль 00 копеек")]
    [InlineData("111", "Сто одиннадцать рублей 00 копеек")]
    [InlineData("1000", "Одна тысяча рублей 00 копеек")]
    [InlineData("1500", "Одна тысяча пятьсот рублей 00 копеек")]
    [InlineData("2001", "Две тысячи один рубль 00 копеек")]
    [InlineData("21000", "Двадцать одна тысяча рублей 00 копеек")]
    [InlineData("22000", "Двадцать две тысячи рублей 00 копеек")]
    [InlineData("1000000", "Один миллион рублей 00 копеек")]
    [InlineData("2000", "Две тысячи рублей 00 копеек")]
    [InlineData("5000", "Пять тысяч рублей 00 копеек")]
    [InlineData("2000000", "Два миллиона рублей 00 копеек")]
    [InlineData("1001001", "Один миллион одна тысяча один рубль 00 копеек")]
    [InlineData("1234.50", "Одна тысяча двести тридцать четыре рубля 50 копеек")]
    [InlineData("21.01", "Двадцать один рубль 01 копейка")]
    [InlineData("12.02", "Двенадцать рублей 02 копейки")]
    [InlineData("0.999", "Один рубль 00 копеек")]
    [InlineData("0.01", "Ноль рублей 01 копейка")]
    [InlineData("0.02", "Ноль рублей 02 копейки")]
    [InlineData("0.05", "Ноль рублей 05 копеек")]
    [InlineData("3.11", "Три рубля 11 копеек")]
    [InlineData("1.21", "Один рубль 21 копейка")]
    [InlineData("12345.675", "Двенадцать тысяч триста сорок пять рублей 68 копеек")]
    public void AmountInWords_SpellsRoublesAndKopecks(string amount, string expected)
    {
        Assert.Equal(expected, RussianAmountInWords.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(1, "working_days", "1 (один) рабочий день")]
    [InlineData(3, "bank_days", "3 (три) банковских дня")]
    [InlineData(5, "working_days", "5 (пять) рабочих дней")]
    [InlineData(11, "calendar_days", "11 (одиннадцать) календарных дней")]
    [InlineData(21, "working_hours", "21 (двадцать один) рабочий час")]
    [InlineData(24, "months", "24 (двадцать четыре) месяца")]
    [InlineData(0, "months", "0 (ноль) месяцев")]
    public void Count_CarriesItsWordsAndTheNounAgrees(int count, string noun, string expected)
    {
        Assert.Equal(expected, RussianCount.WithWords(count, noun));
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("-1")]
    public void Count_RefusesWhatIsNotAWholeCount(string count)
    {
        Assert.Throws<FormatException>(() => RussianCount.WithWords(decimal.Parse(count, System.Globalization.CultureInfo.InvariantCulture), "months"));
    }

    [Fact]
    public void AmountInWords_RejectsNegativeAmounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RussianAmountInWords.Format(-1m));
    }

    [Theory]
    [InlineData("1500", "1\u00A0500,00")]
    [InlineData("0", "0,00")]
    [InlineData("1234567.891", "1\u00A0234\u00A0567,89")]
    [InlineData("999.995", "1\u00A0000,00")]
    [InlineData("-2500.5", "-2\u00A0500,50")]
    public void Money_UsesNoBreakSpaceThousandsAndTwoDecimals(string amount, string expected)
    {
        Assert.Equal(expected, RussianMoney.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Dates_PrintInRussianContractForm()
    {
        var date = new DateOnly(2026, 11, 22);
        Assert.Equal("«22» ноября 2026 г.", RussianDate.Long(date));
        Assert.Equal("«01» марта 2027 г.", RussianDate.Long(new DateOnly(2027, 3, 1)));
        Assert.Equal("22.11.2026", RussianDate.Short(date));
        Assert.Equal("22 ноября 2026 г.", RussianDate.Text(date));
    }

    [Fact]
    public void Vat_OnTopAndIncluded_RoundToKopecks()
    {
        Assert.Equal(220m, Vat.OnTop(1000m, 22m));
        Assert.Equal(220m, Vat.Included(1220m, 22m));
        Assert.Equal(1220m, Vat.WithVat(1000m, 22m));
        Assert.Equal(18.03m, Vat.Included(100m, 22m));
    }

    [Theory]
    [InlineData(1, "рубль")]
    [InlineData(3, "рубля")]
    [InlineData(11, "рублей")]
    [InlineData(13, "рублей")]
    [InlineData(111, "рублей")]
    [InlineData(122, "рубля")]
    [InlineData(1001, "рубль")]
    public void Plural_ChoosesFormIncludingElevenToFourteen(int count, string expected)
    {
        Assert.Equal(expected, RussianPlural.Choose(count, "рубль", "рубля", "рублей"));
    }
}
