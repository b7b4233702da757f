using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;

namespace OfficeFlow.Storage.Internal;

/// <summary>
/// The wire format of an entity-group transaction: one multipart/mixed "$batch" request holding one
/// changeset with an HTTP request per action, and the multipart answer with one HTTP response per
/// action (success) or the single response of the action that failed.
/// </summary>
internal static class TransactionBatch
{
    public const int MaxActions = 100;

    /// <summary>Rejects what the service would reject, before anything is sent, with a message saying what to fix.</summary>
    public static IReadOnlyList<TableTransactionAction> Validate(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("The transaction has no actions; submit at least one.", nameof(actions));
        }

        if (list.Count > MaxActions)
        {
            throw new ArgumentException(
                $"The transaction has {list.Count} actions; Table Storage accepts at most {MaxActions}. Split it into batches of {MaxActions}.",
                nameof(actions));
        }

        var partitionKey = list[0]?.Entity?.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var action = list[i] ?? throw new ArgumentException($"Transaction action {i} is null.", nameof(actions));
            var entity = action.Entity ?? throw new ArgumentException($"Transaction action {i} has no entity.", nameof(actions));
            try
            {
                TableKeys.Validate(entity.PartitionKey, entity.RowKey);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Transaction action {i}: {e.Message}", nameof(actions), e);
            }

            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Transaction action {i} is in partition '{entity.PartitionKey}' but action 0 is in '{partitionKey}'; " +
                    "all actions of one transaction must share one PartitionKey. Group the actions by partition.",
                    nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException(
                    $"Transaction action {i} touches RowKey '{entity.RowKey}' again; a transaction may touch each entity only once. Combine those actions.",
                    nameof(actions));
            }
        }

        return list;
    }

    public static byte[] Build(string batchBoundary, string changesetBoundary, IReadOnlyList<TableTransactionAction> actions, Func<ITableEntity, Uri> entityUri, Uri tableUri)
    {
        var body = new StringBuilder();
        body.Append("--").Append(batchBoundary).Append("\r\n");
        body.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            var (method, uri, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri, null, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUri(action.Entity), null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUri(action.Entity), null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", entityUri(action.Entity), IfMatch(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUri(action.Entity), IfMatch(action.ETag), true),
                TableTransactionActionType.Delete => ("DELETE", entityUri(action.Entity), IfMatch(action.ETag), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action type."),
            };

            body.Append("--").Append(changesetBoundary).Append("\r\n");
            body.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            body.Append(method).Append(' ').Append(uri.AbsoluteUri).Append(" HTTP/1.1\r\n");
            body.Append("Accept: ").Append(TableHeadersPolicy.AcceptJson).Append("\r\n");
            body.Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                body.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (hasBody)
            {
                body.Append("Prefer: return-no-content\r\n");
                body.Append("Content-Type: application/json\r\n\r\n");
                body.Append(Encoding.UTF8.GetString(EntitySerializer.Serialize(action.Entity))).Append("\r\n");
            }
            else
            {
                body.Append("\r\n");
            }
        }

        body.Append("--").Append(changesetBoundary).Append("--\r\n");
        body.Append("--").Append(batchBoundary).Append("--\r\n");
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    /// <summary>The default (unset) ETag of an action means "any version".</summary>
    private static string IfMatch(ETag etag) => etag == default ? "*" : etag.ToString("H");

    /// <summary>One HTTP response inside the multipart answer.</summary>
    public sealed record Part(int Status, string? ETag, string Body);

    /// <summary>Splits the multipart answer into its HTTP responses, in order. The nested boundaries
    /// need no tracking: every part starts with its "HTTP/1.1 nnn" status line.</summary>
    public static IReadOnlyList<Part> ParseResponse(string content)
    {
        var parts = new List<Part>();
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(lines[i].AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture);
            string? etag = null;
            i++;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0 && lines[i][..colon].Trim().Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = lines[i][(colon + 1)..].Trim();
                }
            }

            var body = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            i--;
            parts.Add(new Part(status, etag, body.ToString().Trim()));
        }

        return parts;
    }

    /// <summary>The failing action's index from a message like "2:The specified entity already exists."</summary>
    public static int? FailedIndex(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var colon = message.IndexOf(':');
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }
}
