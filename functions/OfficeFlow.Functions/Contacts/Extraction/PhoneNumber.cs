namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>A phone number in E.164 form (e.g. "+74951234567") with an optional extension.</summary>
public sealed record PhoneNumber(string E164, string? Extension = null)
{
    /// <summary>RFC 3966 style: "+74951234567" or "+74951234567;ext=123".</summary>
    public override string ToString() => Extension is null ? E164 : $"{E164};ext={Extension}";
}
