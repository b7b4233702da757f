using OfficeFlow.Functions.Contacts.Extraction;

namespace OfficeFlow.Tests.Contacts;

public sealed class RussianTaxIdsTests
{
    [Theory]
    [InlineData("7707083893")] // Sberbank
    [InlineData("7736207543")] // Yandex
    [InlineData("772040560870")]
    public void IsValidInn_RealNumbers_AreAccepted(string inn) => Assert.True(RussianTaxIds.IsValidInn(inn));

    [Theory]
    [InlineData("7707083894")]
    [InlineData("7701234567")]
    [InlineData("772040560871")]
    [InlineData("77070838")]
    [InlineData("77070838a3")]
    [InlineData("")]
    public void IsValidInn_WrongCheckDigitOrShape_IsRejected(string inn) => Assert.False(RussianTaxIds.IsValidInn(inn));

    [Theory]
    [InlineData("773601001", true)]
    [InlineData("7736AB001", true)]
    [InlineData("77360100", false)]
    [InlineData("7736ab001", false)]
    public void IsValidKpp_ChecksTheShape(string kpp, bool valid) => Assert.Equal(valid, RussianTaxIds.IsValidKpp(kpp));

    [Theory]
    [InlineData("1027700132195", true)] // Sberbank
    [InlineData("1027700132196", false)]
    [InlineData("304500116000157", true)]
    public void IsValidOgrn_ChecksTheCheckDigit(string ogrn, bool valid) => Assert.Equal(valid, RussianTaxIds.IsValidOgrn(ogrn));
}
