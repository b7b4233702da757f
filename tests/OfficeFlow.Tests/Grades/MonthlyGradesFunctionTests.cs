using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Timer;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>The monthly timer on 1 November 2026, 06:00 Moscow: it grades October.</summary>
public sealed class MonthlyGradesFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Anna = "6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41";
    private static readonly DateTimeOffset FirstOfNovember = new(2026, 11, 1, 6, 0, 0, TimeSpan.FromHours(3));

    /// <summary>Counts sends and is slow, so two runs at once really overlap.</summary>
    private sealed class CountingMail : IMailSender
    {
        private int _sent;
        public int Sent => _sent;
        public List<OutgoingMail> Mails { get; } = [];

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            await Task.Delay(200, cancellationToken);
            lock (Mails)
            {
                Mails.Add(mail);
            }

            Interlocked.Increment(ref _sent);
        }
    }

    private static async Task<MonthlyGradesFunction> PrepareAsync(GradesAppFactory factory)
    {
        var recorder = factory.Services.GetRequiredService<ITaskRecorder>();
        for (var i = 0; i < 12; i++)
        {
            await recorder.RecordAsync(new TaskEvent(Anna, i % 3 == 0 ? "2.4" : "5.5", new DateTimeOffset(2026, 10, 5 + i, 11, 0, 0, TimeSpan.FromHours(3)), $"src:{i}", "c-romashka"));
        }

        return factory.Services.GetRequiredService<MonthlyGradesFunction>();
    }

    private static TimerInvocation Invocation() => new("MonthlyGrades", false, null, null, NullLogger.Instance);

    [Fact]
    public void Schedule_IsSixOnTheFirstByDefault()
    {
        using var factory = new GradesAppFactory(azurite, FirstOfNovember);
        var function = factory.Services.GetServices<ITimerFunction>().Single(f => f.Name == "MonthlyGrades");

        Assert.Equal("0 0 6 1 * *", function.DefaultSchedule);
        Assert.Equal("Grades:Schedule", function.ScheduleSetting);
    }

    [Fact]
    public async Task RunTwice_StoresTheSameFileAndMailsOnce()
    {
        using var factory = new GradesAppFactory(azurite, FirstOfNovember);
        var function = await PrepareAsync(factory);
        var stored = Path.Combine(factory.DataFolder, "documents", "Grades", "grades-2026-10.xlsx");

        await function.RunAsync(Invocation(), CancellationToken.None);
        var first = await File.ReadAllBytesAsync(stored);
        factory.Time.Now = FirstOfNovember.AddHours(2);
        await function.RunAsync(Invocation(), CancellationToken.None);

        Assert.Equal(first, await File.ReadAllBytesAsync(stored));
        var mail = Assert.Single(Directory.GetFiles(Path.Combine(factory.DataFolder, "outbox"), "*.eml"));
        var text = await File.ReadAllTextAsync(mail);
        Assert.Contains("buh@firm.example", text);
        var summary = WorkbookReader.ReadSheet(stored, "Итоги");
        Assert.Contains(summary.Values, c => c.Value == "Анна Смирнова");
        var marker = await factory.Services.GetRequiredService<MonthlyRunMarkers>().GetAsync("2026-10", CancellationToken.None);
        Assert.Equal("sent", marker!.State);
        // The archive location is relative to the archive root: no server path leaves the app (hygiene).
        Assert.Equal("Grades/grades-2026-10.xlsx", marker.Location);
        Assert.EndsWith(Path.Combine("Grades", "grades-2026-10.xlsx"), stored);
    }

    [Fact]
    public async Task RunTwiceAtOnce_SendsOneMail()
    {
        var mail = new CountingMail();
        using var factory = new GradesAppFactory(azurite, FirstOfNovember, mail: mail);
        var function = await PrepareAsync(factory);

        await Task.WhenAll(function.RunAsync(Invocation(), CancellationToken.None), function.RunAsync(Invocation(), CancellationToken.None));

        Assert.Equal(1, mail.Sent);
        var sent = Assert.Single(mail.Mails);
        Assert.Equal("grades-2026-10-accountant", sent.IdempotencyKey);
        Assert.Contains("октябрь 2026", sent.Subject);
        Assert.Equal(["buh@firm.example"], sent.To);
    }

    [Fact]
    public async Task Run_WithoutAccountantEmail_StoresTheFileAndMailsNobody()
    {
        var mail = new CountingMail();
        using var factory = new GradesAppFactory(azurite, FirstOfNovember, accountantEmail: null, mail: mail);
        var function = await PrepareAsync(factory);

        await function.RunAsync(Invocation(), CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(factory.DataFolder, "documents", "Grades", "grades-2026-10.xlsx")));
        Assert.Equal(0, mail.Sent);
    }
}
