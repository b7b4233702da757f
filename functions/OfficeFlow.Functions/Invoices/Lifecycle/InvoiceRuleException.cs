namespace OfficeFlow.Functions.Invoices.Lifecycle;

/// <summary>What kind of refusal an <see cref="InvoiceRuleException"/> is; the API maps it to 400, 404 or 409.</summary>
public enum InvoiceRuleKind
{
    /// <summary>The input is wrong and the user can fix it (400).</summary>
    Invalid,
    /// <summary>The invoice or payment does not exist (404).</summary>
    NotFound,
    /// <summary>The invoice's state does not allow the action (409).</summary>
    NotAllowed,
}

/// <summary>A refusal by the invoice rules, with a Russian message a manager can act on.
/// <see cref="Code"/> is stable for programs (e.g. "overpayment").</summary>
public sealed class InvoiceRuleException(InvoiceRuleKind kind, string code, string message) : Exception(message)
{
    public InvoiceRuleKind Kind { get; } = kind;
    public string Code { get; } = code;
}
