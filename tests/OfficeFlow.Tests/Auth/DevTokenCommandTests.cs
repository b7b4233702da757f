using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using OfficeFlow.Cli;
using OfficeFlow.Cli.Auth;
using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Tests.Auth;

public sealed class DevTokenCommandTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "officeflow-devtoken-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Local:DataFolder"] = _dataFolder }).Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await DevTokenCommand.RunAsync(args, configuration, TimeProvider.System, stdout, stderr);
        return (code, stdout.ToString().Trim(), stderr.ToString());
    }

    [Fact]
    public async Task PrintedToken_IsAcceptedByAnAppSharingTheLocalDataFolder()
    {
        var (code, token, _) = await RunAsync("--user", "petrova", "--role", "manager", "--role", "accountant", "--name", "Анна Петрова", "--minutes", "30");
        Assert.Equal(0, code);

        // Like ./run.sh: Development environment, no Auth settings, the same Local:DataFolder.
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?> { ["Local:DataFolder"] = _dataFolder });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<MeResponse>();
        Assert.Equal("petrova", me!.Id);
        Assert.Equal("Анна Петрова", me.Name);
        Assert.Equal([Roles.Manager, Roles.Accountant], me.Roles);
    }

    [Fact]
    public async Task Minutes_SetTheLifetime()
    {
        var (_, token, _) = await RunAsync("--user", "u1", "--role", "admin", "--minutes", "30");
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token);
        Assert.Equal(TimeSpan.FromMinutes(30), jwt.ValidTo - jwt.ValidFrom);
        Assert.Equal(DevTokenIssuer.Issuer, jwt.Issuer);
    }

    [Theory]
    [InlineData("--role manager", "--user is required")]
    [InlineData("--user u1", "At least one --role")]
    [InlineData("--user u1 --role boss", "Unknown role 'boss'")]
    [InlineData("--user u1 --role manager --minutes 0", "--minutes '0'")]
    [InlineData("--user", "--user needs a value")]
    public async Task BadArguments_ExitWith2_AndSayWhy(string arguments, string message)
    {
        var (code, output, error) = await RunAsync(arguments.Split(' '));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(_dataFolder), "no key is generated for a command that failed");
    }

    [Fact]
    public async Task CommandLine_KnowsDevToken()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["dev-token", "--role", "manager"], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains("usage: officeflow dev-token", stderr.ToString());
    }
}
