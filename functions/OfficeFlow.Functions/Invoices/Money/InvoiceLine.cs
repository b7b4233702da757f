namespace OfficeFlow.Functions.Invoices.Money;

/// <summary>One line of an invoice as the manager enters it.</summary>
/// <param name="Item">What is sold, as printed ("Сопровождение 1С, ноябрь 2026").</param>
/// <param name="Quantity">How many units; may be fractional (hours, 1/3 of a month).</param>
/// <param name="Unit">The unit as printed ("шт", "час", "мес").</param>
/// <param name="Price">The price per unit in roubles; with or without VAT as the invoice's <see cref="VatMode"/> says.</param>
public sealed record InvoiceLine(string Item, decimal Quantity, string Unit, decimal Price, VatRate VatRate, LineKind Kind = LineKind.OneOff);
