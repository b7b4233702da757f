using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Functions.Contracts;

/// <summary>The <c>Contracts:*</c> configuration section.</summary>
public sealed class ContractsOptions
{
    /// <summary><c>Contracts:TemplatesFolder</c>: where the .docx templates are. Default: Contracts/Templates beside the app.</summary>
    public string TemplatesFolder { get; init; } = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");

    /// <summary><c>Contracts:City</c>: the city printed in the heading unless the request gives one. Default "Москва".</summary>
    public string City { get; init; } = "Москва";

    /// <summary><c>Contracts:TimeZone</c>: decides the contract date and year. Default: the app-wide zone (WEBSITE_TIME_ZONE, TZ, else Europe/Moscow).</summary>
    public string TimeZone { get; init; } = "Europe/Moscow";

    /// <summary><c>Contracts:DefaultVatRate</c>: VAT % when the request does not say (send <c>"vat_rate": null</c> for "без НДС"). Default 22.</summary>
    public decimal DefaultVatRate { get; init; } = 22m;

    /// <summary><c>Contracts:ArchiveFolder</c>: folder for archived contracts, a year subfolder under it. Default "Contracts".</summary>
    public string ArchiveFolder { get; init; } = "Contracts";

    public static ContractsOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Contracts");
        var defaults = new ContractsOptions();
        return new ContractsOptions
        {
            TemplatesFolder = section["TemplatesFolder"] is { Length: > 0 } folder ? folder : defaults.TemplatesFolder,
            City = section["City"] is { Length: > 0 } city ? city : defaults.City,
            TimeZone = section["TimeZone"] is { Length: > 0 } zone ? zone : AppTimeZone.Resolve(configuration).Id,
            DefaultVatRate = decimal.TryParse(section["DefaultVatRate"], System.Globalization.CultureInfo.InvariantCulture, out var rate) ? rate : defaults.DefaultVatRate,
            ArchiveFolder = section["ArchiveFolder"] is { Length: > 0 } archive ? archive : defaults.ArchiveFolder,
        };
    }
}
