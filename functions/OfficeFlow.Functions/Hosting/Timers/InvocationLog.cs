using System.Collections.Concurrent;

namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>
/// The logger a timer run gets: every entry goes to the app's log as usual and, as a plain line
/// without exception details, to the run's Logs (the worker puts them in the exception that marks a failed run for the Functions host).
/// </summary>
public sealed class InvocationLog(ILogger inner) : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    // Every level is captured for the host, whatever the app's log filter says.
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // The formatter is given no exception so that exception text and stacks stay in the app's log.
        _lines.Enqueue(formatter(state, null));
        if (inner.IsEnabled(logLevel))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
