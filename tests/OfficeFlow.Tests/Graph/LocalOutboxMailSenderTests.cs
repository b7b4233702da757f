using System.Text;
using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Graph;

namespace OfficeFlow.Tests.Graph;

public sealed class LocalOutboxMailSenderTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "officeflow-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private LocalOutboxMailSender CreateSut() => new(
        GraphSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Local:DataFolder"] = _dataFolder }).Build()),
        TimeProvider.System);

    private static OutgoingMail Mail(string key, string subject = "Напоминание: счёт № 17 от 01.11.2026 просрочен на 7 дней — ООО «Ромашка»") => new(
        ["buh@romashka.example"],
        subject,
        "<p>Добрый день! Просим оплатить счёт № 17.</p>",
        key,
        [new MailAttachment("Счёт № 17.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 invoice"))]);

    [Fact]
    public async Task Send_WritesOneEmlThatParses_WithTheRussianSubjectBodyAndAttachment()
    {
        var sut = CreateSut();
        await sut.SendAsync(Mail("invoice:17/step:7"));

        var file = Assert.Single(Directory.GetFiles(sut.OutboxFolder));
        Assert.Equal(".eml", Path.GetExtension(file));
        var message = EmlPart.Parse(File.ReadAllBytes(file));
        Assert.Equal("Напоминание: счёт № 17 от 01.11.2026 просрочен на 7 дней — ООО «Ромашка»", message.Header("Subject"));
        Assert.Equal("buh@romashka.example", message.Header("To"));
        Assert.Equal("officeflow@localhost", message.Header("From"));
        Assert.Equal("invoice:17/step:7", message.Header(GraphMailSender.KeyHeader));
        Assert.True(DateTimeOffset.TryParse(message.Header("Date"), System.Globalization.CultureInfo.InvariantCulture, out _), message.Header("Date"));

        var parts = message.Parts();
        Assert.Equal(2, parts.Count);
        Assert.StartsWith("text/html; charset=utf-8", parts[0].Header("Content-Type"));
        Assert.Equal("<p>Добрый день! Просим оплатить счёт № 17.</p>", parts[0].Text);
        Assert.Contains("filename=\"Счёт № 17.pdf\"", parts[1].Header("Content-Disposition"));
        Assert.Equal("%PDF-1.4 invoice", Encoding.ASCII.GetString(parts[1].Content));
    }

    [Fact]
    public async Task Send_SameKeyTwice_WritesOnce_AndKeepsTheFirstMessage()
    {
        var sut = CreateSut();
        await sut.SendAsync(Mail("invoice-17-step-7", "First"));
        await sut.SendAsync(Mail("invoice-17-step-7", "Second"));

        var file = Assert.Single(Directory.GetFiles(sut.OutboxFolder));
        Assert.Equal("First", EmlPart.Parse(File.ReadAllBytes(file)).Header("Subject"));
    }

    [Fact]
    public async Task Send_SameKeyConcurrently_WritesExactlyOneCompleteFile()
    {
        var sut = CreateSut();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => sut.SendAsync(Mail("race", $"Attempt {i}")))));

        var file = Assert.Single(Directory.GetFiles(sut.OutboxFolder, "*", SearchOption.AllDirectories));
        Assert.StartsWith("Attempt ", EmlPart.Parse(File.ReadAllBytes(file)).Header("Subject"));
    }

    [Fact]
    public void KeysThatSanitizeAlike_GetDifferentFiles()
    {
        var sut = CreateSut();
        Assert.NotEqual(sut.PathFor("a/b"), sut.PathFor("a_b"));
        Assert.NotEqual(sut.PathFor("a/b"), sut.PathFor("a:b"));
        Assert.Equal(sut.OutboxFolder, Path.GetDirectoryName(sut.PathFor("../../etc/passwd")));
    }

    [Fact]
    public async Task Send_WithoutAttachments_IsASingleHtmlPart()
    {
        var sut = CreateSut();
        await sut.SendAsync(Mail("plain") with { Attachments = null });

        var message = EmlPart.Parse(File.ReadAllBytes(sut.PathFor("plain")));
        Assert.StartsWith("text/html; charset=utf-8", message.Header("Content-Type"));
        Assert.Equal("<p>Добрый день! Просим оплатить счёт № 17.</p>", message.Text);
    }
}
