namespace OfficeFlow.Functions.Hosting.Schedules;

/// <summary>An NCRONTAB expression that cannot be parsed; the message names the field and what to write instead.</summary>
public sealed class CrontabFormatException(string message) : FormatException(message);
