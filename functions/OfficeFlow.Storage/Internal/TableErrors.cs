using System.Text.Json;
using Azure;

namespace OfficeFlow.Storage.Internal;

/// <summary>Reads the service's OData error ({"odata.error":{"code","message":{"value"}}}) into a
/// <see cref="RequestFailedException"/> carrying status and error code.</summary>
internal static class TableErrors
{
    public static (string? Code, string? Message) Parse(Response response)
    {
        string? code = response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        return ParseBody(response.Content?.ToString() ?? "", code);
    }

    public static (string? Code, string? Message) ParseBody(string body, string? code = null)
    {
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("odata.error", out var error))
            {
                if (error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
                {
                    code = c.GetString();
                }

                if (error.TryGetProperty("message", out var m))
                {
                    message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                }
            }
        }
        catch (JsonException)
        {
            // Not OData JSON (e.g. an XML error or a proxy's page): status and header code still tell the story.
        }

        return (code, message);
    }

    public static RequestFailedException Exception(Response response, string operation)
    {
        var (code, message) = Parse(response);
        var firstLine = message?.Split('\n')[0].Trim();
        return new RequestFailedException(
            response.Status,
            $"Table Storage refused to {operation}: {response.Status} {code ?? response.ReasonPhrase}{(string.IsNullOrEmpty(firstLine) ? "" : " — " + firstLine)}",
            code,
            null);
    }

    public static bool IsTableNotFound(Response response) =>
        string.Equals(Parse(response).Code, "TableNotFound", StringComparison.Ordinal);
}
