using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Functions.Hosting.Catalog;

/// <summary>An HTTP-triggered function: an /api endpoint with a name. <see cref="Route"/> has no "api/" prefix
/// (host.json's routePrefix adds it); <see cref="Methods"/> are lower case, empty meaning any method;
/// <see cref="Authorization"/> is <see cref="Anonymous"/>, or the policies required in order (<see cref="SignedIn"/> for
/// the default policy), empty when only the fallback policy (a signed-in caller) applies.</summary>
public sealed record HttpFunctionDefinition(string Name, string Route, IReadOnlyList<string> Methods, IReadOnlyList<string> Authorization)
{
    public const string Anonymous = "anonymous";
    public const string SignedIn = "signed-in";
}

/// <summary>A timer-triggered function with its effective schedule (configuration override or default).</summary>
public sealed record TimerFunctionDefinition(string Name, TimerSchedule Schedule, string ScheduleSource);
