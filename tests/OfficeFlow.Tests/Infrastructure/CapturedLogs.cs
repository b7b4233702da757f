using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>One line the app logged: what an operator (or a log collector) would read.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    /// <summary>Everything the line carries as text: the message, the template's values and any exception with its stack.</summary>
    public string AllText => string.Join('\n', new[] { Message, Exception?.ToString() ?? "" }.Concat(Values.Select(v => $"{v.Key}={v.Value}")));

    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " [" + Exception.GetType().Name + "]")}";
}

/// <summary>
/// A logger provider that keeps every line the app writes, at every level and category (tests add it with
/// <c>factory.WithServices(s => s.AddSingleton&lt;ILoggerProvider&gt;(logs))</c>).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly List<CapturedLog> _lines = [];

    public IReadOnlyList<CapturedLog> Lines { get { lock (_lines) { return [.. _lines]; } } }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            lock (owner._lines)
            {
                owner._lines.Add(new CapturedLog(logLevel, category, formatter(state, exception), exception, [.. values]));
            }
        }
    }
}

public static class CapturedLogsExtensions
{
    /// <summary>Adds <paramref name="logs"/> to the app's logger providers.</summary>
    public static OfficeFlowApiFactory WithCapturedLogs(this OfficeFlowApiFactory factory, CapturedLogs logs) =>
        factory.WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
}
