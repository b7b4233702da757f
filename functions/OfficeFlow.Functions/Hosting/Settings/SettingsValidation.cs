using Microsoft.Extensions.Options;
using OfficeFlow.Functions.Addin;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Hosting.Settings;

/// <summary>
/// Reads every setting the app reads, when the host starts (the standalone host and the isolated worker alike), and stops
/// the start with one message listing each bad setting by name. The capabilities register their settings lazily, because
/// test hosts add configuration after registration: without this check a bad value would surface only at first use
/// (a bad <c>Contracts:TimeZone</c> at the first contract). Auth, Graph, Invoices and Grades run their own start-up checks,
/// which name their settings the same way.
/// </summary>
public static class SettingsValidation
{
    /// <summary>Throws a <see cref="SettingsException"/> listing every bad setting; does nothing when all are good.</summary>
    public static void ThrowIfInvalid(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var problems = new List<string>();
        Load<HostingSettings>(services, problems);
        Load<RateLimitSettings>(services, problems);
        Load<AddinSettings>(services, problems);
        Load<ContractsOptions>(services, problems);
        Load<IOptions<ContactsOptions>>(services, problems);
        problems.AddRange(FirmSettingsRules.Check(configuration));
        var storage = StorageSettingsRules.Check(configuration).ToList();
        problems.AddRange(storage);

        // Resolving the timers builds their stores and so the storage client, which fails on a bad Storage:* value
        // without naming it: with one listed already, the schedules wait for the next start.
        if (storage.Count == 0)
        {
            problems.AddRange(ScheduleSettingsRules.Check(configuration, services.GetServices<ITimerFunction>()));
        }

        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }
    }

    private static void Load<T>(IServiceProvider services, List<string> problems) where T : notnull
    {
        try
        {
            services.GetRequiredService<T>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            // The loaders' own messages name the setting and say what to write.
            problems.Add(e.Message);
        }
    }
}

/// <summary>One or more settings are wrong; the message lists each by name with what is wrong with its value.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : InvalidOperationException("OfficeFlow cannot start: fix these settings." + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
