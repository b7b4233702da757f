using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Functions.Hosting.Catalog;

/// <summary>An HTTP-triggered function: an /api endpoint with a name. <see cref="Route"/> has no "api/" prefix
/// (host.json's routePrefix adds it); <see cref="Methods"/> are lower case, empty meaning any method.</summary>
public sealed record HttpFunctionDefinition(string Name, string Route, IReadOnlyList<string> Methods);

/// <summary>A timer-triggered function with its effective schedule (configuration override or default).</summary>
public sealed record TimerFunctionDefinition(string Name, TimerSchedule Schedule, string ScheduleSource);
