using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Invoices.Aging;
using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Functions.Invoices.Api;

/// <summary>The invoice HTTP functions. Handlers only parse, call <see cref="InvoiceService"/> and map the outcome.
/// Managers create, issue, mark sent and cancel; accountants record and cancel payments; both (and admins) read.</summary>
public static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoicesEndpoints(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices");

        invoices.MapPost("", CreateAsync).WithName("InvoicesCreate").RequireAuthorization(Roles.Manager);
        invoices.MapGet("", ListAsync).WithName("InvoicesList").RequireAuthorization(Roles.AnyRole);
        invoices.MapGet("/aging", AgingAsync).WithName("InvoicesAging").RequireAuthorization(Roles.AnyRole);
        invoices.MapGet("/{id}", GetAsync).WithName("InvoicesGet").RequireAuthorization(Roles.AnyRole);
        invoices.MapPost("/{id}/issue", IssueAsync).WithName("InvoicesIssue").RequireAuthorization(Roles.Manager);
        invoices.MapPost("/{id}/sent", MarkSentAsync).WithName("InvoicesMarkSent").RequireAuthorization(Roles.Manager);
        invoices.MapPost("/{id}/cancel", CancelAsync).WithName("InvoicesCancel").RequireAuthorization(Roles.Manager);
        invoices.MapPost("/{id}/accepted", AcceptAsync).WithName("InvoicesAccept").RequireAuthorization(Roles.Manager);
        invoices.MapPut("/{id}/reminders", SetRemindersAsync).WithName("InvoicesRemindersSet").RequireAuthorization(Roles.Manager);
        invoices.MapPut("/clients/{clientId}/reminders", SetClientRemindersAsync).WithName("InvoicesClientRemindersSet").RequireAuthorization(Roles.Manager);
        invoices.MapPost("/{id}/payments", AddPaymentAsync).WithName("InvoicesPaymentsAdd").RequireAuthorization(Roles.Accountant);
        invoices.MapPost("/{id}/payments/{paymentId}/cancel", CancelPaymentAsync).WithName("InvoicesPaymentsCancel").RequireAuthorization(Roles.Accountant);
        return api;
    }

    public static async Task<Results<Created<InvoiceResponse>, Ok<InvoiceResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody] CreateInvoiceRequest? request, HttpContext http, InvoiceService invoices, IClientDirectory clients, TimeProvider time, CancellationToken ct)
    {
        if (!InvoiceProblems.TryRequestId(http.Request, out var requestId, out var problem))
        {
            return problem!;
        }

        var user = CurrentUser.From(http.User);
        var (build, errors) = InvoiceDraftValidator.Validate(request, invoices.Options, invoices.Today, user.Id, time.GetUtcNow());
        if (build is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Счёт не создан: исправьте поля");
        }

        // An invoice for a client id nobody has is unreachable from any card and never counted in the client's
        // balance: refuse it before the number is taken. A merged-away id still finds its survivor here.
        var clientId = request!.ClientId!.Trim();
        if (await clients.FindAsync(clientId, ct) is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["clientId"] = [$"Клиент «{Echo.Short(clientId)}» не найден: сначала создайте его карточку."] },
                title: "Счёт не создан: исправьте поля");
        }

        var (invoice, created) = await invoices.CreateAsync(build, requestId, ct);
        var body = InvoiceResponse.From(invoice, invoices.Today);
        return created ? TypedResults.Created($"/api/invoices/{invoice.Id}", body) : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<IReadOnlyList<InvoiceResponse>>, ProblemHttpResult>> ListAsync(
        string? client, string? status, InvoiceService invoices, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(client) && !InputLimits.IsSafeId(client.Trim(), InputLimits.ClientId))
        {
            return InvoiceProblems.BadRequest("client", $"Параметр client — id клиента до {InputLimits.ClientId} символов, без / \\ # ?.");
        }

        try
        {
            var list = await invoices.ListAsync(string.IsNullOrWhiteSpace(client) ? null : client.Trim(), string.IsNullOrWhiteSpace(status) ? null : status.Trim(), ct);
            var today = invoices.Today;
            return TypedResults.Ok<IReadOnlyList<InvoiceResponse>>(list.Select(i => InvoiceResponse.From(i, today)).ToList());
        }
        catch (InvoiceRuleException refusal)
        {
            return InvoiceProblems.From(refusal);
        }
    }

    public static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> GetAsync(string id, InvoiceService invoices, CancellationToken ct)
    {
        try
        {
            var (invoice, payments) = await invoices.GetAsync(id, ct);
            return TypedResults.Ok(InvoiceResponse.From(invoice, invoices.Today, payments));
        }
        catch (InvoiceRuleException refusal)
        {
            return InvoiceProblems.From(refusal);
        }
    }

    public static async Task<Results<Ok<AgingReport>, ProblemHttpResult>> AgingAsync(string? asOf, InvoiceService invoices, CancellationToken ct)
    {
        var date = invoices.Today;
        if (asOf is not null && !InvoiceDraftValidator.TryDate(asOf, out date))
        {
            return InvoiceProblems.BadRequest("asOf", "Параметр asOf — дата в виде ГГГГ-ММ-ДД, например 2026-11-30.");
        }

        return TypedResults.Ok(await invoices.AgingAsync(date, ct));
    }

    public static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> IssueAsync(string id, HttpContext http, InvoiceService invoices, CancellationToken ct) =>
        RunAsync(invoices, () => invoices.IssueAsync(id, CurrentUser.From(http.User), ct));

    public static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> MarkSentAsync(string id, InvoiceService invoices, CancellationToken ct) =>
        RunAsync(invoices, () => invoices.MarkSentAsync(id, ct));

    public const int MaxCancelReason = InputLimits.Text;

    public static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> CancelAsync(string id, [FromBody] CancelInvoiceRequest? request, InvoiceService invoices, CancellationToken ct) =>
        InputLimits.Fits(request?.Reason, MaxCancelReason)
            ? RunAsync(invoices, () => invoices.CancelAsync(id, request?.Reason, ct))
            : Task.FromResult<Results<Ok<InvoiceResponse>, ProblemHttpResult>>(InvoiceProblems.BadRequest("reason", $"Причина отмены — до {MaxCancelReason} символов."));

    public static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> AcceptAsync(string id, [FromBody] AcceptRequest? request, InvoiceService invoices, CancellationToken ct) =>
        RunAsync(invoices, () => invoices.AcceptAsync(id, request?.AcceptedOn, ct));

    public static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> SetRemindersAsync(string id, [FromBody] RemindersSettingRequest? request, InvoiceService invoices, CancellationToken ct) =>
        request?.DoNotRemind is bool doNotRemind
            ? RunAsync(invoices, () => invoices.SetDoNotRemindAsync(id, doNotRemind, ct))
            : Task.FromResult<Results<Ok<InvoiceResponse>, ProblemHttpResult>>(InvoiceProblems.BadRequest("doNotRemind", "Укажите doNotRemind: true или false."));

    public static async Task<Results<NoContent, ProblemHttpResult>> SetClientRemindersAsync(string clientId, [FromBody] RemindersSettingRequest? request, InvoiceService invoices, CancellationToken ct)
    {
        if (request?.DoNotRemind is not bool doNotRemind)
        {
            return InvoiceProblems.BadRequest("doNotRemind", "Укажите doNotRemind: true или false.");
        }

        if (!InputLimits.IsSafeId(clientId, InputLimits.ClientId))
        {
            return InvoiceProblems.BadRequest("clientId", "Идентификатор клиента — до 200 символов, без / \\ # ?.");
        }

        await invoices.SetClientDoNotRemindAsync(clientId, doNotRemind, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<PaymentAddedResponse>, Ok<PaymentAddedResponse>, ProblemHttpResult>> AddPaymentAsync(
        string id, [FromBody] AddPaymentRequest? request, HttpContext http, InvoiceService invoices, CancellationToken ct)
    {
        if (!InvoiceProblems.TryRequestId(http.Request, out var requestId, out var problem))
        {
            return problem!;
        }

        if (request is null)
        {
            return InvoiceProblems.BadRequest("body", "Пришёл пустой запрос: нужен JSON с оплатой (amount, date, orderNumber).");
        }

        if (!InputLimits.Fits(request.OrderNumber, 50) || !InputLimits.Fits(request.Note, InputLimits.Text) || !InputLimits.Fits(request.Date, 10))
        {
            return InvoiceProblems.BadRequest("payment", $"Номер платёжного поручения — до 50 символов, примечание — до {InputLimits.Text}, дата — ГГГГ-ММ-ДД.");
        }

        try
        {
            var (invoice, payment, created) = await invoices.AddPaymentAsync(id, request, CurrentUser.From(http.User), requestId, ct);
            var body = new PaymentAddedResponse(PaymentResponse.From(payment), InvoiceResponse.From(invoice, invoices.Today));
            return created ? TypedResults.Created($"/api/invoices/{invoice.Id}", body) : TypedResults.Ok(body);
        }
        catch (InvoiceRuleException refusal)
        {
            return InvoiceProblems.From(refusal);
        }
    }

    public static async Task<Results<Ok<PaymentAddedResponse>, ProblemHttpResult>> CancelPaymentAsync(
        string id, string paymentId, HttpContext http, InvoiceService invoices, CancellationToken ct)
    {
        if (!InputLimits.IsSafeId(paymentId, 64))
        {
            return InvoiceProblems.BadRequest("paymentId", "Id оплаты — до 64 символов, без / \\ # ?.");
        }

        try
        {
            var (invoice, payment) = await invoices.CancelPaymentAsync(id, paymentId, CurrentUser.From(http.User), ct);
            return TypedResults.Ok(new PaymentAddedResponse(PaymentResponse.From(payment), InvoiceResponse.From(invoice, invoices.Today)));
        }
        catch (InvoiceRuleException refusal)
        {
            return InvoiceProblems.From(refusal);
        }
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> RunAsync(InvoiceService invoices, Func<Task<Invoice>> action)
    {
        try
        {
            return TypedResults.Ok(InvoiceResponse.From(await action(), invoices.Today));
        }
        catch (InvoiceRuleException refusal)
        {
            return InvoiceProblems.From(refusal);
        }
    }
}
