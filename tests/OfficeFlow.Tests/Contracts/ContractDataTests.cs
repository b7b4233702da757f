using System.Text.Json.Nodes;
using OfficeFlow.Functions.Contracts;

namespace OfficeFlow.Tests.Contracts;

/// <summary>What the server fills in a contract's data, whatever the manager sent.</summary>
public class ContractDataTests
{
    private static JsonObject Build(JsonObject fields) =>
        ContractData.Build(new ContractRequest { TemplateId = "consulting-discs", Fields = fields }, [], [], new ContractsOptions(), "2026-0001", new DateOnly(2026, 11, 29));

    [Fact]
    public void Build_NumbersTheScheduleRowsAsWellAsTheItems()
    {
        var data = Build(new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["name"] = "Подписка", ["quantity"] = 2, ["price"] = 100 }),
            ["schedule"] = new JsonArray(
                new JsonObject { ["month"] = "январь 2027", ["n"] = 7 },
                new JsonObject { ["month"] = "февраль 2027" },
                new JsonObject { ["month"] = "март 2027" }),
        });

        Assert.Equal([1, 2, 3], data["schedule"]!.AsArray().Select(r => (int)r!["n"]!));
        Assert.Equal(1, (int)data["items"]![0]!["n"]!);
        Assert.Equal(200m, (decimal)data["total"]!);
    }

    /// <summary>vat_rate is read as an invoice line's vatRate: the number (22) or null for «без НДС», and the old strings.</summary>
    [Theory]
    [InlineData("22", 22.0)]
    [InlineData("10", 10.0)]
    [InlineData("\"22\"", 22.0)]
    [InlineData("\"22%\"", 22.0)]
    [InlineData("\"без НДС\"", null)]
    [InlineData("null", null)]
    public void VatRate_TheApiFormAndTheOldStrings_AreAccepted(string json, double? expected)
    {
        var fields = new JsonObject { ["vat_rate"] = JsonNode.Parse(json), ["total"] = 12200 };

        Assert.DoesNotContain("fields.vat_rate", new ContractRequest { TemplateId = "license", ClientId = "c", Fields = fields.DeepClone().AsObject() }.Validate().Keys);
        var data = Build(fields);
        Assert.Equal((decimal?)expected, data["vat_rate"] is { } rate ? (decimal)rate : null);
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(30, 70)]
    [InlineData(0, 100)]
    public void Build_ComputesThePartPaidAfterDelivery(int prepayment, int postpayment)
    {
        var data = Build(new JsonObject { ["prepayment_percent"] = prepayment });

        Assert.Equal(postpayment, (decimal)data["postpayment_percent"]!);
    }

    [Fact]
    public void Validate_RefusesAPrepaymentOutsideZeroToHundred()
    {
        var errors = new ContractRequest { TemplateId = "software-supply", ClientId = "c1", Fields = new JsonObject { ["prepayment_percent"] = 120 } }.Validate();

        Assert.Contains("prepayment_percent", Assert.Single(errors).Value[0]);
    }
}
