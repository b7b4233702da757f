namespace OfficeFlow.Functions.Invoices;

/// <summary>Reads the Invoices settings when the app starts, so a bad <c>Invoices:*</c> value stops it at once with a
/// message naming the key (the settings are registered lazily because test hosts add configuration late).</summary>
internal sealed class InvoicesStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<InvoicesOptions>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
