using OfficeFlow.Storage;

namespace OfficeFlow.Tests.Storage;

public sealed class QueryFilterTests
{
    [Fact]
    public void Strings_AreQuotedWithSingleQuotesDoubled()
    {
        Assert.Equal("Name eq 'O''Brien'", TableClient.CreateQueryFilter($"Name eq {"O'Brien"}"));
        Assert.Equal("Name eq 'x'' or 1 eq 1 or Name eq ''x'", TableClient.CreateQueryFilter($"Name eq {"x' or 1 eq 1 or Name eq 'x"}"));
    }

    [Fact]
    public void TypedValues_BecomeODataLiterals()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var when = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal("Big eq 9007199254740993L", TableClient.CreateQueryFilter($"Big eq {9007199254740993L}"));
        Assert.Equal("N eq -5", TableClient.CreateQueryFilter($"N eq {-5}"));
        Assert.Equal("F eq true and G eq false", TableClient.CreateQueryFilter($"F eq {true} and G eq {false}"));
        Assert.Equal("D eq 2.0 and E eq 0.25", TableClient.CreateQueryFilter($"D eq {2.0} and E eq {0.25}"));
        Assert.Equal("Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'", TableClient.CreateQueryFilter($"Id eq {id}"));
        Assert.Equal("T ge datetime'2026-11-22T06:00:00.0000000Z'", TableClient.CreateQueryFilter($"T ge {when}"));
        Assert.Equal("B eq X'00abff'", TableClient.CreateQueryFilter($"B eq {new byte[] { 0, 0xAB, 0xFF }}"));
        Assert.Equal("S eq 'Paid'", TableClient.CreateQueryFilter($"S eq {InvoiceState.Paid}"));
        Assert.Equal("A eq '0.30'", TableClient.CreateQueryFilter($"A eq {0.30m}"));
    }

    [Fact]
    public void Numbers_IgnoreTheCurrentCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ru-RU");
        try
        {
            Assert.Equal("D eq 1.5", TableClient.CreateQueryFilter($"D eq {1.5}"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Null_IsRejectedSayingWhatToDo()
    {
        string? missing = null;

        var error = Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"Name eq {missing}"));

        Assert.Contains("is null", error.Message);
        Assert.Contains("leave the condition out", error.Message);
    }

    [Fact]
    public void UnsupportedTypes_AndNonFiniteDoubles_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"X eq {new object()}"));
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"X eq {double.NaN}"));
    }

    [Fact]
    public void LiteralBracesInTheTemplate_AreKept()
    {
        Assert.Equal("Name eq '{x}'", TableClient.CreateQueryFilter($"Name eq {"{x}"}"));
    }
}
