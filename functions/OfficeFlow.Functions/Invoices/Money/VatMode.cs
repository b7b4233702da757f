namespace OfficeFlow.Functions.Invoices.Money;

/// <summary>Whether a line's price already contains VAT or VAT is added on top of it.</summary>
public enum VatMode
{
    /// <summary>The price is what the client pays; the invoice says "в том числе НДС". The default:
    /// software-service firms quote their tariffs to clients with VAT included.</summary>
    Included,

    /// <summary>The price is net; VAT is added ("НДС сверху"), as some firms do for B2B price lists.</summary>
    OnTop,
}
