using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>The Functions host's invocation request to a custom handler: binding data by binding name, and trigger metadata.</summary>
public sealed class HostInvocationRequest
{
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement>? Data { get; set; }

    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; set; }
}

/// <summary>The answer the host expects: output bindings (none for our timers), log lines and a return value.</summary>
public sealed record HostInvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);

/// <summary>The timer binding's value in <see cref="HostInvocationRequest.Data"/>: the host's TimerInfo.</summary>
public sealed record HostTimerInfo(bool IsPastDue, ScheduleStatus? Status)
{
    /// <summary>The binding name emit-functions gives every timer trigger in function.json.</summary>
    public const string BindingName = "timer";

    /// <summary>Reads Data.timer, which the host sends as an object or as a JSON string; null when it is missing or malformed.</summary>
    public static HostTimerInfo? From(HostInvocationRequest request)
    {
        if (request.Data is null || !request.Data.TryGetValue(BindingName, out var value))
        {
            return null;
        }

        try
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                using var inner = JsonDocument.Parse(value.GetString()!);
                return FromObject(inner.RootElement);
            }

            return FromObject(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HostTimerInfo? FromObject(JsonElement timer)
    {
        if (timer.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var isPastDue = Property(timer, "IsPastDue") is { ValueKind: JsonValueKind.True };
        ScheduleStatus? status = null;
        if (Property(timer, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } s && Date(s, "Next") is { } next)
        {
            status = new ScheduleStatus(Date(s, "Last"), next, Date(s, "LastUpdated") ?? next);
        }

        return new HostTimerInfo(isPastDue, status);
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A date of the host's status; the host writes DateTime.MinValue ("0001-01-01T00:00:00") for "never", read as null.</summary>
    private static DateTimeOffset? Date(JsonElement element, string name)
        => Property(element, name) is { ValueKind: JsonValueKind.String } v
           && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
           && date.Year > 1
            ? date
            : null;
}
