using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OfficeFlow.Functions.Contracts.Formatting;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Invoices.Money;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// The body of <c>POST /api/contracts</c>. <see cref="Fields"/> holds the template's remaining fields
/// (items with name, unit, quantity, price; dates as yyyy-MM-dd; <c>vat_rate</c>, null for "без НДС").
/// The server fills number, date, city (unless given), supplier, items' n and amount, total and vat_amount.
/// </summary>
public sealed record ContractRequest
{
    [JsonPropertyName("templateId"), Required, OpenApiExample("\"service-maintenance\"")] public string? TemplateId { get; init; }
    [JsonPropertyName("clientId"), Required] public string? ClientId { get; init; }
    /// <summary>Optional: repeat a POST with the same id and you get the same contract, never a second number.</summary>
    [JsonPropertyName("requestId")] public string? RequestId { get; init; }
    /// <summary>Client requisites that complete or override the client card. Required: a card never holds the signatory
    /// in the genitive case («Директора Петровой Елены Сергеевны») that every contract's preamble prints. The example is
    /// a complete set (the sample's client), so a contract is made whatever the card holds.</summary>
    [JsonPropertyName("client"), Required, OpenApiExample(ClientExample), Description("Реквизиты клиента (snake_case, как в шаблоне): дополняют карточку; signatory_genitive в карточке не хранится.")] public JsonObject? Client { get; init; }
    /// <summary>The template's fields (GET /api/contract-templates lists them); required, as every template asks for some.</summary>
    [JsonPropertyName("fields"), Required, OpenApiExample(FieldsExample), Description("Поля шаблона (GET /api/contract-templates): items, даты ГГГГ-ММ-ДД, vat_rate.")] public JsonObject? Fields { get; init; }

    private const string ClientExample = """
        {"inn": "7705987654", "kpp": "770501001", "ogrn": "1157746654321", "address": "115054, г. Москва, ул. Дубининская, д. 57, стр. 1",
         "bank": "АО «Альфа-Банк», г. Москва", "account": "40702810401300054321", "corr_account": "30101810200000000593", "bik": "044525593",
         "signatory_position": "Директор", "signatory_genitive": "Директора Петровой Елены Сергеевны", "signatory_short": "Е.С. Петрова", "basis": "Устава"}
        """;

    // The fields of the example template, service-maintenance (its sample in Contracts/Templates, less what the server fills).
    private const string FieldsExample = """
        {"software": "1С:Предприятие 8. Бухгалтерия предприятия КОРП", "service_address": "115054, г. Москва, ул. Дубининская, д. 57, стр. 1",
         "response_hours": 4, "payment_day": 10, "start_date": "2026-12-01", "end_date": "2027-11-30", "vat_rate": 22,
         "items": [{"name": "Абонентское обслуживание: консультации по телефону и e-mail", "unit": "мес.", "quantity": 1, "price": 12000}]}
        """;

    /// <summary>Problems a manager can fix, by field, in Russian; empty when the request is usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(TemplateId) || !IsTemplateId(TemplateId))
        {
            errors["templateId"] = [$"Выберите шаблон договора (templateId): до {MaxTemplateId} латинских букв, цифр, «-» и «_», как в GET /api/contract-templates."];
        }

        if (!InputLimits.IsSafeId(ClientId, InputLimits.ClientId))
        {
            errors["clientId"] = [$"Укажите клиента (clientId): до {InputLimits.ClientId} символов, без / \\ # ?."];
        }

        if (RequestId is { } id && !InputLimits.IsSafeId(id))
        {
            errors["requestId"] = [$"requestId: до {InputLimits.Id} символов, без / \\ # ?."];
        }

        if (!TextLimits(Client, "client", errors) | !TextLimits(Fields, "fields", errors))
        {
            return errors;
        }

        if (Client?["name"] is JsonValue clientName && clientName.ToString().Length > InputLimits.Name)
        {
            errors["client.name"] = [$"Наименование клиента — до {InputLimits.Name} символов."];
        }

