using OfficeFlow.Functions.Firm;

namespace OfficeFlow.Tests.Firm;

/// <summary>The control sums an admin meets when saving the firm: real-world valid values pass, one wrong digit fails.</summary>
public class RussianRequisitesTests
{
    // Sberbank's Moscow BIK and correspondent account (public), and the demo firm's requisites (samples/demo-firm.json).
    private const string Bik = "044525225";
    private const string CorrAccount = "30101810400000000225";
    private const string Account = "40702810938000012345";

    [Theory]
    [InlineData("7714123459")] // a company (the demo firm)
    [InlineData("7707083893")] // Sberbank
    [InlineData("500100732259")] // a sole trader
    public void Inn_WithRightCheckDigits_IsValid(string inn) => Assert.True(RussianRequisites.IsValidInn(inn));

    [Theory]
    [InlineData("7714123458")]
    [InlineData("500100732258")]
    [InlineData("77141234")]
    [InlineData("77141234a9")]
    [InlineData("")]
    public void Inn_WithAWrongDigitOrLength_IsRefused(string inn) => Assert.False(RussianRequisites.IsValidInn(inn));

    [Fact]
    public void Ogrn_AndOgrnip_CheckTheirLastDigit()
    {
        Assert.True(RussianRequisites.IsValidOgrn("1037714012346"));
        Assert.False(RussianRequisites.IsValidOgrn("1037714012345"));
        Assert.True(RussianRequisites.IsValidOgrn("304500116000157"));
        Assert.False(RussianRequisites.IsValidOgrn("304500116000158"));
    }

    [Fact]
    public void Kpp_AllowsLettersOnlyInTheReasonCode()
    {
        Assert.True(RussianRequisites.IsValidKpp("771401001"));
        Assert.True(RussianRequisites.IsValidKpp("7714AB001"));
        Assert.False(RussianRequisites.IsValidKpp("77140100"));
        Assert.False(RussianRequisites.IsValidKpp("A71401001"));
    }

    [Fact]
    public void Accounts_MatchTheirBank()
    {
        Assert.True(RussianRequisites.IsValidAccount(Account, Bik));
        Assert.True(RussianRequisites.IsValidCorrAccount(CorrAccount, Bik));
        // One digit changed, or the right account with another bank's BIK: the control key no longer matches.
        Assert.False(RussianRequisites.IsValidAccount("40702810938000012346", Bik));
        Assert.False(RussianRequisites.IsValidAccount(Account, "044525593"));
        Assert.False(RussianRequisites.IsValidCorrAccount("30101810400000000226", Bik));
        Assert.False(RussianRequisites.IsValidBik("144525225"));
    }
}
