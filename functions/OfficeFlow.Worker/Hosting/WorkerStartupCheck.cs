using Microsoft.Extensions.Hosting;

namespace OfficeFlow.Worker.Hosting;

/// <summary>Builds the HTTP dispatch when the worker starts, so a function without its /api endpoint stops it at once, naming the function.</summary>
internal sealed class WorkerStartupCheck(ApiDispatch dispatch) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        dispatch.EnsureBuilt();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
