using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OfficeFlow.Functions.Invoices.Money;

/// <summary>
/// Reads a line's <c>vatRate</c> as it comes, for <see cref="VatRates.TryParse(string?, out VatRate)"/>: the API's
/// form (the number 22, 10 or 0, null for «без НДС», as a contract's <c>vat_rate</c>) and an old client's string
/// ("22", "22%", "без НДС"). Null has to reach the converter (HandleNull) to mean «без НДС»: a missing property
/// stays null and means the default rate.
/// </summary>
public sealed class VatRateJsonConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => VatRates.NoVatText,
        JsonTokenType.String => reader.GetString(),
        // 22, 22.0 and 2.2e1 are all «22»; a number out of decimal's range is simply not a rate.
        JsonTokenType.Number => reader.TryGetDecimal(out var number) ? number.ToString("0.############", CultureInfo.InvariantCulture) : "NaN",
        _ => throw new JsonException("vatRate: число 22, 10, 0 или null (без НДС)."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
