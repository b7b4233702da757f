using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Sync;
using OfficeFlow.Functions.Graph;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>
/// Reads the message the manager has open (<c>GET /me/messages/{itemId}</c>, on behalf of the caller) and turns it
/// into the same <see cref="LogEmailRequest"/> the add-in sends, so log-email with only an itemId logs alike.
/// Failures become outcomes (<see cref="GraphReadFailures"/>); retries stay with the Graph SDK's RetryHandler.
/// </summary>
/// <param name="graph">Null when Graph on-behalf-of is not configured (<see cref="GraphSettings.CanActOnBehalfOfUsers"/>).</param>
public sealed class GraphMessageReader(IGraphClientFactory? graph, ILogger<GraphMessageReader> log)
{
    public const int MaxItemIdLength = 1000;

    private static readonly string[] SelectedFields =
        ["internetMessageId", "from", "toRecipients", "ccRecipients", "subject", "sentDateTime", "receivedDateTime", "body"];

    /// <summary>Whether Graph on-behalf-of is configured.</summary>
    public bool CanRead => graph is not null;

    /// <summary>True when the request carries an itemId but no body, and this reader can fetch the message.</summary>
    public bool ShouldRead(LogEmailRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CanRead && !string.IsNullOrWhiteSpace(request.ItemId) && string.IsNullOrWhiteSpace(request.BodyText) && string.IsNullOrWhiteSpace(request.BodyHtml);
    }

    /// <param name="itemId">The message's REST id as the add-in sent it; it is kept on the stored interaction.</param>
    /// <param name="userAccessToken">The caller's API token, exchanged on-behalf-of for a Graph token. Never logged.</param>
    public async Task<GraphReadOutcome> ReadAsync(string itemId, string userAccessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userAccessToken);
        var factory = graph ?? throw new InvalidOperationException("Graph on-behalf-of is not configured: check CanRead first.");

        // A value Graph could never accept is refused here, without spending a token exchange on it.
        if (itemId.Length is 0 or > MaxItemIdLength || itemId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return GraphReadOutcome.InvalidId(MaxItemIdLength);
        }

        Microsoft.Graph.Models.Message? message;
        try
        {
            // No "Prefer: outlook.body-content-type": the stored HTML keeps the quote markup the signature reader relies on.
            message = await factory.ForUser(userAccessToken).Me.Messages[itemId]
                .GetAsync(request => request.QueryParameters.Select = SelectedFields, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (GraphReadFailures.Classify(e, log, cancellationToken) is { } failure)
        {
            return failure;
        }

        return message is null ? GraphReadOutcome.NotFound() : ToRequest(message, itemId);
    }

    private static GraphReadOutcome ToRequest(Microsoft.Graph.Models.Message message, string itemId)
    {
        if (GraphMessageMapper.ToRequest(message) is not { } mapped)
        {
            return GraphReadOutcome.NotLoggable("У письма нет internetMessageId (так бывает у черновиков): записать можно отправленное или полученное письмо.");
        }

        var request = mapped with { ItemId = itemId };
        if (request.From is null || !MailAddress.IsValid(request.From.Address))
        {
            return GraphReadOutcome.NotLoggable("У письма нет адреса отправителя (так бывает у черновиков): записать можно отправленное или полученное письмо.");
        }

        if (string.IsNullOrWhiteSpace(request.BodyText) && string.IsNullOrWhiteSpace(request.BodyHtml))
        {
            return GraphReadOutcome.NotLoggable("В письме нет текста: записывать нечего.");
        }

        var errors = LogEmailValidation.Validate(request);
        return errors.Count == 0
            ? GraphReadOutcome.Read(request)
            : GraphReadOutcome.NotLoggable("Письмо из почтового ящика нельзя записать: " + string.Join(" ", errors.Values.SelectMany(v => v)));
    }
}
