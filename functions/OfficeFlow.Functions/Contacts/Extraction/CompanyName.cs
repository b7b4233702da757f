namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>A company as named in a signature: its legal form ("ООО", "АО", "ИП", "LLC") and its own name ("Ромашка").</summary>
public sealed record CompanyName(string LegalForm, string Name)
{
    /// <summary>How it is usually written: ООО «Ромашка», ИП Сидоров А. В., Acme LLC.</summary>
    public string Display => LegalForm switch
    {
        "ИП" => $"ИП {Name}",
        _ when LegalForm.Any(c => c is >= 'A' and <= 'z') => $"{Name} {LegalForm}",
        _ => $"{LegalForm} «{Name}»",
    };
}
