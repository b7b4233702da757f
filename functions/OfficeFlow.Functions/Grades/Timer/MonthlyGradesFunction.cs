using System.Globalization;
using System.Net;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Grades.Timer;

/// <summary>
/// "MonthlyGrades", on the 1st at 06:00 by default: computes last month (in the firm's time zone), stores the
/// workbook (same name, same bytes on every run) and mails the accountant a link once per month.
/// </summary>
public sealed partial class MonthlyGradesFunction(
    GradesService grades,
    MonthlyRunMarkers markers,
    IDocumentStore documents,
    IMailSender mail,
    ILogger<MonthlyGradesFunction> logger) : ITimerFunction
{
    public string Name => "MonthlyGrades";

    public string ScheduleSetting => "Grades:Schedule";

    /// <summary>06:00 on the 1st in the app's zone (Moscow): the standalone host's schedule. In Azure the Functions host
    /// reads Grades:Schedule in UTC, and infra/main.bicep sets the same instant, "0 0 3 1 * *".</summary>
    public string DefaultSchedule => "0 0 6 1 * *";

    public async Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var month = grades.OpenMonth.Previous;
        var settings = grades.Settings;
        var (result, workbook) = await grades.WorkbookAsync(month, cancellationToken);
        var fileName = GradesService.WorkbookFileName(month);
        var stored = await documents.SaveAsync(settings.DocumentFolder, fileName, workbook, cancellationToken);
        LogStored(invocation.Log, month.ToString(), stored.Location, result.Employees.Count);

        if (string.IsNullOrWhiteSpace(settings.AccountantEmail))
        {
            LogNoAccountant(invocation.Log, month.ToString());
            return;
        }

        var claim = await markers.TryClaimAsync(month.ToString(), grades.Time.GetUtcNow(), cancellationToken);
        if (claim is null)
        {
            LogAlreadyMailed(invocation.Log, month.ToString());
            return;
        }

        // The key names this month's mail: a sender that keeps keys (the local outbox) writes it once even if
        // a crashed run's claim is taken over and the mail is sent again.
        await mail.SendAsync(new OutgoingMail([settings.AccountantEmail], Subject(month), Body(month, stored, result), $"grades-{month}-accountant"), cancellationToken);
        await markers.MarkSentAsync(claim, grades.Time.GetUtcNow(), stored.Location, cancellationToken);
        LogMailed(logger, month.ToString());
    }

    private static string Subject(Computation.GradesMonth month) =>
        $"Оценки и оплата за {MonthName(month)} — OfficeFlow";

    private static string Body(Computation.GradesMonth month, StoredDocument stored, Computation.MonthGrades result)
    {
        var link = WebUtility.HtmlEncode(stored.Location);
        var warnings = result.Warnings.Count == 0 ? "" :
            "<p>Обратите внимание:</p><ul>" + string.Concat(result.Warnings.Select(w => $"<li>{WebUtility.HtmlEncode(w)}</li>")) + "</ul>";
        return $"<p>Здравствуйте!</p><p>Расчёт оценок и оплаты за {MonthName(month)} готов: " +
               $"<a href=\"{link}\">{WebUtility.HtmlEncode(stored.FileName)}</a> ({result.Employees.Count} сотрудников, политика {WebUtility.HtmlEncode(result.Policy.Version)}).</p>" +
               warnings + "<p>Формулы книги можно проверить: итоги считаются по листам «Задачи» и «Параметры».</p>";
    }

    private static string MonthName(Computation.GradesMonth month) =>
        month.FirstDay.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("ru-RU"));

    [LoggerMessage(Level = LogLevel.Information, Message = "MonthlyGrades: {Month} stored at {Location} ({EmployeeCount} employees).")]
    private static partial void LogStored(ILogger logger, string month, string location, int employeeCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MonthlyGrades: Grades:AccountantEmail is not set; the {Month} workbook was stored but nobody was mailed.")]
    private static partial void LogNoAccountant(ILogger logger, string month);

    [LoggerMessage(Level = LogLevel.Information, Message = "MonthlyGrades: the accountant was already mailed (or is being mailed) for {Month}; no second mail.")]
    private static partial void LogAlreadyMailed(ILogger logger, string month);

    [LoggerMessage(Level = LogLevel.Information, Message = "MonthlyGrades: mailed the accountant the {Month} workbook.")]
    private static partial void LogMailed(ILogger logger, string month);
}
