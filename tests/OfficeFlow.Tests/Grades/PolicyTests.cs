using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Tests.Grades;

public class PolicyTests
{
    [Fact]
    public void ShippedPolicy_ListsEveryNumberedTaskOfTheEditedSeedList()
    {
        var policy = GradesTestData.Policy();

        string[] expected =
        [
            "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9",
            "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7",
            "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "7.1",
        ];
        Assert.Equal(expected, policy.Catalog.Select(t => t.Code));
        Assert.All(policy.Catalog, t => Assert.InRange(t.Class, 1, 4));
        Assert.Equal("Подготовка договоров с клиентами (лицензионный, на поставку программных продуктов, на сервисное обслуживание, на поставку консалтинговых дисков).",
            policy.FindTask("2.4")!.TitleRu);
    }

    [Theory]
    [InlineData(TaskEvents.ContactLogged, "5.5")]
    [InlineData(TaskEvents.ClientCreated, "5.4")]
    [InlineData(TaskEvents.ContractGenerated, "2.4")]
    [InlineData(TaskEvents.InvoiceIssued, "2.3")]
    [InlineData(TaskEvents.ReminderSent, "2.7")]
    [InlineData(TaskEvents.PaymentLinked, "5.3")]
    public void ShippedPolicy_MapsEachOfficeFlowEventToItsTask(string autoEvent, string code)
    {
        Assert.Equal(code, Assert.Single(GradesTestData.Policy().Catalog, t => t.AutoEvent == autoEvent).Code);
    }

    [Fact]
    public void Calendar2026_HasTheOfficialWorkingDays()
    {
        var calendar = GradesTestData.Policy().Calendar;

        Assert.Equal(247, calendar.CountWorkingDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(15, calendar.CountWorkingDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)));
        Assert.Equal(22, calendar.CountWorkingDays(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));
        Assert.Equal(20, calendar.CountWorkingDays(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 9)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Parse_DuplicateCode_NamesTheEntry()
    {
        var error = Assert.Throws<PolicyValidationException>(() =>
            GradesTestData.PolicyWith("{ \"code\": \"1.2\", \"category\": \"post\"", "{ \"code\": \"1.1\", \"category\": \"post\""));

        Assert.Contains("catalog[1]: '1.1' appears more than once", error.Errors);
    }

    [Fact]
    public void Parse_UnknownCategoryAndEvent_NameTheTask()
    {
        var error = Assert.Throws<PolicyValidationException>(() =>
            GradesTestData.PolicyWith("\"code\": \"2.4\", \"category\": \"clients\", \"class\": 3, \"points\": 4, \"frequency\": \"weekly\", \"autoEvent\": \"contractGenerated\"",
                "\"code\": \"2.4\", \"category\": \"sales\", \"class\": 3, \"points\": 4, \"frequency\": \"weekly\", \"autoEvent\": \"contractSigned\""));

        Assert.Contains(error.Errors, e => e.StartsWith("catalog[6] (code '2.4'): category 'sales'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("catalog[6] (code '2.4'): autoEvent 'contractSigned'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BandsOutOfOrder_SaysToListThemAscending()
    {
        var error = Assert.Throws<PolicyValidationException>(() =>
            GradesTestData.PolicyWith("{ \"band\": \"A\", \"minFulfilment\": 1.1", "{ \"band\": \"A\", \"minFulfilment\": 0.5"));

        Assert.Contains(error.Errors, e => e.StartsWith("bands[3] (band 'A'): minFulfilment 0.5 must be greater", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RolesWithTheSameTitle_AreRefused()
    {
        var error = Assert.Throws<PolicyValidationException>(() => GradesTestData.PolicyWith("\"titleRu\": \"Руководитель отдела\"", "\"titleRu\": \"Менеджер\""));

        Assert.Contains("roles (titleRu)[1]: 'Менеджер' appears more than once", error.Errors);
    }

    [Fact]
    public void Parse_BrokenJsonOrUnknownField_SaysWhere()
    {
        var error = Assert.Throws<PolicyValidationException>(() => GradesTestData.PolicyWith("\"currency\": \"RUB\"", "\"currency\": \"RUB\", \"bonus\": 1"));

        Assert.Contains("bonus", Assert.Single(error.Errors));
    }

    [Fact]
    public void Library_ComputesEachMonthWithTheVersionInForce()
    {
        var first = GradesTestData.Policy();
        var second = GradesTestData.PolicyWith("\"effectiveFrom\": \"2026-01\"", "\"effectiveFrom\": \"2026-11\"");
        var library = new PolicyLibrary([second, first]);

        Assert.Same(first, library.For(new GradesMonth(2026, 10)));
        Assert.Same(second, library.For(new GradesMonth(2026, 11)));
        Assert.Throws<InvalidOperationException>(() => library.For(new GradesMonth(2025, 12)));
        var noCalendar = Assert.Throws<InvalidOperationException>(() => library.For(new GradesMonth(2027, 1)));
        Assert.Contains("2027", noCalendar.Message);
    }
}
