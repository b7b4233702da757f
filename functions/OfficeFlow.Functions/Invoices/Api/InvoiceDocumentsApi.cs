using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Hosting.Downloads;
using OfficeFlow.Functions.Invoices.Documents;
using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Functions.Invoices.Api;

/// <summary>POST /api/invoices/{id}/document (the invoice as .docx) and POST /api/invoices/reconciliation (акт сверки).</summary>
public static class InvoiceDocumentsApi
{
    public static RouteGroupBuilder MapInvoiceDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/invoices/{id}/document", DocumentAsync).WithName("InvoicesDocument").RequireAuthorization(Roles.AnyRole);
        api.MapPost("/invoices/reconciliation", ReconciliationAsync).WithName("InvoicesReconciliation").RequireAuthorization(Roles.AnyRole);
        return api;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocumentAsync(
        string id, [FromBody] DocumentRequest? request, HttpContext http, InvoiceDocuments documents, CancellationToken ct)
    {
        if (RequisitesProblem(request?.Client) is { } problem)
        {
            return problem;
        }

        try
        {
            var (docx, fileName) = await documents.InvoiceAsync(id, request?.Client, ct);
            return DownloadHeaders.File(http, docx, InvoiceDocuments.DocxContentType, fileName);
        }
        catch (InvoiceRuleException refusal)
        {
            return InvoiceProblems.From(refusal);
        }
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReconciliationAsync(
        [FromBody] ReconciliationRequest? request, HttpContext http, InvoiceDocuments documents, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.ClientId) || !InputLimits.IsSafeId(request.ClientId.Trim(), InputLimits.ClientId))
        {
            return InvoiceProblems.BadRequest("clientId", $"Укажите клиента (clientId) для акта сверки: до {InputLimits.ClientId} символов, без / \\ # ?.");
        }

        if (RequisitesProblem(request.Client) is { } problem)
        {
            return problem;
        }

        if (!InvoiceDraftValidator.TryDate(request.From, out var from) || !InvoiceDraftValidator.TryDate(request.To, out var to))
        {
            return InvoiceProblems.BadRequest("period", "Укажите период: from и to — даты в виде ГГГГ-ММ-ДД.");
        }

        try
        {
            var (docx, _, fileName) = await documents.ReconciliationAsync(request.ClientId.Trim(), from, to, request.Client, ct);
            return DownloadHeaders.File(http, docx, InvoiceDocuments.DocxContentType, fileName);
        }
        catch (InvoiceRuleException refusal)
        {
            return InvoiceProblems.From(refusal);
        }
    }

    // Printed, not stored, but still bounded: a requisite longer than this is a mistake, not a company.
    private static ProblemHttpResult? RequisitesProblem(ClientRequisites? client)
    {
        if (client is null)
        {
            return null;
        }

        var fits = InputLimits.Fits(client.Inn, 20) && InputLimits.Fits(client.Kpp, 20) && InputLimits.Fits(client.Ogrn, 20)
            && InputLimits.Fits(client.Address, InputLimits.Address) && InputLimits.Fits(client.SignatoryPosition, InputLimits.Short)
            && InputLimits.Fits(client.SignatoryShort, InputLimits.Short);
        return fits ? null : InvoiceProblems.BadRequest("client",
            $"Реквизиты клиента слишком длинные: ИНН, КПП, ОГРН — до 20 символов, адрес — до {InputLimits.Address}, должность и подписант — до {InputLimits.Short}.");
    }
}

/// <summary>Body of POST /api/invoices/{id}/document: the client's requisites to print (optional).</summary>
public sealed record DocumentRequest(ClientRequisites? Client = null);

/// <summary>Body of POST /api/invoices/reconciliation.</summary>
public sealed record ReconciliationRequest(
    [property: Required] string? ClientId = null,
    [property: Required, OpenApiExample("\"2026-01-01\"")] string? From = null,
    [property: Required, OpenApiExample("\"2026-12-31\"")] string? To = null,
    ClientRequisites? Client = null);
