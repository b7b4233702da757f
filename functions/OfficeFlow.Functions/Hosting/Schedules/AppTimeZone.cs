namespace OfficeFlow.Functions.Hosting.Schedules;

/// <summary>
/// The one time zone the app reads timer schedules in, chosen the way the Functions host chooses
/// it: <c>WEBSITE_TIME_ZONE</c> (Windows or IANA id), else <c>TZ</c> (IANA id, as on Linux plans),
/// else <see cref="DefaultId"/> because the firm works on Moscow time.
/// </summary>
public static class AppTimeZone
{
    public const string DefaultId = "Europe/Moscow";

    public static TimeZoneInfo Resolve(IConfiguration configuration)
    {
        var (setting, id) = configuration["WEBSITE_TIME_ZONE"] is { Length: > 0 } website
            ? ("WEBSITE_TIME_ZONE", website)
            : configuration["TZ"] is { Length: > 0 } tz
                ? ("TZ", tz.TrimStart(':'))
                : ("default", DefaultId);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException(
                $"The time zone '{id}' (from {setting}) is not known on this machine; set {setting} to an IANA id such as 'Europe/Moscow' or a Windows id such as 'Russian Standard Time'.", e);
        }
    }
}
