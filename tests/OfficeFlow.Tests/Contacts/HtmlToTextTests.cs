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
    /// A body of unclosed tags or comments must cost about what a well-formed body of the same length does: the regexes
    /// it used made each occurrence scan to the end (quadratic, 11 s for 1 MB of "&lt;a "), and log-email requests stalled
    /// behind it. Both are timed here, interleaved and best of three, so a busy machine slows both alike.
    /// </summary>
    [Theory]
    [InlineData("<a ")]
    [InlineData("<!--<script <style>")]
    [InlineData("<head><title>")]
    public void Convert_UnclosedTagsRepeated_CostAsMuchAsClosedOnes(string unit)
    {
        var hostile = string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length));
        var wellFormed = string.Concat(Enumerable.Repeat("<b>x</b> ", 400_000 / 9));
        var (hostileTime, wellFormedTime) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        for (var i = 0; i < 3; i++)
        {
            wellFormedTime = Min(wellFormedTime, Time(wellFormed));
            hostileTime = Min(hostileTime, Time(hostile));
        }

        Assert.True(hostileTime < wellFormedTime * 4 + TimeSpan.FromMilliseconds(50),
            $"400k chars of {unit}: {hostileTime.TotalMilliseconds:0} ms; well-formed: {wellFormedTime.TotalMilliseconds:0} ms");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Time(string html)
    {
        var watch = Stopwatch.StartNew();
        HtmlToText.Convert(html);
        return watch.Elapsed;
    }
}