        if (Fields?["items"] is { } items)
        {
            if (items is not JsonArray list)
            {
                errors["fields.items"] = ["Позиции (items) должны быть списком."];
            }
            else if (list.Count > InputLimits.Lines)
            {
                errors["fields.items"] = [$"В договоре не больше {InputLimits.Lines} позиций."];
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

        if (Fields?["vat_rate"] is { } rate && !TryVatRate(rate, out _))
        {
            errors["fields.vat_rate"] = ["Ставка НДС (vat_rate) — число от 0 до 100 (22, 10, 0) или null для «без НДС»."];
        }

        if (Fields?["prepayment_percent"] is { } prepayment && (!TryDecimal(prepayment, out var percent) || percent < 0 || percent > 100))
        {
            errors["fields.prepayment_percent"] = ["Предоплата (prepayment_percent) — число от 0 до 100 (процент стоимости)."];
        }

        return errors;
    }

    public const int MaxTemplateId = 64;
    private const int MaxKeys = 200;

    private static bool IsTemplateId(string id) =>
        id.Length <= MaxTemplateId && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    // Every key and text in the free JSON of client and fields: a field name is short, a value fits a document's paragraph.
    /// <returns>False when a text in it cannot be read at all (the checks after it would throw on it).</returns>
    private static bool TextLimits(JsonObject? root, string prefix, Dictionary<string, string[]> errors)
    {
        var unreadable = false;
        if (root is null)
        {
            return true;
        }

        var keys = 0;
        var stack = new Stack<(JsonNode? Node, string Path)>([(root, prefix)]);
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (++keys > MaxKeys || key.Length > 64)
                        {
                            errors[prefix] = [$"В {prefix} не больше {MaxKeys} полей, имя поля — до 64 символов."];
                            return !unreadable;
                        }

                        stack.Push((value, $"{path}.{key}"));
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        stack.Push((array[i], $"{path}[{i}]"));
                    }

                    break;
                case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                    // A lone UTF-16 surrogate ("\ud800") parses as JSON but cannot be read as text: a 400, not a 500.
                    if (!TryText(value, out var text))
                    {
                        errors[path] = [$"Поле {path}: в тексте недопустимый символ (половина суррогатной пары UTF-16)."];
                        unreadable = true;
                    }
                    else if (text.Length > InputLimits.FieldText)
                    {
                        errors[path] = [$"Поле {path} длиннее {InputLimits.FieldText} символов."];
                    }

                    break;
            }
        }

        return !unreadable;
    }

    private static bool TryText(JsonValue value, out string text)
    {
        try
        {
            text = value.GetValue<string>();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string? ItemProblem(JsonNode? item)
    {
        if (item is not JsonObject line || line["name"] is not JsonValue name || string.IsNullOrWhiteSpace(name.ToString()))
        {
            return "У позиции должно быть наименование (name).";
        }

        if (name.ToString().Length > InputLimits.Text)
        {
            return $"Наименование позиции — до {InputLimits.Text} символов.";
        }

        if (line["unit"] is JsonValue unit && unit.ToString().Length > InputLimits.Unit)
        {
            return $"Единица измерения (unit) — до {InputLimits.Unit} символов.";
        }

        if (line["quantity"] is not { } quantity || !TryDecimal(quantity, out var q) || q <= 0 || q > InputLimits.Quantity)
        {
            return "Количество (quantity) — положительное число, не больше 1 000 000.";
        }

        if (line["price"] is not { } price || !TryDecimal(price, out var p) || p < 0 || p > InputLimits.Price)
        {
            return "Цена (price) — число от нуля до 1 000 000 000.";
        }

        return q * p > RussianAmountInWords.MaxAmount ? "Сумма позиции слишком велика." : null;
    }

    /// <summary>vat_rate as invoices read vatRate: a number (any percentage 0–100 here, for older contracts' rates)
    /// or null for «без НДС», and the strings of older clients ("22", "22%", "без НДС"). Null out: «без НДС».</summary>
    internal static bool TryVatRate(JsonNode? node, out decimal? percent)
    {
        percent = null;
        if (node is null)
        {
            return true;
        }

        if (node.GetValueKind() == System.Text.Json.JsonValueKind.String && VatRates.TryParse(node.GetValue<string>(), out var known))
        {
            percent = known.ApiValue();
            return true;
        }

        if (TryDecimal(node, out var value) && value is >= 0 and <= 100)
        {
            percent = value;
            return true;
        }

        return false;
    }

    internal static bool TryDecimal(JsonNode node, out decimal value)
    {
        try
        {
            // A number's JSON text, not GetValue<decimal>(): a node built in code holds an int or a double, not a decimal.
            value = TemplateFormatters.ToDecimal(node.GetValueKind() == System.Text.Json.JsonValueKind.Number
                ? decimal.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
                : node.GetValue<string>());
            return true;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            value = 0;
            return false;
        }
    }
}
