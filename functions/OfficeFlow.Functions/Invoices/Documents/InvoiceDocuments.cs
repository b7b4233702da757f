using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Contracts.Templating;
using OfficeFlow.Functions.Firm;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;
using OfficeFlow.Functions.Invoices.Reconciliation;

namespace OfficeFlow.Functions.Invoices.Documents;

/// <summary>
/// Renders the invoice (счёт на оплату) and the reconciliation statement (акт сверки) with the contracts template engine,
/// from the <c>invoice</c> and <c>reconciliation</c> templates that <c>officeflow build-templates</c> writes into
/// <see cref="ContractsOptions.TemplatesFolder"/> beside the contract templates.
/// </summary>
public sealed class InvoiceDocuments(InvoiceService invoices, FirmDirectory firms, ContractsOptions contracts, TemplateCache cache, IClientDirectory clients)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The invoice as a .docx and its file name ("Счёт № 15 от 02.11.2026.docx").</summary>
    public async Task<(byte[] Docx, string FileName)> InvoiceAsync(string id, ClientRequisites? client, CancellationToken ct)
    {
        var firm = await RequireFirmAsync(ct).ConfigureAwait(false);
        var (invoice, _) = await invoices.GetAsync(id, ct).ConfigureAwait(false);
        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            throw new InvoiceRuleException(InvoiceRuleKind.NotAllowed, "cancelled", $"Счёт {invoice.Id} отменён — печатать его нельзя.");
        }

        var template = await TemplateAsync(ContractTemplateCatalog.InvoiceTemplateId, ct).ConfigureAwait(false);
        client ??= await FromDirectoryAsync(invoice.ClientId, ct).ConfigureAwait(false);
        var data = InvoiceData(invoice, firm, client);
        var docx = template.Render(JsonSerializer.SerializeToElement(data));
        return (docx, $"Счёт № {invoice.Number} от {invoice.IssueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}.docx");
    }

    /// <summary>The reconciliation statement for one client and period as a .docx.</summary>
    public async Task<(byte[] Docx, ReconciliationStatement Statement, string FileName)> ReconciliationAsync(
        string clientId, DateOnly from, DateOnly to, ClientRequisites? client, CancellationToken ct)
    {
        var firm = await RequireFirmAsync(ct).ConfigureAwait(false);
        var all = await invoices.ListWithPaymentsAsync(clientId, ct).ConfigureAwait(false);
        if (all.Count == 0)
        {
            throw new InvoiceRuleException(InvoiceRuleKind.NotFound, "client-not-found", $"У клиента {Hosting.Echo.Short(clientId)} нет счетов — сверять нечего.");
        }

        var statement = ReconciliationStatement.Build(clientId, all[0].Invoice.ClientName, from, to, all);
        client ??= await FromDirectoryAsync(clientId, ct).ConfigureAwait(false);
        var template = await TemplateAsync(ContractTemplateCatalog.ReconciliationTemplateId, ct).ConfigureAwait(false);
        var docx = template.Render(JsonSerializer.SerializeToElement(ReconciliationDocumentData.Build(statement, firm, client)));
        var name = $"Акт сверки {statement.ClientName} {from.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}–{to.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}.docx";
        return (docx, statement, name);
    }

    /// <summary>The data of the <c>invoice</c> template (fields documented in docs/contracts.md).</summary>
    public static JsonObject InvoiceData(Invoice invoice, FirmRequisites firm, ClientRequisites? client)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(firm);
        client ??= new ClientRequisites();
        var totals = invoice.Totals;
        var onTop = invoice.VatMode == VatMode.OnTop;
        var items = new JsonArray();
        var n = 0;
        foreach (var line in invoice.Lines)
        {
            var amounts = InvoiceMath.Line(line, invoice.VatMode);
            items.Add(new JsonObject
            {
                ["n"] = ++n,
                ["name"] = line.Item,
                ["unit"] = line.Unit,
                // Shown to three decimals; the amount is computed from the exact quantity.
                ["quantity"] = Math.Round(line.Quantity, 3, MidpointRounding.AwayFromZero),
                ["price"] = line.Price,
                // The line's own amount (quantity × price): with VAT on top that is the net, VAT comes under the table.
                ["amount"] = onTop ? amounts.Net : amounts.Total,
            });
        }

        var taxed = totals.ByRate.Where(r => r.Rate != VatRate.NoVat).ToList();
        var data = new JsonObject
        {
            ["number"] = invoice.Number.ToString(CultureInfo.InvariantCulture),
            ["date"] = InvoiceKeysDate(invoice.IssueDate),
            ["due_date"] = InvoiceKeysDate(invoice.DueDate),
            ["city"] = firm.City,
            ["supplier"] = new JsonObject
            {
                ["name"] = firm.Name,
                ["inn"] = firm.Inn,
                ["kpp"] = firm.Kpp,
                ["ogrn"] = firm.Ogrn,
                ["address"] = firm.Address,
                ["bank"] = firm.Bank,
                ["account"] = firm.Account,
                ["corr_account"] = firm.CorrAccount,
                ["bik"] = firm.Bik,
                ["signatory_position"] = firm.SignatoryPosition,
                ["signatory_short"] = firm.SignatoryShort,
                ["accountant_short"] = firm.AccountantShort,
            },
            ["client"] = new JsonObject
            {
                ["name"] = invoice.ClientName,
                ["inn"] = client.Inn ?? "",
                ["kpp"] = client.Kpp ?? "",
                ["ogrn"] = client.Ogrn ?? "",
                ["address"] = client.Address ?? "",
            },
            ["items"] = items,
            ["items_count"] = invoice.Lines.Count,
            // The template prints "Итого / НДС 22% / Всего к оплате" when true, "Итого / В том числе НДС" when false.
            ["vat_on_top"] = onTop,
            ["net_total"] = totals.Net,
            ["total"] = totals.Total,
            ["vat_amount"] = totals.Vat,
            // One line per rate with the invoice's own rounded sums, so the document never recomputes VAT.
            ["vat_lines"] = new JsonArray([.. taxed.Select(r => (JsonNode)new JsonObject
            {
                ["rate"] = RateText(r.Rate),
                ["amount"] = r.Vat,
            })]),
        };
        if (invoice.ContractId is { } contract)
        {
            data["basis_document"] = $"Договор № {contract}";
        }

        if (taxed.Count > 0)
        {
            // Mixed rates print "НДС 22% и 10%": the template appends the last "%".
            data["vat_rate"] = string.Join("% и ", taxed.Select(r => RateText(r.Rate)));
        }
        else
        {
            data["vat_note"] = "НДС не облагается";
        }

        return data;
    }

    /// <summary>The client card's requisites (contacts capability, through the contracts seam) when the request gave none.</summary>
    private async Task<ClientRequisites?> FromDirectoryAsync(string clientId, CancellationToken ct)
    {
        var card = await clients.FindAsync(clientId, ct).ConfigureAwait(false);
        if (card is null)
        {
            return null;
        }

        string? Field(string name) => card[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return new ClientRequisites(Field("inn"), Field("kpp"), Field("ogrn"), Field("address"), Field("signatory_position"), Field("signatory_short"));
    }

    /// <summary>A template from the templates folder, compiled once per content.</summary>
    /// <exception cref="InvalidOperationException">The file is missing: a deployment fault, so the message is for the admin.</exception>
    private async Task<DocxTemplate> TemplateAsync(string id, CancellationToken ct)
    {
        var path = Path.Combine(contracts.TemplatesFolder, id + ".docx");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The template {id}.docx is missing at {path}; run 'officeflow build-templates' to write it.");
        }

        return cache.GetOrCompile(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
    }

    private async Task<FirmRequisites> RequireFirmAsync(CancellationToken ct)
    {
        var firm = (await firms.CurrentAsync(ct).ConfigureAwait(false)).Requisites;
        return firm.Missing(FirmUse.Invoice) is { Count: > 0 } missing
            ? throw new InvoiceRuleException(InvoiceRuleKind.NotAllowed, "firm-requisites", FirmIncompleteException.Describe(missing))
            : firm;
    }

    private static string RateText(VatRate rate) => rate.Percent().ToString("0", CultureInfo.InvariantCulture);

    private static string InvoiceKeysDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
