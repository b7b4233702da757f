using System.Diagnostics;

namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>
/// Counts the HTTP calls this process makes to one port (the benchmark's Azurite) and the time they take, from
/// HttpClient's own activities ("System.Net.Http"): how many storage calls a logged message really made, and how
/// much of its latency was spent waiting for storage rather than in the app.
/// </summary>
internal sealed class StorageCallMeter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly int _port;
    private long _calls;
    private long _ticks;

    public StorageCallMeter(int port)
    {
        _port = port;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public (long Calls, TimeSpan Time) Snapshot() => (Interlocked.Read(ref _calls), TimeSpan.FromTicks(Interlocked.Read(ref _ticks)));

    private void Stopped(Activity activity)
    {
        if (activity.GetTagItem("server.port") is int port && port == _port)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _ticks, activity.Duration.Ticks);
        }
    }

    public void Dispose() => _listener.Dispose();
}
