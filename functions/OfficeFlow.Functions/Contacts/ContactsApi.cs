using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Editing;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts;

/// <summary>The HTTP functions of the Contacts capability. Handlers are thin: parse, call the capability, map the outcome.</summary>
public static class ContactsApi
{
    public const int DefaultSearchLimit = 20;

    public static RouteGroupBuilder MapRoutes(RouteGroupBuilder api)
    {
        api.MapPost("/contacts/log-email", LogEmailAsync).WithName("ContactsLogEmail").RequireAuthorization(Roles.Manager);
        // Reading clients is for everyone who works with them: the accountant finds the client of an invoice or a payment.
        api.MapGet("/clients", SearchAsync).WithName("ClientsSearch").RequireAuthorization(Roles.AnyRole);
        api.MapGet("/clients/lookup", SenderLookup.GetAsync).WithName("ClientsLookup")
            .WithSummary("The card of the client whose contact has this e-mail (case-insensitive); 404 «Отправитель ещё не записан» otherwise.")
            .RequireAuthorization(Roles.AnyRole);
        api.MapGet("/clients/{id}", GetAsync).WithName("ClientsGet").RequireAuthorization(Roles.AnyRole);
        api.MapPut("/clients/{id}", UpdateAsync).WithName("ClientsUpdate").RequireAuthorization(Roles.Manager);
        api.MapPost("/clients/{id}/merge", MergeAsync).WithName("ClientsMerge").RequireAuthorization(Roles.Manager);
        return api;
    }

    public static async Task<Results<Ok<LogEmailOutcome>, ValidationProblem, ProblemHttpResult>> LogEmailAsync(
        LogEmailRequest? request, HttpContext context, EmailLogger logger, GraphMessageReader reader, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Передайте письмо в теле запроса (JSON)."] });
        }

        if (reader.ShouldRead(request))
        {
            if (BearerToken.From(context.Request) is not { } token)
            {
                return TypedResults.Problem("Чтобы прочитать письмо по itemId, запрос должен нести токен пользователя (Authorization: Bearer …).",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Нужен вход пользователя");
            }

            var read = await reader.ReadAsync(request.ItemId!, token, cancellationToken);
            if (read.Request is null)
            {
                return GraphProblem(read);
            }

            request = read.Request;
        }

        var errors = LogEmailValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Письмо нельзя записать: исправьте поля.");
        }

