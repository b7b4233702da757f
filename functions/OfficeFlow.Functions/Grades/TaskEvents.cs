namespace OfficeFlow.Functions.Grades;

/// <summary>The names of the OfficeFlow events a catalog task can be logged by (the policy's "autoEvent").</summary>
public static class TaskEvents
{
    public const string ContactLogged = "contactLogged";
    public const string ClientCreated = "clientCreated";
    public const string ContractGenerated = "contractGenerated";
    public const string InvoiceIssued = "invoiceIssued";
    public const string ReminderSent = "reminderSent";
    public const string PaymentLinked = "paymentLinked";
}
