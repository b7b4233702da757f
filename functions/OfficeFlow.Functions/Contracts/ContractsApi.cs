using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Firm;
using OfficeFlow.Functions.Contracts.Templating;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Hosting.Downloads;

namespace OfficeFlow.Functions.Contracts;

/// <summary>The contract functions: list the templates with their fields, and generate a contract.</summary>
public static class ContractsApi
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>GET /api/contract-templates[?clientId=]: each contract template with the fields its tags ask for and who fills them;
    /// with a known client id, the client's fields carry the card's values so the form opens pre-filled.</summary>
    public static async Task<Results<Ok<List<ContractTemplateDto>>, ProblemHttpResult>> ListTemplates(
        string? clientId, ContractTemplateCatalog catalog, IClientDirectory clients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(clientId) && !InputLimits.IsSafeId(clientId, InputLimits.ClientId))
        {
            return TypedResults.Problem(title: "Неверный id клиента", detail: $"Параметр clientId — до {InputLimits.ClientId} символов, без / \\ # ?.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var card = string.IsNullOrWhiteSpace(clientId) ? null : await clients.FindAsync(clientId, cancellationToken);
        if (!string.IsNullOrWhiteSpace(clientId) && card is null)
        {
            return TypedResults.Problem(title: "Клиент не найден", detail: $"Карточки клиента «{Echo.Short(clientId)}» нет; найдите клиента через GET /api/clients?search= или не передавайте clientId.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var list = new List<ContractTemplateDto>();
        foreach (var id in catalog.Ids())
        {
            try
            {
                var template = catalog.Find(id)!;
                list.Add(new ContractTemplateDto(id, ContractTemplateCatalog.TitleOf(id), template.Fields.Select(f => ContractFieldDto.From(f, null, card)).ToList()));
            }
            catch (TemplateException ex)
            {
                // A broken file an admin dropped in must not hide the good templates; it is logged for the admin.
                loggers.CreateLogger(typeof(ContractsApi)).LogError("Contract template {TemplateId} is invalid: {Errors}", id, ex.Message);
            }
        }

        return TypedResults.Ok(list);
    }

    /// <summary>POST /api/contracts: generates the contract and returns the .docx (number in X-Contract-Number).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Create(
        ContractRequest? request, HttpContext http, ContractService contracts, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.Problem(title: "Пустой запрос", detail: "Передайте JSON: templateId, clientId, fields.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await contracts.CreateAsync(request, CurrentUser.From(http.User), cancellationToken);
        switch (result.Outcome)
        {
            case ContractOutcome.Created:
                http.Response.Headers["X-Contract-Number"] = result.Number;
                if (ArchiveLocation.ForCaller(result.ArchiveLocation) is { } archive)
                {
                    http.Response.Headers["X-Contract-Archive"] = Uri.EscapeDataString(archive);
                }

                return DownloadHeaders.File(http, result.Document!, DocxContentType, result.FileName!);
            case ContractOutcome.TemplateNotFound:
                return TypedResults.Problem(title: "Шаблон не найден", detail: $"Шаблона договора «{Echo.Short(request.TemplateId)}» нет; список — GET /api/contract-templates.", statusCode: StatusCodes.Status404NotFound);
            case ContractOutcome.FirmIncomplete:
                return TypedResults.Problem(title: FirmIncompleteException.Title, detail: result.Errors!["firm"][0], statusCode: StatusCodes.Status409Conflict);
            case ContractOutcome.InProgress:
                return TypedResults.Problem(title: "Запрос уже выполняется", detail: "Договор по этому requestId ещё формируется; повторите запрос через несколько секунд.", statusCode: StatusCodes.Status409Conflict);
            default:
                return TypedResults.ValidationProblem(result.Errors!, title: "Договор не сформирован: исправьте данные");
        }
    }
}

/// <summary>A template as the add-in's form needs it.</summary>
public sealed record ContractTemplateDto(string Id, string Title, IReadOnlyList<ContractFieldDto> Fields);

/// <summary>One field: <c>kind</c> is value, list (or condition) or inverted; <c>filledBy</c> is server, client (card) or manager;
/// <c>value</c> is the client card's value of a <c>client.*</c> field when a client id was given (null when the card lacks it).</summary>
public sealed record ContractFieldDto(string Name, string Kind, IReadOnlyList<string> Formatters, string FilledBy, IReadOnlyList<ContractFieldDto> Fields, string? Value = null)
{
    private static readonly HashSet<string> ServerFields = ["number", "date", "total", "vat_amount", "n", "amount", "postpayment_percent"];

    public static ContractFieldDto From(TemplateField field, string? parentFilledBy, JsonObject? card = null)
    {
        var root = field.Name.Split('.')[0];
        var filledBy = parentFilledBy is "server" ? "server"
            : root == "supplier" || ServerFields.Contains(field.Name) ? "server"
            : root == "client" ? "client"
            : "manager";
        var kind = field.Kind switch
        {
            TemplateFieldKind.Section => "list",
            TemplateFieldKind.InvertedSection => "inverted",
            _ => "value",
        };
        var value = filledBy == "client" && card is not null && field.Name.Split('.') is [_, var key] ? card[key]?.ToString() : null;
        return new ContractFieldDto(field.Name, kind, field.Formatters, filledBy, field.Fields.Select(f => From(f, filledBy)).ToList(), value);
    }
}
