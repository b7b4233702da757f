using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// Development-mode tokens for tests. Put <see cref="Settings"/> into a test host (<see cref="UseTestTokens"/> for a
/// WebApplicationFactory) and call with <c>client.WithToken("u1", Roles.Manager)</c> or <see cref="For"/>.
/// </summary>
public static class TestTokens
{
    /// <summary>A fixed HMAC key for tests only (32 bytes, base64). It protects nothing.</summary>
    public const string DevSigningKey = "T2ZmaWNlRmxvdyB0ZXN0IGtleSwgbm90IGEgc2VjcmV0ISE=";

    public static byte[] Key { get; } = Convert.FromBase64String(DevSigningKey);

    /// <summary>The settings that make the app accept these tokens in any environment.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Auth:Mode"] = "Development",
        ["Auth:DevSigningKey"] = DevSigningKey,
        ["Auth:AllowDevelopmentMode"] = "true",
    };

    /// <summary>A token for <paramref name="userId"/> holding <paramref name="roles"/>, valid for an hour.</summary>
    public static string For(string userId, params string[] roles) =>
        DevTokenIssuer.Issue(Key, new DevTokenRequest(userId, roles, Name: $"Test user {userId}", Lifetime: TimeSpan.FromHours(1)));

    public static AuthenticationHeaderValue Bearer(string userId, params string[] roles) => new("Bearer", For(userId, roles));

    /// <summary>Sets the client's default Authorization header; returns the client for chaining.</summary>
    public static HttpClient WithToken(this HttpClient client, string userId, params string[] roles)
    {
        client.DefaultRequestHeaders.Authorization = Bearer(userId, roles);
        return client;
    }

    /// <summary>For <c>WebApplicationFactory.WithWebHostBuilder(b => b.UseTestTokens())</c> or inside ConfigureWebHost.</summary>
    public static IWebHostBuilder UseTestTokens(this IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        return builder;
    }
}
