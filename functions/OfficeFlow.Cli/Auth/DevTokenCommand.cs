using System.Globalization;
using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Cli.Auth;

/// <summary>
/// <c>officeflow dev-token --user USER --role ROLE [--role ROLE2] [--name "Full Name"] [--minutes 480]</c>:
/// prints a token the app accepts in Development mode. The key comes from <c>Auth__DevSigningKey</c> or
/// <c>&lt;Local__DataFolder&gt;/dev-signing-key</c> (default <c>.local/</c> under the current directory), as in the app.
/// </summary>
public static class DevTokenCommand
{
    public const string Summary = "Prints a development bearer token (--user ID --role ROLE [--role ...] [--name \"Full Name\"] [--minutes 480])";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return RunAsync(args, configuration, TimeProvider.System, stdout, stderr);
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TimeProvider timeProvider, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out var request, out var error))
        {
            await stderr.WriteLineAsync(error);
            await stderr.WriteLineAsync("usage: officeflow dev-token --user USER --role ROLE [--role ROLE2] [--name \"Full Name\"] [--minutes 480]");
            return 2;
        }

        byte[] key;
        try
        {
            key = DevSigningKey.Resolve(configuration).Key;
        }
        catch (AuthConfigurationException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 1;
        }

        await stdout.WriteLineAsync(DevTokenIssuer.Issue(key, request, timeProvider));
        return 0;
    }

    internal static bool TryParse(string[] args, out DevTokenRequest request, out string error)
    {
        request = new DevTokenRequest("", []);
        string? user = null, name = null;
        var roles = new List<string>();
        var minutes = (int)DevTokenIssuer.DefaultLifetime.TotalMinutes;
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{option} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (option)
            {
                case "--user":
                    user = value;
                    break;
                case "--name":
                    name = value;
                    break;
                case "--role":
                    if (!Roles.All.Contains(value, StringComparer.Ordinal))
                    {
                        error = $"Unknown role '{value}': use {string.Join(", ", Roles.All)}.";
                        return false;
                    }

                    roles.Add(value);
                    break;
                case "--minutes":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes is < 1 or > 7 * 24 * 60)
                    {
                        error = $"--minutes '{value}' must be a whole number from 1 to {7 * 24 * 60}.";
                        return false;
                    }

                    break;
                default:
                    error = $"Unknown option '{option}'.";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(user))
        {
            error = "--user is required.";
            return false;
        }

        if (roles.Count == 0)
        {
            error = "At least one --role is required.";
            return false;
        }

        request = new DevTokenRequest(user, roles, name, TimeSpan.FromMinutes(minutes));
        error = "";
        return true;
    }
}
