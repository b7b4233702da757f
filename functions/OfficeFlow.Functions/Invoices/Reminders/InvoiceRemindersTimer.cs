using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Invoices.Reminders;

/// <summary>The daily overdue-reminder timer function (default 09:00, <c>Invoices:ReminderSchedule</c>).</summary>
public sealed class InvoiceRemindersTimer(ReminderRunner runner) : ITimerFunction
{
    public string Name => "InvoiceReminders";

    public string ScheduleSetting => "Invoices:ReminderSchedule";

    /// <summary>09:00 daily in the app's zone (Moscow): the standalone host's schedule. In Azure the Functions host reads
    /// Invoices:ReminderSchedule in UTC, and infra/main.bicep sets the same instant, "0 0 6 * * *".</summary>
    public string DefaultSchedule => "0 0 9 * * *";

    public async Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var result = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        invocation.Log.LogInformation("InvoiceReminders: {Sent} sent, {Claimed} already claimed, {Failed} failed", result.Sent, result.AlreadyClaimed, result.Failed);
    }
}
