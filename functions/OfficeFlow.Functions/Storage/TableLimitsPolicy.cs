using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OfficeFlow.Functions.Storage;

/// <summary>
/// The storage boundary's guard: every write leaving the app's Table clients passes here, before retries, and is
/// checked against <see cref="TableLimits"/> as it is on the wire (the official client's own JSON, so no mapping of
/// ours can disagree with it). An entity write carries one JSON entity; a transaction ($batch) carries a multipart
/// body with one sub-request per action, whose partition is in its URL or, for an insert, in its JSON.
/// </summary>
public sealed partial class TableLimitsPolicy : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        if (request.Content is null || request.Method == RequestMethod.Get || request.Method == RequestMethod.Delete)
        {
            return;
        }

        var path = request.Uri.Path;
        if (path.EndsWith("/Tables", StringComparison.Ordinal))
        {
            return;
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, message.CancellationToken);
        if (path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            CheckBatch(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), buffer.Length);
            return;
        }

        using var json = JsonDocument.Parse(buffer.ToArray());
        TableLimits.CheckEntity(json.RootElement);
    }

    private static void CheckBatch(string body, long bytes)
    {
        var partitions = new List<string>();
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var action = SubRequest().Match(lines[i].TrimEnd('\r'));
            if (!action.Success)
            {
                continue;
            }

            var json = NextJsonBody(lines, i + 1);
            if (json is not null)
            {
                using var entity = JsonDocument.Parse(json);
                partitions.Add(TableLimits.CheckEntity(entity.RootElement));
            }
            else
            {
                var keys = KeysInUrl().Match(Uri.UnescapeDataString(action.Groups["url"].Value));
                partitions.Add(keys.Success ? keys.Groups["pk"].Value.Replace("''", "'", StringComparison.Ordinal) : "");
            }
        }

        TableLimits.CheckTransaction(partitions, bytes);
    }

    // The JSON body of the sub-request whose request line is just before `from`: after its headers, before the next boundary.
    private static string? NextJsonBody(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("--", StringComparison.Ordinal) || SubRequest().IsMatch(line))
            {
                return null;
            }

            if (line.StartsWith('{'))
            {
                return line;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(POST|PUT|MERGE|PATCH|DELETE) (?<url>\S+) HTTP/1\.1$")]
    private static partial Regex SubRequest();

    [GeneratedRegex(@"\(PartitionKey='(?<pk>(?:[^']|'')*)',RowKey='")]
    private static partial Regex KeysInUrl();
}
