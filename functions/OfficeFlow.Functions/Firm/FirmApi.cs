using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Functions.Firm;

/// <summary>The firm's requisites as the API shows them: what is saved, what a contract still lacks (by field and Russian
/// label), and whether these are the demonstration firm's.</summary>
public sealed record FirmView(FirmRequisites Requisites, IReadOnlyList<FirmView.MissingField> Missing, bool Complete, bool Demo, bool Saved)
{
    public sealed record MissingField(string Field, string Label);

    public static FirmView From(FirmSnapshot snapshot)
    {
        var missing = snapshot.Requisites.Missing(FirmUse.Contract).Select(f => new MissingField(f, FirmRequisites.Labels[f])).ToList();
        return new FirmView(snapshot.Requisites, missing, missing.Count == 0, snapshot.Demo, snapshot.Saved);
    }
}

/// <summary>GET/PUT /api/firm: the admin sets the firm up once; every document prints it.</summary>
public static class FirmApi
{
    public static RouteGroupBuilder MapFirmApi(this RouteGroupBuilder api)
    {
        // Everyone may read what documents print (it is on every invoice anyway); only an admin changes it.
        api.MapGet("/firm", GetAsync).WithName("FirmGet").RequireAuthorization(Roles.AnyRole)
            .WithSummary("The firm's requisites (ETag in the header once saved), what a contract still lacks, and whether they are the demo firm's.");
        api.MapPut("/firm", PutAsync).WithName("FirmUpdate").RequireAuthorization(Roles.Admin)
            .WithSummary("Saves the firm's requisites. The first save needs no If-Match; every later one sends the ETag it read (412 when someone saved in between).");
        return api;
    }

    public static async Task<Ok<FirmView>> GetAsync(HttpContext context, FirmDirectory firm, CancellationToken cancellationToken)
    {
        var snapshot = await firm.CurrentAsync(cancellationToken);
        SetETag(context, snapshot);
        return TypedResults.Ok(FirmView.From(snapshot));
    }

    public static async Task<Results<Ok<FirmView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        FirmRequisites? requisites, HttpContext context, FirmDirectory firm, CancellationToken cancellationToken)
    {
        if (requisites is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Передайте реквизиты фирмы в теле запроса (JSON)."] });
        }

        requisites = Trimmed(requisites);
        var errors = FirmValidation.Validate(requisites);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Реквизиты фирмы не сохранены: исправьте поля.");
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var (status, snapshot) = await firm.SaveAsync(requisites, ifMatch.Length > 0 ? new ETag(ifMatch) : null, cancellationToken);
        switch (status)
        {
            case FirmSaveStatus.IfMatchRequired:
                return TypedResults.Problem("Реквизиты фирмы уже сохранены: прочтите их (GET /api/firm) и передайте ETag в заголовке If-Match, чтобы не затереть чужие изменения.",
                    statusCode: StatusCodes.Status428PreconditionRequired, title: "Нужен If-Match");
            case FirmSaveStatus.Stale:
                return TypedResults.Problem("Реквизиты фирмы уже изменили — обновите и повторите.",
                    statusCode: StatusCodes.Status412PreconditionFailed, title: "Реквизиты фирмы изменились");
        }

        SetETag(context, snapshot!);
        return TypedResults.Ok(FirmView.From(snapshot!));
    }

    private static void SetETag(HttpContext context, FirmSnapshot snapshot)
    {
        if (snapshot.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag.ToString();
        }
    }

    // A value pasted from a bank's letter often carries spaces around it; an INN with a space inside stays an error.
    private static FirmRequisites Trimmed(FirmRequisites r) => r with
    {
        Name = T(r.Name), Inn = T(r.Inn), Kpp = T(r.Kpp), Ogrn = T(r.Ogrn), Address = T(r.Address), Bank = T(r.Bank),
        Account = T(r.Account), CorrAccount = T(r.CorrAccount), Bik = T(r.Bik), City = T(r.City),
        SignatoryPosition = T(r.SignatoryPosition), SignatoryGenitive = T(r.SignatoryGenitive), SignatoryShort = T(r.SignatoryShort),
        Basis = T(r.Basis), AccountantShort = T(r.AccountantShort),
    };

    private static string T(string? value) => value?.Trim() ?? "";
}
