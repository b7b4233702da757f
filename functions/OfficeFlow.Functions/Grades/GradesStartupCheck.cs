using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades;

/// <summary>Loads and validates every policy version and the staff file when the app starts; a bad one stops the app with its errors.</summary>
internal sealed partial class GradesStartupCheck(IServiceProvider services, ILogger<GradesStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var policies = services.GetRequiredService<PolicyLibrary>();
        var staff = services.GetRequiredService<GradesStaff>();
        var settings = services.GetRequiredService<GradesSettings>();
        LogLoaded(logger, string.Join(", ", policies.Versions.Select(p => $"{p.Version} (from {p.EffectiveFrom})")), staff.Employees.Count, settings.Zone.Id);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Grades: policies {Versions}; {EmployeeCount} graded employees; months in time zone {TimeZone}.")]
    private static partial void LogLoaded(ILogger logger, string versions, int employeeCount, string timeZone);
}
