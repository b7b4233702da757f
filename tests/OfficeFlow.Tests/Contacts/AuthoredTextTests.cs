using OfficeFlow.Functions.Contacts.Extraction;

namespace OfficeFlow.Tests.Contacts;

public sealed class AuthoredTextTests
{
    [Theory]
    [InlineData("-----Original Message-----")]
    [InlineData("----- Исходное сообщение -----")]
    [InlineData("---------- Forwarded message ---------")]
    [InlineData("-------- Пересылаемое сообщение --------")]
    [InlineData("On Mon, Nov 16, 2026 at 9:12 AM Maria <m@firm.ru> wrote:")]
    [InlineData("16.11.2026, 14:05, \"Мария\" <m@firm.ru>:")]
    [InlineData("Понедельник, 16 ноября 2026, 10:15 +03:00 от Мария <m@firm.ru>:")]
    [InlineData("> quoted line")]
    public void Lines_StopAtTheHistoryMarker(string marker)
    {
        var lines = AuthoredText.Lines($"Ответ.\n\nИван\n{marker}\nстарый текст\nТел. +7 495 111-22-33");

        Assert.Equal(["Ответ.", "", "Иван"], lines);
    }

    [Fact]
    public void Lines_OutlookHeaderBlock_IsHistory()
    {
        var lines = AuthoredText.Lines("Спасибо.\nОт: Мария <m@firm.ru>\nОтправлено: 16 ноября 2026 г.\nТема: Счёт\nтекст");

        Assert.Equal(["Спасибо."], lines);
    }

    [Fact]
    public void Lines_AFromLineWithoutHeaderFollowers_IsBodyText()
    {
        var lines = AuthoredText.Lines("От: отдела закупок ждём ответа\nпо счёту.");

        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void Lines_DisclaimerAndMobileFooter_AreCut()
    {
        Assert.Equal(["Буду в 15:00.", ""], AuthoredText.Lines("Буду в 15:00.\n\nОтправлено с iPhone"));
        Assert.Equal(["Иван"], AuthoredText.Lines("Иван\nThis e-mail and any attachments are confidential."));
    }
}
