using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>
/// Content controls (w:sdt) whose Tag property names a field (e.g. <c>client.name</c> or <c>total|money</c>)
/// get that field's value: their text is replaced by the equivalent <c>{tag}</c> before tags are scanned,
/// so they follow exactly the same rules. Controls whose Tag is not a field path are left alone.
/// </summary>
internal static partial class ContentControls
{
    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*(\|[a-z_]+(:[0-9.,]+)?)*$")]
    private static partial Regex FieldTag();

    public static void Bind(OpenXmlElement root)
    {
        foreach (var sdt in root.Descendants<SdtElement>().ToList())
        {
            if (!IsField(sdt) || sdt.Descendants<SdtElement>().Any(IsField))
            {
                continue;
            }

            var content = sdt.ChildElements.FirstOrDefault(e => e.LocalName == "sdtContent");
            if (content is null)
            {
                continue;
            }

            var text = EnsureText(content);
            if (text is null)
            {
                continue;
            }

            foreach (var other in content.Descendants<Text>())
            {
                other.Text = "";
            }

            text.Text = "{" + FieldOf(sdt) + "}";
            sdt.SdtProperties?.RemoveAllChildren<ShowingPlaceholder>();
        }
    }

    private static string? FieldOf(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    private static bool IsField(SdtElement sdt) => FieldOf(sdt) is { } tag && FieldTag().IsMatch(tag);

    private static Text? EnsureText(OpenXmlElement content)
    {
        var existing = content.Descendants<Text>().FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        var text = new Text();
        switch (content)
        {
            case SdtContentRun:
                content.AppendChild(new Run(text));
                return text;
            case SdtContentBlock or SdtContentCell:
                var paragraph = content.Descendants<Paragraph>().FirstOrDefault();
                if (paragraph is null)
                {
                    return null;
                }

                paragraph.AppendChild(new Run(text));
                return text;
            default:
                return null;
        }
    }
}
