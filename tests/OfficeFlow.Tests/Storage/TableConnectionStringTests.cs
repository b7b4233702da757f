using OfficeFlow.Storage.Internal;

namespace OfficeFlow.Tests.Storage;

public sealed class TableConnectionStringTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void UseDevelopmentStorage_PointsAtAzuriteWithTheDevelopmentAccount()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccountKey);
    }

    [Fact]
    public void UseDevelopmentStorage_WithAProxy_KeepsTheTablePort()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite.local");

        Assert.Equal(new Uri("http://azurite.local:10002/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Fact]
    public void AccountKeyAndSuffix_BuildTheHostStyleEndpoint()
    {
        var parsed = TableConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=officeflow;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://officeflow.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
        Assert.Equal("officeflow", parsed.AccountName);
    }

    [Fact]
    public void WithoutProtocolOrSuffix_DefaultsToHttpsAndThePublicCloud()
    {
        var parsed = TableConnectionString.Parse($"AccountName=officeflow;AccountKey={Key}");

        Assert.Equal(new Uri("https://officeflow.table.core.windows.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void ExplicitTableEndpoint_IsUsedAsGiven_WithTheAccountInThePath()
    {
        var parsed = TableConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:12345/devstoreaccount1/;");

        Assert.Equal(new Uri("http://127.0.0.1:12345/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
    }

    [Fact]
    public void SettingNames_AreCaseInsensitiveAndSpacesAreTrimmed()
    {
        var parsed = TableConnectionString.Parse($" accountname = a1 ; ACCOUNTKEY={Key} ; ");

        Assert.Equal("a1", parsed.AccountName);
    }

    [Theory]
    [InlineData("AccountName=a", "AccountKey is missing")]
    [InlineData("AccountKey=" + Key, "AccountName is missing")]
    [InlineData("AccountName=a;AccountKey=not*base64", "not valid base64")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";TableEndpoint=ftp://x", "TableEndpoint must be an absolute http or https address")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";DefaultEndpointsProtocol=gopher", "DefaultEndpointsProtocol must be")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage may only be 'true'")]
    [InlineData("AccountName=a;AccountName=b;AccountKey=" + Key, "more than once")]
    [InlineData(";;;", "holds no settings")]
    public void MalformedStrings_AreRejectedSayingWhatIsWrong(string connectionString, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => TableConnectionString.Parse(connectionString));

        Assert.Contains("connection string is malformed", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ASegmentWithoutEquals_IsReportedByPositionWithoutEchoingTheKey()
    {
        const string secret = "SuperSecretKeyMaterial";

        var error = Assert.Throws<ArgumentException>(() => TableConnectionString.Parse($"AccountName=a;{secret};AccountKey={Key}"));

        Assert.Contains("segment 2", error.Message);
        Assert.DoesNotContain(secret, error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    [Fact]
    public void AnInvalidKey_IsNotEchoed()
    {
        const string badKey = "abc$$$defSECRET";

        var error = Assert.Throws<ArgumentException>(() => TableConnectionString.Parse($"AccountName=a;AccountKey={badKey}"));

        Assert.DoesNotContain(badKey, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyStrings_AreRejected(string connectionString)
    {
        Assert.Throws<ArgumentException>(() => TableConnectionString.Parse(connectionString));
    }
}
