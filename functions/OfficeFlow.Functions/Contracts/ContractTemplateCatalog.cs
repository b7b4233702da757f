using System.Text.RegularExpressions;
using OfficeFlow.Functions.Contracts.Templating;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// The contract templates in <see cref="ContractsOptions.TemplatesFolder"/>: every <c>&lt;id&gt;.docx</c> except
/// the invoice and reconciliation-statement templates (the invoices capability's documents, kept in the same folder
/// so one generator and one setting serve all the firm's templates). Files are compiled once per content (see
/// <see cref="TemplateCache"/>), so an admin can replace a template file without restarting the app.
/// </summary>
public sealed partial class ContractTemplateCatalog(ContractsOptions options, TemplateCache cache)
{
    /// <summary>Счёт на оплату.</summary>
    public const string InvoiceTemplateId = "invoice";

    /// <summary>Акт сверки взаимных расчётов.</summary>
    public const string ReconciliationTemplateId = "reconciliation";

    // A manager must not be offered these as contracts, nor create a numbered "contract" from them.
    private static readonly HashSet<string> NotContracts = new(StringComparer.Ordinal) { InvoiceTemplateId, ReconciliationTemplateId };

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["service-maintenance"] = "Договор на сервисное обслуживание",
        ["license"] = "Лицензионный договор",
        ["software-supply"] = "Договор поставки программных продуктов",
        ["consulting-discs"] = "Договор на поставку консалтинговых дисков",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex TemplateId();

    public static string TitleOf(string id) => Titles.GetValueOrDefault(id, id);

    /// <summary>The ids of the contract templates, sorted.</summary>
    public IReadOnlyList<string> Ids() =>
        Directory.Exists(options.TemplatesFolder)
            ? Directory.EnumerateFiles(options.TemplatesFolder, "*.docx")
                .Select(path => Path.GetFileNameWithoutExtension(path))
                .Where(id => !NotContracts.Contains(id) && TemplateId().IsMatch(id))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The compiled template, or null when there is no such contract template.</summary>
    /// <exception cref="TemplateException">The file exists but is not a valid template.</exception>
    public DocxTemplate? Find(string id)
    {
        if (!TemplateId().IsMatch(id) || NotContracts.Contains(id))
        {
            return null;
        }

        var path = Path.Combine(options.TemplatesFolder, id + ".docx");
        return File.Exists(path) ? cache.GetOrCompile(File.ReadAllBytes(path)) : null;
    }
}
