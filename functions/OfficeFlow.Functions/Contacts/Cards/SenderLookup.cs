using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Cards;

/// <summary>
/// GET /api/clients/lookup?email=…: the card of the client a sender belongs to, for the pinned «Клиент» pane that
/// follows the selected message. One read of the e-mail's index row, then the card; no scans.
/// </summary>
public static class SenderLookup
{
    public const int MaxEmail = 254;

    public static async Task<Results<Ok<ClientCard>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? email, HttpContext context, ClientDirectory directory, ClientCardReader cards, CancellationToken cancellationToken)
    {
        if (email is null || email.Length > MaxEmail || !MailAddress.IsValid(email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = ["Укажите e-mail отправителя в виде имя@домен, например ?email=ivan@romashka.ru."],
            }, title: "Неверный e-mail отправителя");
        }

        var address = MailAddress.Normalise(email);
        var entry = await directory.GetEmailEntryAsync(address, cancellationToken);
        var card = entry is { ClientId.Length: > 0 } ? await cards.ReadAsync(entry.ClientId, cancellationToken) : null;
        // The index row is the pointer, the contact the truth: after an edit removed the address, the row may lag.
        if (card is null || !card.Contacts.Any(c => c.Emails.Contains(address, StringComparer.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(
                $"Письма от {address} ещё не записывались ни к одному клиенту. Нажмите «Записать контакт», чтобы добавить отправителя и его клиента.",
                statusCode: StatusCodes.Status404NotFound, title: "Отправитель ещё не записан");
        }

        context.Response.Headers.ETag = card.ETag;
        return TypedResults.Ok(card);
    }
}
