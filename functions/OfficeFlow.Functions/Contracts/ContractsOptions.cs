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

    /// <summary><c>Contracts:DefaultVatRate</c>: VAT % (0 to 99) when the request does not say (send <c>"vat_rate": null</c> for "без НДС"). Default 22.</summary>
    public decimal DefaultVatRate { get; init; } = 22m;

    /// <summary><c>Contracts:ArchiveFolder</c>: folder for archived contracts, a year subfolder under it. Default "Contracts".</summary>
    public string ArchiveFolder { get; init; } = "Contracts";

    /// <summary>Reads the section; an <see cref="InvalidOperationException"/> names a setting whose value cannot be used.</summary>
    public static ContractsOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Contracts");
        var defaults = new ContractsOptions();
        return new ContractsOptions
        {
            TemplatesFolder = section["TemplatesFolder"] is { Length: > 0 } folder ? folder : defaults.TemplatesFolder,
            City = section["City"] is { Length: > 0 } city ? city : defaults.City,
            TimeZone = section["TimeZone"] is { Length: > 0 } zone ? KnownZone(zone) : AppTimeZone.Resolve(configuration).Id,
            DefaultVatRate = section["DefaultVatRate"] is { Length: > 0 } rate ? VatRate(rate) : defaults.DefaultVatRate,
            ArchiveFolder = section["ArchiveFolder"] is { Length: > 0 } archive ? archive : defaults.ArchiveFolder,
        };
    }

    private static string KnownZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()).Id;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Contracts:TimeZone '{Hosting.Echo.Short(id)}' is not a time zone known on this machine: use an IANA id such as 'Europe/Moscow', or leave it unset for the app's zone.", e);
        }
    }

    private static decimal VatRate(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and < 100
            ? rate
            : throw new InvalidOperationException($"Contracts:DefaultVatRate '{Hosting.Echo.Short(text)}' is not a VAT rate: write a percentage from 0 to 99 with a point for decimals, e.g. 22.");
}
