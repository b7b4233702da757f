using System.Text.Json;
using Azure.Data.Tables;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Contracts.Storage;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;
using OfficeFlow.Functions.Invoices.Storage;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Grades;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

/// <summary>
/// Rows written by the hand-written client that Azure.Data.Tables replaced must read back the same. That client
/// (functions/OfficeFlow.Storage, EdmWriter) wrote: decimal as an invariant string ("1234.50"), an enum as its
/// member's name, int as Edm.Int32, long as Edm.Int64, DateTimeOffset as Edm.DateTime in UTC, bool, byte[] as
/// Edm.Binary, and left nulls and get-only properties out. These tests write rows in exactly that form, as raw
/// <see cref="TableEntity"/> properties of those types, and read them through today's stores.
/// </summary>
public sealed class OldWireFormatTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset IssuedAt = new DateTimeOffset(2026, 10, 1, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567);
    private readonly TableStore _tables = new(azurite.CreateServiceClient(), AzuriteFixture.NewTablePrefix());

    [Fact]
    public async Task AnInvoiceAndItsPaymentInTheOldFormat_ReadWithTheSameAmounts()
    {
        var table = await _tables.GetTableAsync(InvoiceKeys.TableName);
        await table.AddEntityAsync(OldInvoiceRow(7, paid: "50000.05", total: "125000.10", balance: "75000.05"));
        await table.AddEntityAsync(OldPaymentRow(7, "p1", amount: "50000.05"));
        var store = new InvoiceStore(_tables);

        var (invoice, _) = (await store.GetAsync(InvoiceKeys.InvoiceId(2026, 7), CancellationToken.None))!.Value;
        var payments = await store.GetPaymentsAsync(invoice, CancellationToken.None);
        var stored = (await table.FindAsync<InvoiceEntity>("2026", InvoiceKeys.InvoiceRow(7)))!;

        Assert.Equal(50000.05m, invoice.Paid);
        Assert.Equal(125000.10m, invoice.Total);
        Assert.Equal(75000.05m, invoice.Balance);
        Assert.Equal(InvoiceStatus.PartlyPaid, invoice.Status);
        Assert.Equal(VatMode.Included, invoice.VatMode);
        Assert.Equal(10, invoice.PaymentTermDays);
        Assert.Equal(IssuedAt, invoice.IssuedAt);
        Assert.Null(invoice.SentAt);
        Assert.Equal((50000.05m, 125000.10m, 75000.05m), (stored.Paid, stored.Total, stored.Balance));
        var payment = Assert.Single(payments).Payment;
        Assert.Equal(50000.05m, payment.Amount);
        Assert.Equal(new DateOnly(2026, 10, 5), payment.Date);
    }

    [Fact]
    public async Task AmountsWithScaleAndManyDigits_SurviveExactly()
    {
        var table = await _tables.GetTableAsync(InvoiceKeys.TableName);
        // 28 significant digits: a double (what Azure.Data.Tables makes of a decimal) would keep about 16.
        await table.AddEntityAsync(OldInvoiceRow(8, paid: "0.10", total: "125000.10", balance: "125000.00"));
        await table.AddEntityAsync(OldPaymentRow(8, "p-big", amount: "1234567890123456.7890123456"));

        var invoice = (await new InvoiceStore(_tables).GetAsync(InvoiceKeys.InvoiceId(2026, 8), CancellationToken.None))!.Value.Invoice;
        var payment = Assert.Single(await new InvoiceStore(_tables).GetPaymentsAsync(invoice, CancellationToken.None)).Payment;

        Assert.Equal("0.10", invoice.Paid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1234567890123456.7890123456m, payment.Amount);
    }

    [Fact]
    public async Task AnOldInvoiceWrittenAgain_KeepsItsMoneyAsText()
    {
        var table = await _tables.GetTableAsync(InvoiceKeys.TableName);
        await table.AddEntityAsync(OldInvoiceRow(9, paid: "0", total: "125000.10", balance: "125000.10"));
        var store = new InvoiceStore(_tables);
        var (invoice, etag) = (await store.GetAsync(InvoiceKeys.InvoiceId(2026, 9), CancellationToken.None))!.Value;

        Assert.Equal(TableWriteStatus.Ok, await store.UpdateAsync(invoice with { Paid = 1000.50m }, etag, CancellationToken.None));

        var raw = (await table.GetEntityAsync<TableEntity>("2026", InvoiceKeys.InvoiceRow(9))).Value;
        Assert.Equal("1000.50", raw["Paid"]);
        Assert.Equal("125000.10", raw["Total"]);
        Assert.Equal("123999.60", raw["Balance"]);
        Assert.Equal("Included", raw["VatMode"]);
        Assert.False(raw.ContainsKey("SentAt"), "a null is left out, as before");
    }

    [Fact]
    public async Task AContractInTheOldFormat_ShowsItsAmountOnTheClientCard()
    {
        var table = await _tables.GetTableAsync(ContractService.TableName);
        await table.AddEntityAsync(new TableEntity("2026", "2026-0003")
        {
            ["Number"] = "2026-0003",
            ["Date"] = IssuedAt,
            ["ClientId"] = "c-romashka",
            ["ClientName"] = "ООО «Ромашка»",
            ["TemplateId"] = "consulting",
            ["Amount"] = "987654321.99",
            ["CreatedById"] = "anna",
            ["CreatedByName"] = "Анна",
            ["DataJson"] = "{}",
        });

        var contract = Assert.Single(await new ContractsByClient(new ContractStore(_tables)).ForClientAsync("c-romashka", 10));
        var stored = (await table.FindAsync<ContractEntity>("2026", "2026-0003"))!;

        Assert.Equal(987654321.99m, contract.Amount);
        Assert.Equal(IssuedAt, contract.Date);
        Assert.Equal(987654321.99m, stored.Amount);
        Assert.Null(stored.RequestId);
    }

    [Fact]
    public async Task ALedgerEntryInTheOldFormat_CountsForTheMonth()
    {
        var table = await _tables.GetTableAsync(LedgerStore.LedgerTable);
        var rowKey = LedgerIds.AutomaticRowKey("invoice:2026-7");
        await table.AddEntityAsync(new TableEntity("2026-10", rowKey)
        {
            ["EmployeeId"] = "anna",
            ["At"] = IssuedAt,
            ["TaskCode"] = "3.1",
            ["Source"] = "Automatic",
            ["ClientId"] = "c-romashka",
            ["Minutes"] = 90,
            ["SourceId"] = "invoice:2026-7",
        });

        var store = new LedgerStore(_tables, new GradesSettings { Zone = GradesTestData.Moscow });
        var entry = Assert.Single(await store.ReadMonthAsync(new GradesMonth(2026, 10)));

        Assert.Equal(("anna", "3.1", LedgerSource.Automatic, 90), (entry.EmployeeId, entry.TaskCode, entry.Source, entry.Minutes));
        Assert.Equal(IssuedAt, entry.At);
        Assert.Null(entry.Note);
    }

    [Fact]
    public async Task AnUnreadableAmount_FailsNamingItInsteadOfReadingZero()
    {
        var table = await _tables.GetTableAsync(InvoiceKeys.TableName);
        await table.AddEntityAsync(OldPaymentRow(10, "p-bad", amount: "12,50"));
        var entity = (await table.FindAsync<PaymentEntity>("2026", InvoiceKeys.PaymentRow(10, "p-bad")))!;

        var error = Assert.Throws<InvalidOperationException>(() => entity.Amount);
        Assert.Contains("Amount", error.Message);
    }

    private static TableEntity OldInvoiceRow(int number, string paid, string total, string balance)
    {
        var lines = new List<InvoiceLine> { new("Сопровождение 1С", 3m, "мес.", 41666.70m, VatRate.Vat22) };
        return new TableEntity("2026", InvoiceKeys.InvoiceRow(number))
        {
            ["Id"] = InvoiceKeys.InvoiceId(2026, number),
            ["Number"] = number,
            ["ClientId"] = "c-romashka",
            ["ClientName"] = "ООО «Ромашка»",
            ["ClientEmail"] = "buh@romashka.ru",
            ["IssueDate"] = "2026-10-01",
            ["DueDate"] = "2026-10-11",
            ["PaymentTermDays"] = 10,
            ["Currency"] = "RUB",
            ["VatMode"] = "Included",
            ["LinesJson"] = JsonSerializer.Serialize(lines, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            ["Paid"] = paid,
            ["Total"] = total,
            ["Balance"] = balance,
            ["Status"] = "Issued",
            ["IssuedAt"] = IssuedAt,
            ["DoNotRemind"] = false,
            ["CreatedBy"] = "manager-1",
            ["CreatedAt"] = IssuedAt,
        };
    }

    private static TableEntity OldPaymentRow(int number, string paymentId, string amount) =>
        new("2026", InvoiceKeys.PaymentRow(number, paymentId))
        {
            ["PaymentId"] = paymentId,
            ["InvoiceId"] = InvoiceKeys.InvoiceId(2026, number),
            ["Date"] = "2026-10-05",
            ["Amount"] = amount,
            ["RecordedBy"] = "accountant-1",
            ["RecordedAt"] = IssuedAt,
        };
}
