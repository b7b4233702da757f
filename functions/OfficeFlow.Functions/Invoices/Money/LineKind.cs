namespace OfficeFlow.Functions.Invoices.Money;

/// <summary>What a line sells; the department head's monthly volume is split by it.</summary>
public enum LineKind
{
    /// <summary>One-off work: a programmer's visit, a remote session, a licence, a project.</summary>
    OneOff,

    /// <summary>A recurring fee: maintenance, a consulting-disc (ИТС) subscription.</summary>
    Subscription,
}
