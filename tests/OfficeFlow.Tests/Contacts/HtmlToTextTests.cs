using OfficeFlow.Functions.Contacts.Extraction;

namespace OfficeFlow.Tests.Contacts;

public sealed class HtmlToTextTests
{
    [Fact]
    public void Convert_BreaksAndParagraphsBecomeLinesAndEntitiesAreDecoded()
    {
        var text = HtmlToText.Convert("<html><head><style>p{}</style></head><body><p>С уважением,<br>Иван</p><div>ООО &laquo;Ромашка&raquo;&nbsp;</div></body></html>");

        Assert.Equal("С уважением,\nИван\n\nООО «Ромашка»", text);
    }

    [Fact]
    public void Convert_BlockquoteAndGmailQuote_ArePrefixedAsQuoted()
    {
        var text = HtmlToText.Convert("<div>Ответ</div><div class=\"gmail_quote\"><div>On Mon wrote:</div><blockquote><div>старое</div></blockquote></div><div>после</div>");

        Assert.Equal("Ответ\n> On Mon wrote:\n> старое\nпосле", text);
    }

    [Fact]
    public void Convert_TableCells_StayOnTheLineWithSpaces() =>
        Assert.Equal("Иван Петров", HtmlToText.Convert("<table><tr><td>Иван</td><td>Петров</td></tr></table>"));
}
