using OfficeFlow.Functions.Hosting.Downloads;

namespace OfficeFlow.Tests.Hosting;

public sealed class RussianTransliterationTests
{
    [Theory]
    [InlineData("Договор 2026-0001 ООО «Ромашка».docx", "Dogovor 2026-0001 OOO Romashka.docx")]
    [InlineData("Счёт № 15 от 02.11.2026.docx", "Schet No 15 ot 02.11.2026.docx")]
    [InlineData("Щука ЩУКА Объём Юрий", "Shchuka SHCHUKA Obieem Iurii")]
    [InlineData("Café \"x\\y\" 😀", "Cafe xy _")]
    public void ToAscii_ReadsAsTheRussianName(string russian, string ascii) =>
        Assert.Equal(ascii, RussianTransliteration.ToAscii(russian));

    [Fact]
    public void ContentDisposition_HasBothNames() =>
        Assert.Equal("attachment; filename=\"Akt sverki.docx\"; filename*=UTF-8''%D0%90%D0%BA%D1%82%20%D1%81%D0%B2%D0%B5%D1%80%D0%BA%D0%B8.docx",
            DownloadHeaders.ContentDisposition("Акт сверки.docx"));
}
