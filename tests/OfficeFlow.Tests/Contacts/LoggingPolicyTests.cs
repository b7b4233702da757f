using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Matching;

namespace OfficeFlow.Tests.Contacts;

public sealed class LoggingPolicyTests
{
    private static LoggingPolicy CreateSut() => new(new ContactsOptions
    {
        OwnDomains = ["bizsoft-firm.ru"],
        NeverLog = ["noreply@sberbank.ru", "spam-vendor.com"],
    });

    private static readonly MailParty Manager = new("Мария Кузнецова", "m.kuznetsova@bizsoft-firm.ru");

    [Fact]
    public void Decide_IncomingFromCompanyDomain_LogsWithThatDomain()
    {
        var decision = CreateSut().Decide(new("Иван Петров", "I.Petrov@Romashka.RU"), [Manager]);

        Assert.True(decision.ShouldLog);
        Assert.False(decision.Outgoing);
        Assert.Equal("i.petrov@romashka.ru", decision.Counterparty);
        Assert.Equal("romashka.ru", decision.CompanyDomain);
    }

    [Theory]
    [InlineData("ivan@mail.ru")]
    [InlineData("ivan@gmail.com")]
    [InlineData("ivan@yandex.ru")]
    [InlineData("ivan@bk.ru")]
    [InlineData("ivan@icloud.com")]
    public void Decide_FreeMailSender_IsLoggedButDefinesNoCompany(string address)
    {
        var decision = CreateSut().Decide(new("Иван", address), [Manager]);

        Assert.True(decision.ShouldLog);
        Assert.Null(decision.CompanyDomain);
    }

    [Fact]
    public void Decide_FreeMailList_IsConfigurable()
    {
        var policy = new LoggingPolicy(new ContactsOptions { FreeMailDomains = ["corp-mail.example"] });

        Assert.Null(policy.Decide(new(null, "a@corp-mail.example"), []).CompanyDomain);
        Assert.Equal("gmail.com", policy.Decide(new(null, "a@gmail.com"), []).CompanyDomain);
    }

    [Fact]
    public void Decide_OutgoingMail_TakesTheFirstOutsideRecipient()
    {
        var decision = CreateSut().Decide(Manager, [new("Коллега", "boss@bizsoft-firm.ru"), new("Ольга", "o.smirnova@tehnoresurs.ru")]);

        Assert.True(decision.ShouldLog);
        Assert.True(decision.Outgoing);
        Assert.Equal("o.smirnova@tehnoresurs.ru", decision.Counterparty);
    }

    [Fact]
    public void Decide_InternalMail_IsNotLoggedAndSaysWhy()
    {
        var decision = CreateSut().Decide(Manager, [new("Коллега", "boss@sub.bizsoft-firm.ru")]);

        Assert.Equal(LoggingDecisionKind.InternalCorrespondence, decision.Kind);
        Assert.Contains("внутреннее", decision.Reason);
    }

    [Theory]
    [InlineData("noreply@sberbank.ru")]
    [InlineData("sales@spam-vendor.com")]
    public void Decide_NeverLogAddressOrDomain_IsNotLoggedAndSaysWhy(string address)
    {
        var decision = CreateSut().Decide(new(null, address), [Manager]);

        Assert.Equal(LoggingDecisionKind.NeverLog, decision.Kind);
        Assert.Contains(address, decision.Reason);
    }

    [Fact]
    public void Decide_NoSenderAddress_IsNotLogged() =>
        Assert.Equal(LoggingDecisionKind.NoAddress, CreateSut().Decide(new("Иван", "not an address"), [Manager]).Kind);
}
