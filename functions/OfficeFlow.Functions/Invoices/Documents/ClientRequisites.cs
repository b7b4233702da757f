namespace OfficeFlow.Functions.Invoices.Documents;

/// <summary>The client's requisites for a document; the client card lives with the contacts capability, so the
/// caller passes them (all optional: a missing one prints empty).</summary>
public sealed record ClientRequisites(
    string? Inn = null,
    string? Kpp = null,
    string? Ogrn = null,
    string? Address = null,
    string? SignatoryPosition = null,
    string? SignatoryShort = null);