        var user = CurrentUser.From(context.User);
        try
        {
            return TypedResults.Ok(await logger.LogAsync(request, new LoggingActor(user.Id, user.Name, "add-in"), cancellationToken));
        }
        catch (MessageBusyException)
        {
            return TypedResults.Problem("Это письмо прямо сейчас записывается другим запросом. Повторите через несколько секунд.", statusCode: StatusCodes.Status409Conflict, title: "Письмо уже записывается");
        }
        catch (ClientCardBusyException)
        {
            return TypedResults.Problem("Карточку этого клиента сейчас одновременно меняют другие запросы, письмо не записано. Повторите через несколько секунд.", statusCode: StatusCodes.Status409Conflict, title: "Карточка клиента занята");
        }
    }

    private static Results<Ok<LogEmailOutcome>, ValidationProblem, ProblemHttpResult> GraphProblem(GraphReadOutcome read) => read.Status switch
    {
        GraphReadStatus.InvalidId => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["itemId"] = [read.Problem!] }, title: "Письмо нельзя записать: исправьте поля."),
        GraphReadStatus.NotFound => TypedResults.Problem(read.Problem, statusCode: StatusCodes.Status404NotFound, title: "Письмо не найдено в почтовом ящике"),
        GraphReadStatus.ConsentRequired => TypedResults.Problem(read.Problem, statusCode: StatusCodes.Status403Forbidden, title: "Нужно согласие на чтение почты"),
        GraphReadStatus.Unavailable => TypedResults.Problem(read.Problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Microsoft Graph недоступен"),
        GraphReadStatus.NotLoggable => TypedResults.Problem(read.Problem, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Письмо нельзя записать"),
        _ => TypedResults.Problem(read.Problem, statusCode: StatusCodes.Status502BadGateway, title: "Ошибка Microsoft Graph"),
    };

    public static async Task<Results<Ok<IReadOnlyList<ClientSearchHit>>, ValidationProblem>> SearchAsync(
        string? search, int? limit, ClientDirectory directory, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(search) || SearchTokens.Normalise(search).Length == 0 || search.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["search"] = ["Укажите начало названия, ИНН, домена или e-mail клиента, фамилии или телефона контакта (1–200 символов), например ?search=ромаш."],
            });
        }

        var take = Math.Clamp(limit ?? DefaultSearchLimit, 1, 100);
        return TypedResults.Ok(await directory.SearchAsync(search, take, cancellationToken));
    }

    public static async Task<Results<Ok<ClientCard>, ProblemHttpResult>> GetAsync(string id, HttpContext context, ClientCardReader cards, CancellationToken cancellationToken)
    {
        var card = ClientDirectory.IsValidId(id) ? await cards.ReadAsync(id, cancellationToken) : null;
        if (card is null)
        {
            return NotFound(id);
        }

        context.Response.Headers.ETag = card.ETag;
        return TypedResults.Ok(card);
    }

    public static async Task<Results<Ok<ClientCard>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, ClientUpdate? update, HttpContext context, ClientEditor editor, ClientCardReader cards, LoggingPolicy policy, CancellationToken cancellationToken)
    {
        if (!ClientDirectory.IsValidId(id))
        {
            return NotFound(id);
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return TypedResults.Problem("Передайте заголовок If-Match со значением ETag из карточки клиента (GET /api/clients/{id}), чтобы не затереть чужие изменения.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "Нужен If-Match");
        }

        if (update is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Передайте реквизиты клиента в теле запроса (JSON)."] });
        }

        var errors = update.Validate(policy);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Реквизиты не сохранены: исправьте поля.");
        }

        var result = await editor.UpdateAsync(id, update, new ETag(ifMatch), cancellationToken);
        switch (result.Status)
        {
            case ClientEditStatus.Stale:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "Карточка клиента изменилась");
            case ClientEditStatus.Taken:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Реквизиты принадлежат другому клиенту");
            case ClientEditStatus.NotFound:
                return NotFound(id, result.Message);
        }

        var card = await cards.ReadAsync(result.Client!, cancellationToken);
        context.Response.Headers.ETag = card.ETag;
        return TypedResults.Ok(card);
    }

    /// <summary>The body of POST /api/clients/{id}/merge: the duplicate client that is merged into {id}.</summary>
    public sealed record MergeRequest(string? SourceId);

    /// <summary>The surviving client's card and what was moved by this call.</summary>
    public sealed record MergeResponse(ClientCard Client, int ContactsMoved, int InteractionsMoved);

    public static async Task<Results<Ok<MergeResponse>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        string id, MergeRequest? request, ClientMerger merger, ClientCardReader cards, CancellationToken cancellationToken)
    {
        if (!ClientDirectory.IsValidId(id))
        {
            return NotFound(id);
        }

        if (string.IsNullOrWhiteSpace(request?.SourceId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sourceId"] = ["Укажите sourceId — id клиента-дубликата, который вливается в этого клиента."] });
        }

        // A source that is not a client id cannot exist: that is an unknown client (404), not a missing field.
        var sourceId = request.SourceId;
        if (!ClientDirectory.IsValidId(sourceId))
        {
            return NotFound(sourceId, $"Клиент-дубликат sourceId «{Hosting.Echo.Short(sourceId)}» не найден: найдите его через поиск (GET /api/clients?search=…).");
        }

        var result = await merger.MergeAsync(id, sourceId, cancellationToken);
        return result.Status switch
        {
            ClientMergeStatus.NotFound => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "Клиент не найден"),
            ClientMergeStatus.Invalid => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Объединение невозможно"),
            _ => TypedResults.Ok(new MergeResponse(await cards.ReadAsync(result.Target!, cancellationToken), result.ContactsMoved, result.InteractionsMoved)),
        };
    }

    private static ProblemHttpResult NotFound(string id, string? detail = null) =>
        TypedResults.Problem(detail ?? $"Клиента с id «{Hosting.Echo.Short(id)}» нет: найдите его через поиск (GET /api/clients?search=…).", statusCode: StatusCodes.Status404NotFound, title: "Клиент не найден");
}
