using System.Text.Json.Nodes;

namespace OfficeFlow.Functions.Firm;

/// <summary>What a document needs of the firm: an invoice or an акт сверки needs who is paid and to which account;
/// a contract also needs the registration, the address, and who signs it on what authority.</summary>
public enum FirmUse
{
    Invoice,
    Contract,
}

/// <summary>
/// The firm's own requisites: the one record that contracts (<c>supplier.*</c>), invoices, the акт сверки and the
/// reminder e-mails print. It is stored in Table Storage and edited by an admin (GET/PUT /api/firm); the <c>Firm:*</c>
/// settings are its first-run defaults (see <see cref="FromSettings"/>).
/// </summary>
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
    public string SignatoryGenitive { get; init; } = "";
    public string SignatoryShort { get; init; } = "";
    public string Basis { get; init; } = "Устава";
    public string AccountantShort { get; init; } = "";

    /// <summary>The Russian label of each field, as the admin sees it in messages and in the add-in.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "наименование",
        ["inn"] = "ИНН",
        ["kpp"] = "КПП",
        ["ogrn"] = "ОГРН",
        ["address"] = "адрес",
        ["bank"] = "банк",
        ["account"] = "расчётный счёт",
        ["corrAccount"] = "корр. счёт",
        ["bik"] = "БИК",
        ["city"] = "город",
        ["signatoryPosition"] = "должность подписанта",
        ["signatoryGenitive"] = "подписант в родительном падеже",
        ["signatoryShort"] = "подписант (И.О. Фамилия)",
        ["basis"] = "основание полномочий",
        ["accountantShort"] = "главный бухгалтер (И.О. Фамилия)",
    };

    /// <summary>The fields (API names) a document of this kind cannot do without and that are empty; none when complete.
    /// A sole trader (12-digit INN) has no KPP.</summary>
    public IReadOnlyList<string> Missing(FirmUse use)
    {
        var missing = new List<string>();
        void Need(string value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(field);
            }
        }

        // What a payer needs to pay by: who, and to which account.
        Need(Name, "name");
        Need(Inn, "inn");
        Need(Bank, "bank");
        Need(Account, "account");
        Need(Bik, "bik");
        if (use == FirmUse.Contract)
        {
            if (!RussianRequisites.IsSoleTraderInn(Inn))
            {
                Need(Kpp, "kpp");
            }

            Need(Ogrn, "ogrn");
            Need(Address, "address");
            Need(CorrAccount, "corrAccount");
            Need(SignatoryPosition, "signatoryPosition");
            Need(SignatoryGenitive, "signatoryGenitive");
            Need(SignatoryShort, "signatoryShort");
            Need(Basis, "basis");
        }

        return missing;
    }

    /// <summary>The <c>supplier</c> object of a contract template (its field names are snake_case, as the templates were written).</summary>
    public JsonObject ToSupplier() => new()
    {
        ["name"] = Name,
        ["inn"] = Inn,
        ["kpp"] = Kpp,
        ["ogrn"] = Ogrn,
        ["address"] = Address,
        ["bank"] = Bank,
        ["account"] = Account,
        ["corr_account"] = CorrAccount,
        ["bik"] = Bik,
        ["signatory_position"] = SignatoryPosition,
        ["signatory_genitive"] = SignatoryGenitive,
        ["signatory_short"] = SignatoryShort,
        ["basis"] = Basis,
    };

    /// <summary>The <c>Firm:*</c> settings (snake_case keys, as <c>Firm__corr_account</c>): the firm until an admin saves it.</summary>
    public static FirmRequisites FromSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Firm");
        var defaults = new FirmRequisites();
        string Read(string key, string fallback = "") => section[key] is { } value ? value.Trim() : fallback;
        return new FirmRequisites
        {
            Name = Read("name"),
            Inn = Read("inn"),
            Kpp = Read("kpp"),
            Ogrn = Read("ogrn"),
            Address = Read("address"),
            Bank = Read("bank"),
            Account = Read("account"),
            CorrAccount = Read("corr_account"),
            Bik = Read("bik"),
            City = Read("city", defaults.City),
            SignatoryPosition = Read("signatory_position", defaults.SignatoryPosition),
            SignatoryGenitive = Read("signatory_genitive"),
            SignatoryShort = Read("signatory_short"),
            Basis = Read("basis", defaults.Basis),
            AccountantShort = Read("accountant_short"),
        };
    }

    /// <summary><c>Firm:demo</c> = true: the requisites are the demonstration firm's (./run.sh sets it in Development only).</summary>
    public static bool IsDemoInSettings(IConfiguration configuration) =>
        bool.TryParse(configuration["Firm:demo"], out var demo) && demo;
}
