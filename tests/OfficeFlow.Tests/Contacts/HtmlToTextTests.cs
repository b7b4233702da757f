using System.Diagnostics;
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

    [Fact]
    public void Convert_HiddenElementsAndCommentsAreCut_UnclosedOnesStay() =>
        Assert.Equal("до после !-- открыт", HtmlToText.Convert("до<script type=x>var a = '<b>';</script ><!-- <p>скрыто</p> --> <TITLE>т</title>после <!-- открыт"));

    /// <summary>
    /// A body of unclosed tags or comments must cost time in proportion to its length: the regexes it used made each
    /// occurrence scan to the end (quadratic, 11 s for 1 MB of "&lt;a "), and log-email requests stalled behind it.
    /// Four times the text may take at most eight times as long (quadratic would be sixteen); the best of three runs
    /// each, so a busy machine does not decide.
    /// </summary>
    [Theory]
    [InlineData("<a ")]
    [InlineData("<!--<script <style>")]
    [InlineData("<head><title>")]
    public void Convert_UnclosedTagsRepeated_TakeLinearTime(string unit)
    {
        var small = Best(string.Concat(Enumerable.Repeat(unit, 100_000 / unit.Length)));
        var large = Best(string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length)));

        Assert.True(large < small * 8 + TimeSpan.FromMilliseconds(50), $"100k chars: {small.TotalMilliseconds:0} ms; 400k chars: {large.TotalMilliseconds:0} ms");
    }

    private static TimeSpan Best(string html) => Enumerable.Range(0, 3).Select(_ =>
    {
        var watch = Stopwatch.StartNew();
        HtmlToText.Convert(html);
        return watch.Elapsed;
    }).Min();
}
