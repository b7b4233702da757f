namespace OfficeFlow.Functions.Hosting.Settings;

/// <summary>
/// Runs <see cref="SettingsValidation"/> for hosts that start without <c>OfficeFlowApp.Build</c> (the isolated worker). It
/// checks in its constructor: the host constructs every hosted service before it starts any, and some take services built
/// from settings, whose own errors would otherwise come first without naming the setting. Registered as the first hosted
/// service (<see cref="HostingModule.AddOfficeFlowCore"/>).
/// </summary>
internal sealed class SettingsStartupCheck : IHostedService
{
    public SettingsStartupCheck(IServiceProvider services) => SettingsValidation.ThrowIfInvalid(services);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
