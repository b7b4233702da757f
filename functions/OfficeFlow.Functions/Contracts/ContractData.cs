using System.Globalization;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Contracts.Formatting;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// Assembles the data a contract template renders: the manager's fields, the client's and the firm's
/// requisites, and what the server computes (number, date, line numbers and amounts, total, VAT contained
/// in the total, the row numbers <c>n</c> of every other list such as a delivery schedule, and the part paid after
/// delivery <c>postpayment_percent</c>). Prices include VAT, as in the firm's price list.
/// </summary>
public static class ContractData
{
    public static JsonObject Build(ContractRequest request, JsonObject client, JsonObject supplier, ContractsOptions options, string number, DateOnly date)
    {
        var data = request.Fields?.DeepClone().AsObject() ?? [];
        data["number"] = number;
        data["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (data["city"] is null)
        {
            data["city"] = options.City;
        }

        data["supplier"] = supplier.DeepClone();
        data["client"] = client.DeepClone();

        if (data["items"] is JsonArray items)
        {
            var total = 0m;
            for (var i = 0; i < items.Count; i++)
            {
                var line = items[i]!.AsObject();
                ContractRequest.TryDecimal(line["quantity"]!, out var quantity);
                ContractRequest.TryDecimal(line["price"]!, out var price);
                var amount = RussianMoney.RoundToKopecks(quantity * price);
                line["n"] = i + 1;
                line["quantity"] = quantity;
                line["price"] = price;
                line["amount"] = amount;
                total += amount;
            }

            data["total"] = total;
        }

        // Every list of rows is numbered by the server, as GET /api/contract-templates says (filledBy "server").
        foreach (var (key, node) in data.ToList())
        {
            if (key != "items" && node is JsonArray rows)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    if (rows[i] is JsonObject row)
                    {
                        row["n"] = i + 1;
                    }
                }
            }
        }

        // The payment clause follows the prepayment: 0 after delivery prints no "remaining part".
        if (data["prepayment_percent"] is { } prepaymentNode && ContractRequest.TryDecimal(prepaymentNode, out var prepayment))
        {
            data["prepayment_percent"] = prepayment;
            data["postpayment_percent"] = 100 - prepayment;
        }

        var hasRate = data.TryGetPropertyValue("vat_rate", out var rateNode);
        decimal? rate = !hasRate ? options.DefaultVatRate
            : ContractRequest.TryVatRate(rateNode, out var given) && given > 0 ? given : null;
        data["vat_rate"] = rate;
        if (rate is { } r && data["total"] is { } totalNode && ContractRequest.TryDecimal(totalNode, out var gross))
        {
            data["vat_amount"] = Vat.Included(gross, r);
        }

        return data;
    }

    /// <summary>The contract total the metadata records (0 when the template has no amounts).</summary>
    public static decimal TotalOf(JsonObject data) =>
        data["total"] is { } node && ContractRequest.TryDecimal(node, out var total) ? total : 0m;
}
