namespace OfficeFlow.Functions.Invoices.Documents;

/// <summary>The firm's own requisites printed on invoices and statements: settings <c>Invoices:Firm:*</c>
/// (Name, Inn, Kpp, Ogrn, Address, Bank, Account, CorrAccount, Bik, City, SignatoryPosition, SignatoryShort,
/// AccountantShort), or a JSON file with the same names named by <c>Invoices:FirmFile</c>.</summary>
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
                missing.Add("Invoices:Firm:" + key);
            }
        }

        Need(Name, nameof(Name));
        Need(Inn, nameof(Inn));
        Need(Bank, nameof(Bank));
        Need(Account, nameof(Account));
        Need(Bik, nameof(Bik));
        return missing;
    }

    public static FirmRequisites From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Invoices:FirmFile"] is { Length: > 0 } file)
        {
            try
            {
                return System.Text.Json.JsonSerializer.Deserialize<FirmRequisites>(File.ReadAllText(file), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
                    ?? throw new InvalidOperationException($"Invoices:FirmFile '{file}' is empty.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                throw new InvalidOperationException($"Invoices:FirmFile '{file}' cannot be read as the firm's requisites (JSON with name, inn, kpp, …): {e.Message}", e);
            }
        }

        var section = configuration.GetSection("Invoices:Firm");
        var defaults = new FirmRequisites();
        return new FirmRequisites
        {
            Name = section["Name"] ?? "",
            Inn = section["Inn"] ?? "",
            Kpp = section["Kpp"] ?? "",
            Ogrn = section["Ogrn"] ?? "",
            Address = section["Address"] ?? "",
            Bank = section["Bank"] ?? "",
            Account = section["Account"] ?? "",
            CorrAccount = section["CorrAccount"] ?? "",
            Bik = section["Bik"] ?? "",
            City = section["City"] ?? defaults.City,
            SignatoryPosition = section["SignatoryPosition"] ?? defaults.SignatoryPosition,
            SignatoryShort = section["SignatoryShort"] ?? "",
            AccountantShort = section["AccountantShort"] ?? "",
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
