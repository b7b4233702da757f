using NSubstitute;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Matching;

namespace OfficeFlow.Tests.Contacts;

public sealed class ClientMatcherTests
{
    private readonly IClientLookup _lookup = Substitute.For<IClientLookup>();
    private readonly LoggingPolicy _policy = new(new ContactsOptions());

    public ClientMatcherTests()
    {
        // NSubstitute would answer "" for an unconfigured string; a real lookup answers null when it knows nothing.
        _lookup.FindClientIdByDomainAsync(default!, default).ReturnsForAnyArgs((string?)null);
        _lookup.FindClientIdByInnAsync(default!, default).ReturnsForAnyArgs((string?)null);
        _lookup.FindClientIdByContactEmailAsync(default!, default).ReturnsForAnyArgs((string?)null);
    }

    [Fact]
    public async Task Match_DomainOfAKnownClient_WinsOverInnAndContact()
    {
        _lookup.FindClientIdByDomainAsync("romashka.ru", default).Returns("client-domain");
        _lookup.FindClientIdByInnAsync("7707083893", default).Returns("client-inn");

        var match = await ClientMatcher.MatchAsync(_policy.Decide(new(null, "ivan@romashka.ru"), []), "7707083893", _lookup, default);

        Assert.Equal(new ClientMatch("client-domain", MatchedBy.Domain), match);
    }

    [Fact]
    public async Task Match_UnknownDomain_FallsBackToTheSignatureInn()
    {
        _lookup.FindClientIdByInnAsync("7707083893", default).Returns("client-inn");
        _lookup.FindClientIdByContactEmailAsync("ivan@new-domain.ru", default).Returns("client-contact");

        var match = await ClientMatcher.MatchAsync(_policy.Decide(new(null, "ivan@new-domain.ru"), []), "7707083893", _lookup, default);

        Assert.Equal(new ClientMatch("client-inn", MatchedBy.Inn), match);
    }

    [Fact]
    public async Task Match_FreeMailSender_NeverLooksUpTheFreeMailDomain()
    {
        _lookup.FindClientIdByDomainAsync("mail.ru", default).Returns("wrongly-owned-mail-ru");
        _lookup.FindClientIdByContactEmailAsync("ivan@mail.ru", default).Returns("client-contact");

        var match = await ClientMatcher.MatchAsync(_policy.Decide(new(null, "ivan@mail.ru"), []), null, _lookup, default);

        Assert.Equal(new ClientMatch("client-contact", MatchedBy.ContactEmail), match);
        await _lookup.DidNotReceive().FindClientIdByDomainAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Match_NothingKnown_IsNone()
    {
        var match = await ClientMatcher.MatchAsync(_policy.Decide(new(null, "ivan@new-domain.ru"), []), null, _lookup, default);

        Assert.Equal(ClientMatch.None, match);
    }
}
