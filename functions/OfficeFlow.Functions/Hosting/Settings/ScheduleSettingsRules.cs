using OfficeFlow.Functions.Hosting.Schedules;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Hosting.Settings;

/// <summary>
/// Each timer's schedule setting (e.g. <c>Grades:Schedule</c>), parsed with NCrontab as the timer trigger parses it. The
/// standalone host's function catalog checks the effective schedules too; this also covers the worker, whose
/// <c>%Setting%</c> schedules the Functions host would otherwise reject only when it indexes the functions.
/// </summary>
internal static class ScheduleSettingsRules
{
    public static IEnumerable<string> Check(IConfiguration configuration, IEnumerable<ITimerFunction> timers)
    {
        foreach (var timer in timers)
        {
            if (string.IsNullOrEmpty(timer.ScheduleSetting) || configuration[timer.ScheduleSetting] is not { Length: > 0 } value)
            {
                continue;
            }

            if (!TimerSchedule.TryParse(value, out _, out var error))
            {
                yield return $"{timer.ScheduleSetting} (the schedule of the timer {timer.Name}): {error}";
            }
        }
    }
}
