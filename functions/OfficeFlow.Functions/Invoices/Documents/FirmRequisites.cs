namespace OfficeFlow.Functions.Invoices.Documents;

/// <summary>The firm's own requisites printed on invoices and statements: the app-wide <c>Firm:*</c> settings
/// (name, inn, kpp, ogrn, address, bank, account, corr_account, bik, city, signatory_position, signatory_short,
/// accountant_short) that contracts print as <c>supplier.*</c> too, so the firm is configured once.</summary>
public sealed record FirmRequisites
{
    public string Name { get; init; } = "";
    public string Inn { get; init; } = "";
    public string Kpp { get; init; } = "";
    public string Ogrn { get; init; } = "";
    public string Address { get; init; } = "";
    public string Bank { get; init; } = "";
    public string Account { get; init; } = "";
    public string CorrAccount { get; init; } = "";
    public string Bik { get; init; } = "";
    public string City { get; init; } = "Москва";
    public string SignatoryPosition { get; init; } = "Генеральный директор";
    public string SignatoryShort { get; init; } = "";
    public string AccountantShort { get; init; } = "";

    /// <summary>What is missing for a document someone can pay by; empty when complete.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        void Need(string value, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add("Firm:" + key);
            }
        }

        Need(Name, "name");
        Need(Inn, "inn");
        Need(Bank, "bank");
        Need(Account, "account");
        Need(Bik, "bik");
        return missing;
    }

    public static FirmRequisites From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Firm");
        var defaults = new FirmRequisites();
        return new FirmRequisites
        {
            Name = section["name"] ?? "",
            Inn = section["inn"] ?? "",
            Kpp = section["kpp"] ?? "",
            Ogrn = section["ogrn"] ?? "",
            Address = section["address"] ?? "",
            Bank = section["bank"] ?? "",
            Account = section["account"] ?? "",
            CorrAccount = section["corr_account"] ?? "",
            Bik = section["bik"] ?? "",
            City = section["city"] ?? defaults.City,
            SignatoryPosition = section["signatory_position"] ?? defaults.SignatoryPosition,
            SignatoryShort = section["signatory_short"] ?? "",
            AccountantShort = section["accountant_short"] ?? "",
        };
    }
}

/// <summary>The client's requisites for a document; the client card lives with the contacts capability, so the
/// caller passes them (all optional: a missing one prints empty).</summary>
public sealed record ClientRequisites(
    string? Inn = null,
    string? Kpp = null,
    string? Ogrn = null,
    string? Address = null,
    string? SignatoryPosition = null,
    string? SignatoryShort = null);
