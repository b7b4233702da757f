namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>What the sender's signature says about them and their company. Every field may be missing.</summary>
public sealed record ExtractedSignature
{
    public string? PersonName { get; init; }
    public string? Position { get; init; }
    public CompanyName? Company { get; init; }
    public IReadOnlyList<PhoneNumber> Phones { get; init; } = [];
    /// <summary>An INN whose check digits are right; a wrong one lands in <see cref="RejectedInns"/> instead.</summary>
    public string? Inn { get; init; }
    public string? Kpp { get; init; }
    public string? Ogrn { get; init; }
    /// <summary>The host of the company's website, lower case, without "www." ("stroytech.ru").</summary>
    public string? Website { get; init; }
    /// <summary>INN-like numbers that failed the checksum: shown to the manager, never stored as requisites.</summary>
    public IReadOnlyList<string> RejectedInns { get; init; } = [];

    public static ExtractedSignature Empty { get; } = new();
}
