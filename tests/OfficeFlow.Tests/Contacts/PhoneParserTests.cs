using OfficeFlow.Functions.Contacts.Extraction;

namespace OfficeFlow.Tests.Contacts;

public sealed class PhoneParserTests
{
    [Theory]
    [InlineData("Тел.: +7 (495) 123-45-67", "+74951234567")]
    [InlineData("8 (916) 123-45-67", "+79161234567")]
    [InlineData("моб. 89161234567", "+79161234567")]
    [InlineData("(8482) 55-66-77", "+78482556677")]
    [InlineData("8 800 555-35-35", "+78005553535")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+1 (212) 555-0147 x204", "+12125550147;ext=204")]
    [InlineData("+7 495 123-45-67 доб. 215", "+74951234567;ext=215")]
    [InlineData("+7 (343) 310-20-30 (доб. 44)", "+73433102030;ext=44")]
    [InlineData("тел. (8482) 55-66-77 вн. 312", "+78482556677;ext=312")]
    [InlineData("00 49 30 1234 5678", "+493012345678")]
    public void Find_WrittenForms_GiveE164WithExtension(string line, string expected) =>
        Assert.Equal(expected, Assert.Single(PhoneParser.Find(line)).ToString());

    [Fact]
    public void Find_TwoNumbersOnOneLine_GivesBoth() =>
        Assert.Equal(["+78612345678", "+79183456789"], PhoneParser.Find("Тел./факс: 8 (861) 234-56-78, моб.: 8 918 345-67-89").Select(p => p.ToString()));

    [Theory]
    [InlineData("ИНН 7707083893, КПП 773601001")]
    [InlineData("р/с 40702810900000012345, БИК 044030790")]
    [InlineData("300012, г. Тула, ул. Ленина, д. 85")]
    [InlineData("Встреча 12.11.2026 в 15:00")]
    [InlineData("123-45-67")]
    [InlineData("+7 495 123-45")]
    public void Find_RequisitesDatesAndShortNumbers_AreNotPhones(string line) => Assert.Empty(PhoneParser.Find(line));
}
