using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Firm;
using OfficeFlow.Functions.Contracts.Templating;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Contracts.Storage;

namespace OfficeFlow.Functions.Contracts;

/// <summary>How a contract request ended.</summary>
public enum ContractOutcome
{
    Created,
    Invalid,
    TemplateNotFound,
    InProgress,
    FirmIncomplete,
}

/// <summary>The result of <see cref="ContractService.CreateAsync"/>: the document when created, else the problems.</summary>
public sealed record ContractResult(ContractOutcome Outcome, string? Number = null, string? FileName = null, byte[]? Document = null,
    string? ArchiveLocation = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ContractResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ContractOutcome.Invalid, Errors: errors);

    /// <summary>The firm's own requisites are incomplete: an admin must fill them in (<see cref="FirmIncompleteException.Describe"/>).</summary>
    public static ContractResult FirmIncomplete(IReadOnlyList<string> missing) =>
        new(ContractOutcome.FirmIncomplete, Errors: new Dictionary<string, string[]> { ["firm"] = [FirmIncompleteException.Describe(missing)] });
}

/// <summary>
/// Generates a contract: validates the request, checks the data against the template (a strict dry run, so
/// a missing field costs no number), takes the next number of the year, renders, records the metadata,
/// archives the file and logs task 2.4. A request id makes the whole operation repeatable.
/// </summary>
public sealed class ContractService(
    ContractTemplateCatalog catalog,
    ContractNumberSequence numbers,
    ContractStore store,
    IClientDirectory clients,
    FirmDirectory firms,
    ContractsOptions options,
    TimeProvider time,
    ILogger<ContractService> logger,
    IDocumentStore? documents = null,
    ITaskRecorder? recorder = null,
    IClientRequisitesWriter? requisites = null)
{
    public const string TableName = ContractStore.TableName;
    public const string TaskCode = "2.4";
    private const int MaxStoredDataChars = 30_000;

    public async Task<ContractResult> CreateAsync(ContractRequest request, CurrentUser user, CancellationToken cancellationToken = default)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return ContractResult.Invalid(errors);
        }

        var template = catalog.Find(request.TemplateId!);
        if (template is null)
        {
            return new ContractResult(ContractOutcome.TemplateNotFound);
        }

        var (client, hasCard) = await ClientRequisitesAsync(request, cancellationToken);
        if (client["name"] is null)
        {
            return ContractResult.Invalid(new Dictionary<string, string[]>
            {
                ["client"] = [$"Карточка клиента «{Hosting.Echo.Short(request.ClientId)}» не найдена: передайте реквизиты клиента в поле client (name, inn, kpp, ogrn, address…)."],
            });
        }

        // Before any claim or number: a firm that is not set up yet costs the manager one clear message, not a number.
        var firm = (await firms.CurrentAsync(cancellationToken)).Requisites;
        if (firm.Missing(FirmUse.Contract) is { Count: > 0 } missingFirm)
        {
            return ContractResult.FirmIncomplete(missingFirm);
        }

        ContractClaim? claim = null;
        if (request.RequestId is { } requestId)
        {
            var claimed = await store.ClaimAsync(requestId, cancellationToken);
            if (claimed.Number is { } made)
            {
                return await ReplayAsync(made, template, user, cancellationToken);
            }

            if (claimed.InProgress)
            {
                return new ContractResult(ContractOutcome.InProgress);
            }

            claim = claimed.Owned;
        }

        var now = time.GetUtcNow();
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)).DateTime);
        var dryRun = DataErrors(template, ContractData.Build(request, client, firm.ToSupplier(), options, $"{date.Year}-0000", date));
        if (dryRun is not null)
        {
            await store.ReleaseAsync(claim, cancellationToken);
            return ContractResult.Invalid(dryRun);
        }

        ContractEntity entity;
        byte[] document;
        try
        {
            (entity, document) = await NumberAndRecordAsync(claim, template, request, client, firm, user, now, date, cancellationToken);
        }
        catch
        {
            // The contract was not recorded: free the request id so repeating the request can succeed.
            await store.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        await SaveRequisitesAsync(request, hasCard, cancellationToken);
        logger.LogInformation("Contract {Number} generated from template {TemplateId} for client {ClientId} by {UserId}", entity.Number, entity.TemplateId, entity.ClientId, user.Id);
        return await FinishAsync(entity, document, cancellationToken);
    }

    // Takes the number, renders (the dry run already proved the data fits) and records the contract.
    private async Task<(ContractEntity Entity, byte[] Document)> NumberAndRecordAsync(ContractClaim? claim, DocxTemplate template,
        ContractRequest request, JsonObject client, FirmRequisites firm, CurrentUser user, DateTimeOffset now, DateOnly date, CancellationToken cancellationToken)
    {
        var number = $"{date.Year}-{await numbers.NextAsync(date.Year, cancellationToken):0000}";
        var data = ContractData.Build(request, client, firm.ToSupplier(), options, number, date);
        var document = Render(template, data);
        var dataJson = data.ToJsonString();
        var entity = new ContractEntity
        {
            PartitionKey = number[..4],
            RowKey = number,
            Number = number,
            Date = now,
            ClientId = request.ClientId!,
            ClientName = client["name"]!.ToString(),
            TemplateId = request.TemplateId!,
            Amount = ContractData.TotalOf(data),
            CreatedById = user.Id,
            CreatedByName = user.Name,
            RequestId = request.RequestId,
            DataJson = dataJson.Length <= MaxStoredDataChars ? dataJson : null,
        };
        if (!await store.TryAddAsync(entity, cancellationToken))
        {
            // The number came from the sequence, so a row with it means the counter was reset or edited by hand. Never
            // overwrite a recorded contract: fail, and the caller frees the request id.
            throw new InvalidOperationException($"Contract number {number} is taken already; the ContractNumbers counter for {number[..4]} is behind the Contracts table.");
        }

        await store.CompleteAsync(claim, number, cancellationToken);

        return (entity, document);
    }

    private async Task<(JsonObject Merged, bool HasCard)> ClientRequisitesAsync(ContractRequest request, CancellationToken cancellationToken)
    {
        var card = await clients.FindAsync(request.ClientId!, cancellationToken);
        var merged = (card ?? []).DeepClone().AsObject();
        foreach (var (key, value) in request.Client ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        return (merged, card is not null);
    }

    // The contract is recorded by now: a card that cannot be updated (storage busy, the INN is another client's) must not undo it.
    private async Task SaveRequisitesAsync(ContractRequest request, bool hasCard, CancellationToken cancellationToken)
    {
        if (!hasCard || requisites is null || request.Client is not { Count: > 0 })
        {
            return;
        }

        try
        {
            await requisites.SaveAsync(request.ClientId!, request.Client, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The requisites typed into a contract were not saved to client {ClientId}'s card", request.ClientId);
        }
    }

    private static Dictionary<string, string[]>? DataErrors(DocxTemplate template, JsonObject data)
    {
        try
        {
            Render(template, data);
            return null;
        }
        catch (TemplateException ex)
        {
            return new Dictionary<string, string[]>
            {
                ["fields"] = ex.Errors.Select(e => e.Kind == TemplateErrorKind.UnknownField
                    ? $"Не заполнено поле «{e.Tag.Trim('{', '}').Split('|')[0]}»."
                    : $"Поле {e.Tag}: значение не подходит ({e.Message})").Distinct().ToArray(),
            };
        }
    }

    private static byte[] Render(DocxTemplate template, JsonObject data)
    {
        using var json = JsonDocument.Parse(data.ToJsonString());
        return template.Render(json.RootElement, new RenderOptions(Strict: true));
    }

    private async Task<ContractResult> ReplayAsync(string number, DocxTemplate template, CurrentUser user, CancellationToken cancellationToken)
    {
        var entity = await store.FindAsync(number, cancellationToken);
        if (entity?.DataJson is null)
        {
            return ContractResult.Invalid(new Dictionary<string, string[]>
            {
                ["requestId"] = [$"Этот запрос уже создал договор № {number}; повторно его сформировать нельзя — возьмите файл из архива."],
            });
        }

        var document = Render(template, JsonNode.Parse(entity.DataJson)!.AsObject());
        return await FinishAsync(entity, document, cancellationToken);
    }

    // Archiving and the ledger come after the record exists, so a failure here is completed by repeating the request.
    private async Task<ContractResult> FinishAsync(ContractEntity entity, byte[] document, CancellationToken cancellationToken)
    {
        var fileName = FileNameOf(entity);
        if (entity.ArchiveLocation is null)
        {
            if (documents is null)
            {
                logger.LogWarning("No document store is registered; contract {Number} is not archived", entity.Number);
            }
            else
            {
                var stored = await documents.SaveAsync($"{options.ArchiveFolder}/{entity.PartitionKey}", fileName, document, cancellationToken);
                await store.SetArchiveLocationAsync(entity, stored.Location, cancellationToken);
            }
        }

        if (recorder is null)
        {
            logger.LogWarning("No task recorder is registered; task {TaskCode} for contract {Number} is not logged", TaskCode, entity.Number);
        }
        else
        {
            await recorder.RecordAsync(new TaskEvent(entity.CreatedById, TaskCode, entity.Date, $"contract:{entity.Number}", entity.ClientId,
                $"Договор № {entity.Number} ({ContractTemplateCatalog.TitleOf(entity.TemplateId)})"), cancellationToken);
        }

        return new ContractResult(ContractOutcome.Created, entity.Number, fileName, document, entity.ArchiveLocation);
    }

    // What no archive accepts in a file name: the file systems' forbidden characters and OneDrive/SharePoint's # and %
    // (the same list as the document stores' DocumentPath), so a client named «Рога #1 и 100% копыта» still gets its file.
    private static readonly HashSet<char> NotInFileNames = [.. Path.GetInvalidFileNameChars(), '"', '*', ':', '<', '>', '?', '\\', '|', '/', '#', '%'];

    private static string FileNameOf(ContractEntity entity)
    {
        var name = $"Договор {entity.Number} {entity.ClientName}";
        var clean = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsSurrogatePair(name, i))
            {
                clean.Append(name, i++, 2);
            }
            else
            {
                // A lone surrogate cannot be written to any file system or URL: a space, like the forbidden characters.
                clean.Append(NotInFileNames.Contains(name[i]) || char.IsControl(name[i]) || char.IsSurrogate(name[i]) ? ' ' : name[i]);
            }
        }

        var collapsed = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var cut = collapsed.Length > 120 ? collapsed[..120] : collapsed;
        return cut.TrimEnd('.', ' ') + ".docx";
    }
}
