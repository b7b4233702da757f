using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class AzuriteFixtureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public void WithoutNodeModules_TheErrorSaysToRunNpmCi()
    {
        var emptyRepository = Directory.CreateTempSubdirectory("officeflow-no-node-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => AzuriteServer.AzuriteExecutable(emptyRepository));

            Assert.StartsWith("Azurite is not installed: run `npm ci` at the repository root (./test.sh does this)", error.Message);
        }
        finally
        {
            Directory.Delete(emptyRepository, recursive: true);
        }
    }

    [Fact]
    public void ConnectionString_NamesTheExplicitLoopbackEndpoint()
    {
        Assert.Matches(
            @"^DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=[A-Za-z0-9+/=]+;TableEndpoint=http://127\.0\.0\.1:\d+/devstoreaccount1;$",
            azurite.ConnectionString);
    }

    [Fact]
    public void NewTablePrefix_IsUniqueLettersAndDigitsStartingWithALetter()
    {
        var prefixes = Enumerable.Range(0, 100).Select(_ => AzuriteFixture.NewTablePrefix()).ToList();

        Assert.Equal(100, prefixes.Distinct().Count());
        Assert.All(prefixes, p => Assert.Matches("^[a-z][a-z0-9]+$", p));
    }
}
