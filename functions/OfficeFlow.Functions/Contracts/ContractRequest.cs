using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OfficeFlow.Functions.Contracts.Formatting;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// The body of <c>POST /api/contracts</c>. <see cref="Fields"/> holds the template's remaining fields
/// (items with name, unit, quantity, price; dates as yyyy-MM-dd; <c>vat_rate</c>, null for "без НДС").
/// The server fills number, date, city (unless given), supplier, items' n and amount, total and vat_amount.
/// </summary>
public sealed record ContractRequest
{
    [JsonPropertyName("templateId")] public string? TemplateId { get; init; }
    [JsonPropertyName("clientId")] public string? ClientId { get; init; }
    /// <summary>Optional: repeat a POST with the same id and you get the same contract, never a second number.</summary>
    [JsonPropertyName("requestId")] public string? RequestId { get; init; }
    /// <summary>Client requisites that complete or override the client card.</summary>
    [JsonPropertyName("client")] public JsonObject? Client { get; init; }
    [JsonPropertyName("fields")] public JsonObject? Fields { get; init; }

    /// <summary>Problems a manager can fix, by field, in Russian; empty when the request is usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(TemplateId))
        {
            errors["templateId"] = ["Выберите шаблон договора (templateId)."];
        }

        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Length > 100 || ClientId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            errors["clientId"] = ["Укажите клиента (clientId): до 100 символов, без / \\ # ?."];
        }

        if (RequestId is { } id && (id.Length is 0 or > 100 || id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))))
        {
            errors["requestId"] = ["requestId: до 100 символов, без / \\ # ?."];
        }

        if (Fields?["items"] is { } items)
        {
            if (items is not JsonArray list)
            {
                errors["fields.items"] = ["Позиции (items) должны быть списком."];
            }
            else
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var problem = ItemProblem(list[i]);
                    if (problem is not null)
                    {
                        errors[$"fields.items[{i}]"] = [problem];
                    }
                }
            }
        }

        if (Fields?["vat_rate"] is { } rate && (!TryDecimal(rate, out var value) || value < 0 || value > 100))
        {
            errors["fields.vat_rate"] = ["Ставка НДС (vat_rate) — число от 0 до 100 или null для «без НДС»."];
        }

        return errors;
    }

    private static string? ItemProblem(JsonNode? item)
    {
        if (item is not JsonObject line || line["name"] is not JsonValue name || string.IsNullOrWhiteSpace(name.ToString()))
        {
            return "У позиции должно быть наименование (name).";
        }

        if (line["quantity"] is not { } quantity || !TryDecimal(quantity, out var q) || q <= 0)
        {
            return "Количество (quantity) — положительное число.";
        }

        if (line["price"] is not { } price || !TryDecimal(price, out var p) || p < 0)
        {
            return "Цена (price) — число не меньше нуля.";
        }

        return q * p > RussianAmountInWords.MaxAmount ? "Сумма позиции слишком велика." : null;
    }

    internal static bool TryDecimal(JsonNode node, out decimal value)
    {
        try
        {
            value = TemplateFormatters.ToDecimal(node.GetValueKind() == System.Text.Json.JsonValueKind.Number ? node.GetValue<decimal>() : node.GetValue<string>());
            return true;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
        {
            value = 0;
            return false;
        }
    }
}
